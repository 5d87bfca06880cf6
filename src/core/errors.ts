// The one error type the core throws, with the codes of test/fixtures/SCHEMA.md.

/** Error codes in priority order: when a call has several problems, the earliest is thrown. */
export const ERROR_CODES = [
  'EMPTY', 'LENGTH_MISMATCH', 'NON_FINITE', 'NEGATIVE', 'OUT_OF_RANGE', 'NOT_NORMALIZED', 'INVALID_OPTION',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Invalid input to a core function; `message` says what is wrong and where. */
export class CoreError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'CoreError';
    this.code = code;
  }
}

export function isCoreError(e: unknown): e is CoreError {
  return e instanceof CoreError;
}
