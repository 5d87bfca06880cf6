// One dispatcher taking exactly the case format of test/fixtures/SCHEMA.md: {fn, args}.

import { binaryCrossEntropy, type BinaryCrossEntropyOptions } from './binaryCrossEntropy';
import { categoricalCrossEntropy, type CategoricalCrossEntropyOptions } from './categoricalCrossEntropy';
import { crossEntropy, entropy, jsDivergence, klDivergence } from './divergences';
import { CoreError } from './errors';
import { logSoftmax, logSumExp, softmax } from './softmax';
import type { Matrix, NumericInput } from './validate';

export type FunctionName =
  | 'entropy' | 'crossEntropy' | 'klDivergence' | 'jsDivergence'
  | 'logSumExp' | 'softmax' | 'logSoftmax' | 'binaryCrossEntropy' | 'categoricalCrossEntropy';

export const FUNCTION_NAMES: readonly FunctionName[] = [
  'entropy', 'crossEntropy', 'klDivergence', 'jsDivergence', 'logSumExp', 'softmax', 'logSoftmax',
  'binaryCrossEntropy', 'categoricalCrossEntropy',
];

export interface EvaluateRequest { fn: string; args: Record<string, unknown> }
export interface EvaluateResult {
  value: number | number[] | number[][];
  grad?: number[] | number[][];
}

/** "Infinity", "-Infinity" and "NaN" (test/fixtures/SCHEMA.md's JSON spelling) become numbers, recursively. */
export function decodeNonFinite(x: unknown): unknown {
  if (x === 'Infinity') return Infinity;
  if (x === '-Infinity') return -Infinity;
  if (x === 'NaN') return NaN;
  if (Array.isArray(x)) return x.map(decodeNonFinite);
  return x;
}

function split(args: Record<string, unknown>, data: string[]): { data: unknown[]; options: Record<string, unknown> } {
  const options: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(args)) if (!data.includes(k)) options[k] = decodeNonFinite(v);
  return { data: data.map((k) => decodeNonFinite(args[k])), options };
}

function noOptions(fn: string, options: Record<string, unknown>): void {
  const keys = Object.keys(options);
  if (keys.length) throw new CoreError('INVALID_OPTION', `${fn} takes only x; unknown option "${keys[0]}"`);
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
  const fn = request?.fn;
  const args = (request?.args ?? {}) as Record<string, unknown>;
  if (typeof args !== 'object' || Array.isArray(args)) throw new CoreError('INVALID_OPTION', 'args must be an object');
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
      const r = binaryCrossEntropy(data[0] as NumericInput, data[1] as NumericInput, options as BinaryCrossEntropyOptions);
      return r.grad ? { value: r.value, grad: r.grad } : { value: r.value };
    }
    case 'categoricalCrossEntropy': {
      const { data, options } = split(args, ['target', 'input']);
      const r = categoricalCrossEntropy(data[0] as NumericInput, data[1] as Matrix, options as CategoricalCrossEntropyOptions);
      return r.grad ? { value: r.value, grad: r.grad } : { value: r.value };
    }
    default:
      throw new CoreError('INVALID_OPTION', `unknown function ${JSON.stringify(fn)}: use one of ${FUNCTION_NAMES.join(', ')}`);
  }
}
