// One dispatcher taking exactly the case format of test/fixtures/SCHEMA.md: {fn, args}.

import { binaryCrossEntropy, type BinaryCrossEntropyOptions } from './binaryCrossEntropy';
import { categoricalCrossEntropy, type CategoricalCrossEntropyOptions } from './categoricalCrossEntropy';
import { crossEntropy, entropy, jsDivergence, klDivergence } from './divergences';
import { CoreError } from './errors';
import { logSoftmax, logSumExp, softmax } from './softmax';
import { show } from './show';
import { MAX_ELEMENTS, type Matrix, type NumericInput } from './validate';

export type FunctionName =
  | 'entropy'
  | 'crossEntropy'
  | 'klDivergence'
  | 'jsDivergence'
  | 'logSumExp'
  | 'softmax'
  | 'logSoftmax'
  | 'binaryCrossEntropy'
  | 'categoricalCrossEntropy';

export const FUNCTION_NAMES: readonly FunctionName[] = [
  'entropy',
  'crossEntropy',
  'klDivergence',
  'jsDivergence',
  'logSumExp',
  'softmax',
  'logSoftmax',
  'binaryCrossEntropy',
  'categoricalCrossEntropy',
];

export interface EvaluateRequest {
  fn: string;
  args: Record<string, unknown>;
}
export interface EvaluateResult {
  value: number | number[] | number[][];
  grad?: number[] | number[][];
}

const decodeOne = (x: unknown): unknown =>
  x === 'Infinity' ? Infinity : x === '-Infinity' ? -Infinity : x === 'NaN' ? NaN : x;

/**
 * "Infinity", "-Infinity" and "NaN" (test/fixtures/SCHEMA.md's JSON spelling) become numbers,
 * in a value, a 1-D array or the rows of a 2-D array: inputs are at most 2-D,
 * so deeper arrays are left as they are (and refused by the function as deeper
 * than 2-D), without recursion into them. Arrays longer than the core accepts
 * are left as they are too, for the function to refuse without copying them.
 */
export function decodeNonFinite(x: unknown): unknown {
  if (!Array.isArray(x) || x.length > MAX_ELEMENTS) return decodeOne(x);
  return x.map((v: unknown) => (Array.isArray(v) && v.length <= MAX_ELEMENTS ? v.map(decodeOne) : decodeOne(v)));
}

const own = (o: object, key: string): unknown =>
  Object.prototype.hasOwnProperty.call(o, key) ? (o as Record<string, unknown>)[key] : undefined;

/** The data arguments by name, and every other own key as an option (on a prototype-less object, so "__proto__" is just a name). */
function split(args: object, data: string[]): { data: unknown[]; options: Record<string, unknown> } {
  const options = Object.create(null) as Record<string, unknown>;
  for (const k of Object.keys(args)) if (!data.includes(k)) options[k] = decodeNonFinite(own(args, k));
  return { data: data.map((k) => decodeNonFinite(own(args, k))), options };
}

function noOptions(fn: string, options: Record<string, unknown>): void {
  const keys = Object.keys(options);
  if (keys.length) throw new CoreError('INVALID_OPTION', `${fn} takes only x; unknown option ${show(keys[0])}`);
}

/**
 * evaluate({fn, args}) -> {value, grad?}
 *
 * Runs one core function on arguments in test/fixtures/SCHEMA.md's case format (non-finite
 * numbers may be written "Infinity", "-Infinity", "NaN"). `grad` is returned by
 * the losses (binaryCrossEntropy, categoricalCrossEntropy) when defined.
 * Throws CoreError with test/fixtures/SCHEMA.md's code on invalid input, INVALID_OPTION for an unknown fn.
 */
export function evaluate(request: EvaluateRequest): EvaluateResult {
  if (request === null || typeof request !== 'object')
    throw new CoreError('INVALID_OPTION', `the request is ${show(request)}: expected {fn, args}`);
  const fn = own(request, 'fn');
  const args = own(request, 'args') ?? {};
  if (args === null || typeof args !== 'object' || Array.isArray(args))
    throw new CoreError('INVALID_OPTION', `args is ${show(args)}: expected an object`);
  switch (fn) {
    case 'entropy': {
      const { data, options } = split(args, ['p']);
      return { value: entropy(data[0] as NumericInput, options) };
    }
    case 'crossEntropy':
    case 'klDivergence':
    case 'jsDivergence': {
      const { data, options } = split(args, ['p', 'q']);
      const f = fn === 'crossEntropy' ? crossEntropy : fn === 'klDivergence' ? klDivergence : jsDivergence;
      return { value: f(data[0] as NumericInput, data[1] as NumericInput, options) };
    }
    case 'logSumExp':
    case 'softmax':
    case 'logSoftmax': {
      const { data, options } = split(args, ['x']);
      noOptions(fn, options);
      const f = fn === 'logSumExp' ? logSumExp : fn === 'softmax' ? softmax : logSoftmax;
      return { value: f(data[0] as NumericInput) };
    }
    case 'binaryCrossEntropy': {
      const { data, options } = split(args, ['target', 'input']);
      const r = binaryCrossEntropy(
        data[0] as NumericInput,
        data[1] as NumericInput,
        options as BinaryCrossEntropyOptions,
      );
      return r.grad ? { value: r.value, grad: r.grad } : { value: r.value };
    }
    case 'categoricalCrossEntropy': {
      const { data, options } = split(args, ['target', 'input']);
      const r = categoricalCrossEntropy(
        data[0] as NumericInput,
        data[1] as Matrix,
        options as CategoricalCrossEntropyOptions,
      );
      return r.grad ? { value: r.value, grad: r.grad } : { value: r.value };
    }
    default:
      throw new CoreError('INVALID_OPTION', `unknown function ${show(fn)}: use one of ${FUNCTION_NAMES.join(', ')}`);
  }
}
