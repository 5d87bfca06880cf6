// THE table of emulated frameworks and losses: each loss's spelling in its
// library, the callee names the finder may report for it, what its arguments
// hold and the defaults of its options. emulate() validates against it, the
// editor resolves callees by it, the docs are written from it.
import type { Dtype } from './dtype';

export type FrameworkId = 'pytorch' | 'keras' | 'sklearn' | 'tfjs' | 'optax' | 'flux';

/** What an argument holds. */
export type Holds = 'logits' | 'probabilities' | 'log-probabilities' | 'indices' | 'indices-or-probabilities';

export interface LossEntry {
  /** The call as the library's docs spell it (`F.binary_cross_entropy`, `keras.losses.BinaryCrossentropy`). */
  readonly call: string;
  /** Last segments of a callee, in snake_case, that name this loss (`binary_cross_entropy`, `bce_loss`). */
  readonly names: readonly string[];
  /** What the prediction holds (without `fromLogits`). */
  readonly prediction: Exclude<Holds, 'indices' | 'indices-or-probabilities'>;
  /** What the target holds. */
  readonly target: Holds;
  /** The options it accepts and their defaults (undefined: none). */
  readonly defaults: Readonly<Record<string, unknown>>;
  /** Reductions it accepts, the first the default. */
  readonly reductions: readonly string[];
}

export interface FrameworkEntry {
  readonly label: string;
  /** The dtype its tensors have when built from Python/JS literals or a model's output. */
  readonly dtype: Dtype;
  readonly losses: Readonly<Record<string, LossEntry>>;
}

const TORCH_REDUCTIONS = ['mean', 'sum', 'none'] as const;
const KERAS_REDUCTIONS = ['sum_over_batch_size', 'sum', 'none'] as const;
const TFJS_REDUCTIONS = ['SUM_BY_NONZERO_WEIGHTS', 'MEAN', 'SUM', 'NONE'] as const;
/** optax returns one loss per example; `mean` is what `.mean()` on it gives. */
const PER_EXAMPLE = ['mean', 'none'] as const;
const FLUX_AGG = ['mean', 'sum', 'none'] as const;

function loss(
  call: string,
  names: string[],
  prediction: LossEntry['prediction'],
  target: Holds,
  reductions: readonly string[],
  defaults: Record<string, unknown> = {},
): LossEntry {
  return Object.freeze({ call, names, prediction, target, reductions, defaults: Object.freeze(defaults) });
}

export const FRAMEWORKS: Readonly<Record<FrameworkId, FrameworkEntry>> = {
  pytorch: {
    label: 'PyTorch',
    dtype: 'float32',
    losses: {
      cross_entropy: loss(
        'F.cross_entropy',
        ['cross_entropy', 'cross_entropy_loss'],
        'logits',
        'indices-or-probabilities',
        TORCH_REDUCTIONS,
        { weight: undefined, ignoreIndex: -100, labelSmoothing: 0 },
      ),
      nll_loss: loss('F.nll_loss', ['nll_loss'], 'log-probabilities', 'indices', TORCH_REDUCTIONS, {
        weight: undefined,
        ignoreIndex: -100,
      }),
      binary_cross_entropy: loss(
        'F.binary_cross_entropy',
        ['binary_cross_entropy', 'bce_loss'],
        'probabilities',
        'probabilities',
        TORCH_REDUCTIONS,
        { weight: undefined },
      ),
      binary_cross_entropy_with_logits: loss(
        'F.binary_cross_entropy_with_logits',
        ['binary_cross_entropy_with_logits', 'bce_with_logits_loss'],
        'logits',
        'probabilities',
        TORCH_REDUCTIONS,
        { weight: undefined, posWeight: undefined },
      ),
      kl_div: loss(
        'F.kl_div',
        ['kl_div', 'kl_div_loss'],
        'log-probabilities',
        'probabilities',
        ['mean', 'batchmean', 'sum', 'none'],
        { logTarget: false },
      ),
    },
  },
  keras: {
    label: 'Keras',
    dtype: 'float32',
    losses: {
      CategoricalCrossentropy: loss(
        'keras.losses.CategoricalCrossentropy',
        ['categorical_crossentropy'],
        'probabilities',
        'probabilities',
        KERAS_REDUCTIONS,
        { fromLogits: false, labelSmoothing: 0 },
      ),
      SparseCategoricalCrossentropy: loss(
        'keras.losses.SparseCategoricalCrossentropy',
        ['sparse_categorical_crossentropy'],
        'probabilities',
        'indices',
        KERAS_REDUCTIONS,
        { fromLogits: false },
      ),
      BinaryCrossentropy: loss(
        'keras.losses.BinaryCrossentropy',
        ['binary_crossentropy'],
        'probabilities',
        'probabilities',
        KERAS_REDUCTIONS,
        { fromLogits: false, labelSmoothing: 0 },
      ),
      KLDivergence: loss(
        'keras.losses.KLDivergence',
        ['kl_divergence', 'kld'],
        'probabilities',
        'probabilities',
        KERAS_REDUCTIONS,
      ),
    },
  },
  sklearn: {
    label: 'scikit-learn',
    dtype: 'float64',
    losses: {
      log_loss: loss('sklearn.metrics.log_loss', ['log_loss'], 'probabilities', 'indices', ['mean', 'sum'], {
        version: '1.5',
        eps: 'auto',
        sampleWeight: undefined,
      }),
    },
  },
  tfjs: {
    label: 'TF.js',
    dtype: 'float32',
    losses: {
      logLoss: loss('tf.losses.logLoss', ['log_loss'], 'probabilities', 'probabilities', TFJS_REDUCTIONS, {
        weights: undefined,
        epsilon: 1e-7,
      }),
      softmaxCrossEntropy: loss(
        'tf.losses.softmaxCrossEntropy',
        ['softmax_cross_entropy'],
        'logits',
        'probabilities',
        TFJS_REDUCTIONS,
        { weights: undefined, labelSmoothing: 0 },
      ),
      sigmoidCrossEntropy: loss(
        'tf.losses.sigmoidCrossEntropy',
        ['sigmoid_cross_entropy'],
        'logits',
        'probabilities',
        TFJS_REDUCTIONS,
        { weights: undefined, labelSmoothing: 0 },
      ),
    },
  },
  optax: {
    label: 'optax',
    dtype: 'float32',
    losses: {
      softmax_cross_entropy: loss(
        'optax.softmax_cross_entropy',
        ['softmax_cross_entropy'],
        'logits',
        'probabilities',
        PER_EXAMPLE,
      ),
      softmax_cross_entropy_with_integer_labels: loss(
        'optax.softmax_cross_entropy_with_integer_labels',
        ['softmax_cross_entropy_with_integer_labels'],
        'logits',
        'indices',
        PER_EXAMPLE,
      ),
      safe_softmax_cross_entropy: loss(
        'optax.safe_softmax_cross_entropy',
        ['safe_softmax_cross_entropy'],
        'logits',
        'probabilities',
        PER_EXAMPLE,
      ),
      sigmoid_binary_cross_entropy: loss(
        'optax.sigmoid_binary_cross_entropy',
        ['sigmoid_binary_cross_entropy'],
        'logits',
        'probabilities',
        PER_EXAMPLE,
      ),
    },
  },
  flux: {
    label: 'Flux',
    dtype: 'float32',
    losses: {
      crossentropy: loss('Flux.crossentropy', ['crossentropy'], 'probabilities', 'probabilities', FLUX_AGG, {
        eps: 'auto',
      }),
      logitcrossentropy: loss('Flux.logitcrossentropy', ['logitcrossentropy'], 'logits', 'probabilities', FLUX_AGG),
      kldivergence: loss('Flux.kldivergence', ['kldivergence'], 'probabilities', 'probabilities', FLUX_AGG, {
        eps: 'auto',
      }),
      binarycrossentropy: loss(
        'Flux.binarycrossentropy',
        ['binarycrossentropy'],
        'probabilities',
        'probabilities',
        FLUX_AGG,
        { eps: 'auto' },
      ),
    },
  },
};

/** Options every loss takes besides its own: the reduction (when it has more than one) and the dtype. */
export const COMMON_OPTIONS = ['reduction', 'dtype'] as const;

export const FRAMEWORK_IDS = Object.keys(FRAMEWORKS) as FrameworkId[];
