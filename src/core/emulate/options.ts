// The options of emulate(), read against the table: each loss takes its own
// (FRAMEWORKS[…].defaults) plus `reduction` and `dtype`; anything else, or a
// value of the wrong kind, is INVALID_OPTION / OUT_OF_RANGE naming the option.
import { CoreError } from '../errors';
import { DTYPES, type Dtype } from './dtype';
import type { FrameworkEntry, LossEntry } from './table';

export interface EmulateOptions {
  /**
   * How the per-element (or per-row) losses are combined. Default: the loss's own
   * (`mean` for PyTorch and scikit-learn, `sum_over_batch_size` for Keras,
   * `SUM_BY_NONZERO_WEIGHTS` for TF.js, `mean` of optax's per-example output,
   * Flux's `agg = mean`). PyTorch's `kl_div` also takes `batchmean`.
   */
  reduction?: string;
  /**
   * The dtype the framework computes in. Default: the framework's (float32;
   * float64 for scikit-learn, whose inputs are NumPy float64 arrays).
   * `torch.tensor([0.1, 0.9])` is float32; `float16` and `bfloat16` round every
   * input, intermediate and result to nearest-even.
   */
  dtype?: Dtype;
  /**
   * PyTorch `weight`: one weight per class for `cross_entropy` / `nll_loss` (the
   * mean divides by the sum of the weights of the kept targets), one per element
   * (or per column) for `binary_cross_entropy[_with_logits]`.
   */
  weight?: ArrayLike<number>;
  /** PyTorch `pos_weight` of `binary_cross_entropy_with_logits`: one per class (column), or one number. */
  posWeight?: ArrayLike<number> | number;
  /** PyTorch `ignore_index` (default −100): rows with this target contribute nothing and are not counted. */
  ignoreIndex?: number;
  /**
   * Label smoothing ε in [0, 1]: PyTorch and Keras categorical and TF.js softmax
   * mix the target with the uniform ε/K; Keras binary and TF.js sigmoid with 0.5·ε.
   */
  labelSmoothing?: number;
  /** PyTorch `kl_div`'s `log_target`: the target is given as log-probabilities. */
  logTarget?: boolean;
  /** Keras `from_logits`: the prediction holds logits (sigmoid / softmax applied inside, no clipping). */
  fromLogits?: boolean;
  /**
   * scikit-learn version whose `log_loss` rule applies: `'1.5'` and later (the
   * default) clip at the dtype's eps and do not renormalise (a warning when rows
   * do not sum to 1); `'1.2'`–`'1.4'` clip at `eps` and renormalise each row.
   */
  version?: string;
  /** scikit-learn < 1.5 `eps` ('auto': the dtype's machine epsilon); Flux's `ϵ` (default `eps(Float32)`). */
  eps?: number | 'auto';
  /** TF.js `logLoss` epsilon, added inside both logs (default 1e-7). */
  epsilon?: number;
  /** scikit-learn `sample_weight`: one weight per sample; the mean is weighted. */
  sampleWeight?: ArrayLike<number>;
  /** TF.js `weights`: one number, or one per loss element; `SUM_BY_NONZERO_WEIGHTS` divides by the count of non-zero ones. */
  weights?: ArrayLike<number> | number;
}

/** Options after reading: every option of the loss present, with its default where not given. */
export type ReadOptions = Required<Pick<EmulateOptions, 'reduction' | 'dtype'>> &
  Omit<EmulateOptions, 'reduction' | 'dtype'>;

function isNumbers(x: unknown): x is ArrayLike<number> {
  if (x === null || typeof x !== 'object' || typeof (x as { length?: unknown }).length !== 'number') return false;
  const a = x as ArrayLike<unknown>;
  for (let i = 0; i < a.length; i++) if (typeof a[i] !== 'number' || !Number.isFinite(a[i])) return false;
  return true;
}

export function readOptions(fw: FrameworkEntry, name: string, entry: LossEntry, options: unknown): ReadOptions {
  if (options === undefined) options = {};
  if (options === null || typeof options !== 'object' || Array.isArray(options))
    throw new CoreError('INVALID_OPTION', `options of ${fw.label} ${name} must be an object`);
  const given = options as Record<string, unknown>;
  const known = ['reduction', 'dtype', ...Object.keys(entry.defaults)];
  const out: Record<string, unknown> = { reduction: entry.reductions[0], dtype: fw.dtype, ...entry.defaults };
  for (const key of Object.keys(given)) {
    if (!known.includes(key))
      throw new CoreError(
        'INVALID_OPTION',
        `${fw.label} ${name} has no option "${key}" (options: ${known.join(', ')})`,
      );
    const v = given[key];
    if (v === undefined) continue;
    const bad = (what: string, code: 'INVALID_OPTION' | 'OUT_OF_RANGE' = 'INVALID_OPTION'): never => {
      throw new CoreError(code, `${fw.label} ${name}: ${key} is ${show(v)}; it must be ${what}`);
    };
    switch (key) {
      case 'reduction':
        if (typeof v !== 'string' || !entry.reductions.includes(v)) bad(`one of ${entry.reductions.join(', ')}`);
        break;
      case 'dtype':
        if (typeof v !== 'string' || !(DTYPES as readonly string[]).includes(v)) bad(`one of ${DTYPES.join(', ')}`);
        break;
      case 'weight':
      case 'sampleWeight':
        if (!isNumbers(v)) bad('an array of finite numbers');
        if (Array.from(v as ArrayLike<number>).some((w) => w < 0)) bad('non-negative', 'OUT_OF_RANGE');
        break;
      case 'posWeight':
      case 'weights':
        if (!(typeof v === 'number' && Number.isFinite(v)) && !isNumbers(v)) bad('a number or an array of numbers');
        break;
      case 'ignoreIndex':
        if (!Number.isInteger(v)) bad('an integer');
        break;
      case 'labelSmoothing':
        if (typeof v !== 'number' || !(v >= 0 && v <= 1)) bad('a number in [0, 1]', 'OUT_OF_RANGE');
        break;
      case 'logTarget':
      case 'fromLogits':
        if (typeof v !== 'boolean') bad('true or false');
        break;
      case 'version':
        if (typeof v !== 'string' || !/^1\.\d+/.test(v) || minor(v) < 2) bad("a scikit-learn version from '1.2' on");
        break;
      case 'eps':
        if (v !== 'auto' && !(typeof v === 'number' && v >= 0 && v < 0.5))
          bad("'auto' or a number in [0, 0.5)", 'OUT_OF_RANGE');
        break;
      case 'epsilon':
        if (!(typeof v === 'number' && v >= 0 && v < 0.5)) bad('a number in [0, 0.5)', 'OUT_OF_RANGE');
        break;
    }
    out[key] = v;
  }
  if (name === 'log_loss' && out.eps !== 'auto' && minor(out.version as string) >= 5)
    throw new CoreError('INVALID_OPTION', 'scikit-learn 1.5 removed log_loss\'s eps: pass version "1.4" or earlier');
  return out as ReadOptions;
}

/** The minor version of "1.x". */
export function minor(version: string): number {
  return Number(/^1\.(\d+)/.exec(version)?.[1] ?? NaN);
}

function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (Array.isArray(v)) return `an array of ${v.length}`;
  return typeof v === 'object' ? (v === null ? 'null' : 'an object') : String(v);
}
