// The one error type the core throws, with the codes of test/fixtures/SCHEMA.md.

/** Error codes in priority order: when a call has several problems, the earliest is thrown. */
export const ERROR_CODES = [
  'EMPTY',
  'LENGTH_MISMATCH',
  'NON_FINITE',
  'NEGATIVE',
  'OUT_OF_RANGE',
  'NOT_NORMALIZED',
  'INVALID_OPTION',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Longest message: enough to name the element and say why, never a dump of the input. */
export const MAX_MESSAGE = 300;

/** Invalid input to a core function; `message` says what is wrong and where (at most MAX_MESSAGE characters). */
export class CoreError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message);
    this.name = 'CoreError';
    this.code = code;
  }
}

export function isCoreError(e: unknown): e is CoreError {
  return e instanceof CoreError;
}
