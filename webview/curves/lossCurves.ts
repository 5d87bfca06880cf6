// Curve data for the plots: plain formulas sampled on a grid. These are the
// textbook one-liners (−log p, (1−p)², σ(z)) the plots draw, not the core's
// vector maths — the user's own numbers always go through src/core.

/** A sampled curve: x ascending, y the same length. */
export interface Curve {
  x: Float64Array;
  y: Float64Array;
}

/** n evenly spaced points from a to b inclusive (n ≥ 2). */
export function linspace(a: number, b: number, n: number): Float64Array {
  const out = new Float64Array(n);
  const step = (b - a) / (n - 1);
  for (let i = 0; i < n; i++) out[i] = a + i * step;
  out[n - 1] = b;
  return out;
}

function map(x: Float64Array, f: (v: number) => number): Float64Array {
  const y = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) y[i] = f(x[i]!);
  return y;
}

/**
 * Loss against p, the probability given to the true class: cross-entropy −log p
 * and the squared error (1 − p)². The first goes to infinity as p → 0, the second
 * stays below 1 — why a confidently wrong prediction is punished far harder by CE.
 */
export function lossVsTrueClassProbability(n: number, pMin = 1e-3): { crossEntropy: Curve; squaredError: Curve } {
  const p = linspace(pMin, 1, n);
  return {
    crossEntropy: { x: p, y: map(p, (v) => -Math.log(v)) },
    squaredError: { x: p, y: map(p, (v) => (1 - v) * (1 - v)) },
  };
}

/**
 * How a framework computes binary cross-entropy near 0 and 1.
 * - math: the formula itself, −[y log ŷ + (1−y) log(1−ŷ)], unbounded.
 * - keras: clips ŷ to [ε, 1−ε] with ε = 1e-7 (backend epsilon) before the log.
 * - sklearn: log_loss clips to [ε, 1−ε] with ε the float64 machine epsilon.
 * - torch: BCELoss clamps each log term to ≥ −100, so one term is at most 100.
 */
export type ClipRule = 'math' | 'keras' | 'sklearn' | 'torch';
export const CLIP_RULES: readonly ClipRule[] = ['math', 'keras', 'sklearn', 'torch'];
export const KERAS_EPSILON = 1e-7;
export const SKLEARN_EPSILON = Number.EPSILON; // 2.220446049250313e-16, np.finfo(float64).eps
export const TORCH_LOG_CLAMP = -100;

export const CLIP_LABELS: Record<ClipRule, string> = {
  math: 'exact formula',
  keras: 'Keras (clip ŷ to [1e-7, 1−1e-7])',
  sklearn: 'scikit-learn (clip ŷ to machine ε)',
  torch: 'PyTorch (log clamped at −100)',
};

/** Binary cross-entropy of one prediction ŷ for label y (0 or 1) under a rule. */
export function binaryCrossEntropy(y: 0 | 1, yHat: number, rule: ClipRule): number {
  let q = yHat;
  if (rule === 'keras') q = Math.min(Math.max(q, KERAS_EPSILON), 1 - KERAS_EPSILON);
  if (rule === 'sklearn') q = Math.min(Math.max(q, SKLEARN_EPSILON), 1 - SKLEARN_EPSILON);
  const logTrue = Math.log(y === 1 ? q : 1 - q);
  return rule === 'torch' ? -Math.max(logTrue, TORCH_LOG_CLAMP) : -logTrue;
}

/**
 * The interval of p (probability given to the true class) where a rule stops
 * following the formula: below it the loss is flat. `null` for the exact formula.
 */
export function departureBelow(rule: ClipRule): number | null {
  switch (rule) {
    case 'keras':
      return KERAS_EPSILON;
    case 'sklearn':
      return SKLEARN_EPSILON;
    case 'torch':
      return Math.exp(TORCH_LOG_CLAMP);
    default:
      return null;
  }
}

/** BCE against ŷ on (0, 1) for y = 1 and y = 0 (open interval: the ends are ±∞ in math). */
export function bceVsPrediction(n: number, rule: ClipRule): { y1: Curve; y0: Curve } {
  const x = linspace(1 / (n + 1), n / (n + 1), n);
  return {
    y1: { x, y: map(x, (v) => binaryCrossEntropy(1, v, rule)) },
    y0: { x, y: map(x, (v) => binaryCrossEntropy(0, v, rule)) },
  };
}

/**
 * BCE for y = 1 against log10 of ŷ from 10^minDecade to 1 — the zoom in which the
 * clipping regions (1e-7, 2.2e-16, e^-100 ≈ 3.7e-44) are visible at all.
 */
export function bceVsLog10Prediction(n: number, rule: ClipRule, minDecade = -50): Curve {
  const x = linspace(minDecade, 0, n);
  return { x, y: map(x, (t) => binaryCrossEntropy(1, Math.pow(10, t), rule)) };
}

export const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/**
 * Gradients with respect to the logit z of a single sigmoid output for label y:
 * cross-entropy gives σ(z) − y; squared error (σ(z) − y)² gives
 * 2(σ(z) − y)σ(z)(1 − σ(z)), which vanishes when σ saturates even if the
 * prediction is completely wrong.
 */
export function gradientVsLogit(n: number, y: 0 | 1, zMax = 10): { crossEntropy: Curve; squaredError: Curve } {
  const z = linspace(-zMax, zMax, n);
  return {
    crossEntropy: { x: z, y: map(z, (v) => sigmoid(v) - y) },
    squaredError: {
      x: z,
      y: map(z, (v) => {
        const s = sigmoid(v);
        return 2 * (s - y) * s * (1 - s);
      }),
    },
  };
}
