// emulate(): the value a framework's loss returns for these numbers, with its
// defaults and dtype, beside the exact value and the one-line reason they differ.
import { CoreError } from '../errors';
import type { Dtype } from './dtype';
import * as flux from './flux';
import * as keras from './keras';
import { Arithmetic } from './numerics';
import { minor, readOptions, type EmulateOptions } from './options';
import * as optax from './optax';
import * as pytorch from './pytorch';
import type { Loss } from './pytorch';
import * as sklearn from './sklearn';
import { FRAMEWORKS, type FrameworkId } from './table';
import * as tfjs from './tfjs';

export { DTYPES, DTYPE_EPS, roundTo, significandBits, type Dtype } from './dtype';
export { FRAMEWORKS, FRAMEWORK_IDS, type FrameworkId, type FrameworkEntry, type LossEntry, type Holds } from './table';
export type { EmulateOptions } from './options';
export { emulationForCallee, type CalleeEmulation } from './callee';

/** The two arrays of a loss call, named by what they are rather than by each library's order. */
export interface EmulateArgs {
  /** What the model produced: logits, probabilities or log-probabilities, as the loss takes. */
  prediction: unknown;
  /** The target: class indices, one-hot rows, probabilities or binary labels, as the loss takes. */
  target: unknown;
}

export interface EmulateResult {
  framework: FrameworkId;
  /** The library's label (`PyTorch`). */
  label: string;
  /** The call as the library spells it (`F.binary_cross_entropy`). */
  call: string;
  /** What the framework returns: a number, or one per element / row for reduction `none` (and optax without `mean`). */
  value: number | number[];
  /** The same loss in exact arithmetic (float64, no clip, clamp or eps, no renormalisation). */
  exact: number | number[];
  dtype: Dtype;
  /** Why `value` differs from `exact`, in one line: "log clamped at −100", "float32 rounding", or "same as exact". */
  reason: string;
  /** The scikit-learn version whose rule gave the value. */
  version?: string;
}

const LOSSES: Readonly<Record<FrameworkId, Readonly<Record<string, Loss>>>> = {
  pytorch: {
    cross_entropy: pytorch.crossEntropy,
    nll_loss: pytorch.nllLoss,
    binary_cross_entropy: pytorch.binaryCrossEntropy,
    binary_cross_entropy_with_logits: pytorch.binaryCrossEntropyWithLogits,
    kl_div: pytorch.klDiv,
  },
  keras: {
    CategoricalCrossentropy: keras.categoricalCrossentropy,
    SparseCategoricalCrossentropy: keras.sparseCategoricalCrossentropy,
    BinaryCrossentropy: keras.binaryCrossentropy,
    KLDivergence: keras.klDivergence,
  },
  sklearn: { log_loss: sklearn.logLoss },
  tfjs: {
    logLoss: tfjs.logLoss,
    softmaxCrossEntropy: tfjs.softmaxCrossEntropy,
    sigmoidCrossEntropy: tfjs.sigmoidCrossEntropy,
  },
  optax: {
    softmax_cross_entropy: optax.softmaxCrossEntropy,
    softmax_cross_entropy_with_integer_labels: optax.softmaxCrossEntropyWithIntegerLabels,
    safe_softmax_cross_entropy: optax.safeSoftmaxCrossEntropy,
    sigmoid_binary_cross_entropy: optax.sigmoidBinaryCrossEntropy,
  },
  flux: {
    crossentropy: flux.crossentropy,
    logitcrossentropy: flux.logitcrossentropy,
    kldivergence: flux.kldivergence,
    binarycrossentropy: flux.binarycrossentropy,
  },
};

function same(a: number | number[], b: number | number[]): boolean {
  const x = typeof a === 'number' ? [a] : a,
    y = typeof b === 'number' ? [b] : b;
  return x.length === y.length && x.every((v, i) => Object.is(v, y[i]) || v === y[i]);
}

/**
 * The value `framework`'s `loss` returns for `args`, with its defaults, the
 * options given and its dtype; `exact` beside it and the `reason` they differ.
 * Throws CoreError for an unknown framework, loss or option (INVALID_OPTION),
 * arrays of the wrong shape (LENGTH_MISMATCH, EMPTY), NaN or ±∞ (NON_FINITE;
 * −∞ logits are allowed where a loss masks them), probabilities outside [0, 1].
 */
export function emulate(
  framework: FrameworkId,
  loss: string,
  args: EmulateArgs,
  options: EmulateOptions = {},
): EmulateResult {
  const fw = Object.prototype.hasOwnProperty.call(FRAMEWORKS, framework) ? FRAMEWORKS[framework] : undefined;
  if (!fw)
    throw new CoreError(
      'INVALID_OPTION',
      `unknown framework "${String(framework)}" (frameworks: ${Object.keys(FRAMEWORKS).join(', ')})`,
    );
  const entry = Object.prototype.hasOwnProperty.call(fw.losses, loss) ? fw.losses[loss] : undefined;
  const fn = LOSSES[framework][loss];
  if (!entry || !fn)
    throw new CoreError(
      'INVALID_OPTION',
      `${fw.label} has no emulated loss "${String(loss)}" (losses: ${Object.keys(fw.losses).join(', ')})`,
    );
  if (args === null || typeof args !== 'object')
    throw new CoreError('INVALID_OPTION', 'args must be an object { prediction, target }');
  const o = readOptions(fw, loss, entry, options);
  const ar = new Arithmetic(o.dtype, false);
  const value = fn(ar, args.prediction, args.target, o);
  const exact = fn(new Arithmetic('float64', true), args.prediction, args.target, o);
  const notes = [...ar.notes];
  const reason = notes.length
    ? notes.join('; ')
    : same(value, exact)
      ? 'same as exact'
      : o.dtype === 'float64'
        ? 'rounding'
        : `${o.dtype} rounding`;
  const result: EmulateResult = { framework, label: fw.label, call: entry.call, value, exact, dtype: o.dtype, reason };
  if (framework === 'sklearn') result.version = minor(o.version ?? '1.5') >= 5 ? '1.5 and later' : '1.2–1.4';
  return result;
}
