// Values as they appear in error messages: short, and never throwing, whatever
// the value is (a BigInt, a huge string, a deeply nested array, a Proxy).

/** Longest string value quoted in a message; longer ones are cut with an ellipsis. */
const MAX_QUOTED = 40;

/**
 * show(value) -> string
 *
 * A short description of any value: numbers as JavaScript prints them, BigInts
 * with their n, strings quoted (cut at 40 characters), arrays and typed arrays
 * by kind and length, anything else by its type.
 */
export function show(value: unknown): string {
  try {
    switch (typeof value) {
      case 'number':
        return String(value);
      case 'bigint':
        return `${value}n (a BigInt)`;
      case 'string':
        return JSON.stringify(value.length > MAX_QUOTED ? `${value.slice(0, MAX_QUOTED)}…` : value);
      case 'boolean':
        return String(value);
      case 'undefined':
        return 'undefined';
      case 'symbol':
        return 'a symbol';
      case 'function':
        return 'a function';
    }
    if (value === null) return 'null';
    if (Array.isArray(value)) return `an array of ${value.length}`;
    if (ArrayBuffer.isView(value)) return `a ${value.constructor.name}`;
    return 'an object';
  } catch {
    return 'an unreadable value';
  }
}
