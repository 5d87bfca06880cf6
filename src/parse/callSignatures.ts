// Which calls take a target and a prediction, and in which order. PyTorch and
// optax put the prediction FIRST (F.cross_entropy(input, target)); scikit-learn,
// SciPy, Keras and TensorFlow put the target first (log_loss(y_true, y_pred)).
// Also the array-constructor wrappers (np.array(…)) whose literal is the array.

export interface LossSignature {
  /** The loss, as the table knows it: the callee's last segment in snake_case (`cross_entropy`, `log_loss`). */
  name: string;
  /** True when the first positional argument is the target. */
  targetFirst: boolean;
  /** The two arguments' names in call order: `['input', 'target']`, `['y_true', 'y_pred']`. */
  parameters: readonly [string, string];
  /** How the arguments read, for the pair's reason: "(y_true, y_pred)". */
  params: string;
  /** What the prediction argument holds: logits (F.cross_entropy), probabilities (log_loss), log-probabilities (F.nll_loss). */
  expects: PredictionHolds;
  /** Binary (per-element) losses: BCE, sigmoid cross-entropy; their targets are 0/1 labels or probabilities per element. */
  binary: boolean;
  /** The target holds class indices, not one-hot rows or distributions (sparse_categorical_crossentropy, …_with_integer_labels). */
  integerTarget?: boolean;
}

export type PredictionHolds = 'logits' | 'probabilities' | 'log-probabilities';

function signature(
  name: string,
  order: string,
  expects: PredictionHolds,
  extra: Partial<LossSignature> = {},
): LossSignature {
  const [a, b] = order.slice(1, -1).split(', ') as [string, string];
  const targetFirst = TARGET_WORDS.has(a);
  const binary =
    name.includes('binary') || name.startsWith('bce') || name.startsWith('sigmoid') || name.startsWith('logit_binary');
  return Object.freeze({ name, targetFirst, parameters: [a, b] as const, params: order, expects, binary, ...extra });
}

/** Parameter names that are the target. */
const TARGET_WORDS = new Set(['target', 'targets', 'labels', 'label', 'y_true', 'pk', 'x', 'p', 'y', 'ytrue']);

/**
 * THE table of losses: for each, the argument order, what the prediction
 * holds and whether it is binary. Keyed by the callee's last segment in
 * snake_case (`CrossEntropyLoss` → `cross_entropy_loss`). The finder pairs by
 * it; the features read the same entries (FoundPair.signature).
 */
export const LOSS_SIGNATURES: readonly LossSignature[] = [
  // PyTorch functional and modules, optax, candle, burn: prediction first.
  signature('cross_entropy', '(input, target)', 'logits'),
  signature('binary_cross_entropy', '(input, target)', 'probabilities'),
  signature('binary_cross_entropy_with_logits', '(input, target)', 'logits'),
  signature('binary_cross_entropy_with_logit', '(input, target)', 'logits'),
  signature('nll_loss', '(input, target)', 'log-probabilities'),
  signature('kl_div', '(input, target)', 'log-probabilities'),
  signature('poisson_nll_loss', '(input, target)', 'log-probabilities'),
  signature('cross_entropy_loss', '(input, target)', 'logits'),
  signature('bce_loss', '(input, target)', 'probabilities'),
  signature('bce_with_logits_loss', '(input, target)', 'logits'),
  signature('kl_div_loss', '(input, target)', 'log-probabilities'),
  signature('softmax_cross_entropy', '(logits, labels)', 'logits'),
  signature('softmax_cross_entropy_with_integer_labels', '(logits, labels)', 'logits', { integerTarget: true }),
  signature('sigmoid_binary_cross_entropy', '(logits, labels)', 'logits'),
  signature('binary_cross_entropy_loss', '(logits, targets)', 'logits'),
  // Flux (Julia): prediction first, ŷ then y.
  signature('crossentropy', '(ŷ, y)', 'probabilities'),
  signature('logitcrossentropy', '(ŷ, y)', 'logits'),
  signature('binarycrossentropy', '(ŷ, y)', 'probabilities'),
  signature('logitbinarycrossentropy', '(ŷ, y)', 'logits'),
  signature('kldivergence', '(ŷ, y)', 'probabilities'),
  // scikit-learn, SciPy, Keras, TensorFlow: target first.
  signature('log_loss', '(y_true, y_pred)', 'probabilities'),
  signature('entropy', '(pk, qk)', 'probabilities'),
  signature('rel_entr', '(x, y)', 'probabilities'),
  signature('jensenshannon', '(p, q)', 'probabilities'),
  signature('categorical_crossentropy', '(y_true, y_pred)', 'probabilities'),
  signature('sparse_categorical_crossentropy', '(y_true, y_pred)', 'probabilities', { integerTarget: true }),
  signature('binary_crossentropy', '(y_true, y_pred)', 'probabilities'),
  signature('categorical_focal_crossentropy', '(y_true, y_pred)', 'probabilities'),
  signature('binary_focal_crossentropy', '(y_true, y_pred)', 'probabilities'),
  signature('kl_divergence', '(y_true, y_pred)', 'probabilities'),
  signature('kld', '(y_true, y_pred)', 'probabilities'),
  signature('sigmoid_cross_entropy', '(labels, logits)', 'logits'),
  signature('sparse_softmax_cross_entropy', '(labels, logits)', 'logits', { integerTarget: true }),
  signature('softmax_cross_entropy_with_logits', '(labels, logits)', 'logits'),
  signature('sparse_softmax_cross_entropy_with_logits', '(labels, logits)', 'logits', { integerTarget: true }),
  signature('sigmoid_cross_entropy_with_logits', '(labels, logits)', 'logits'),
];

const LOSSES: ReadonlyMap<string, LossSignature> = new Map(LOSS_SIGNATURES.map((sig) => [sig.name, sig]));

/** The entry of LOSS_SIGNATURES for the other argument order and the same loss (TensorFlow, Keras, SciPy spell it target first). */
function targetFirstVariant(sig: LossSignature, order: string): LossSignature {
  return signature(sig.name, order, sig.expects, sig.integerTarget ? { integerTarget: true } : {});
}

/** Loss classes that are instantiated and then called: `nn.CrossEntropyLoss()(input, target)`. */
const LOSS_CLASSES = new Set([
  'cross_entropy_loss',
  'bce_loss',
  'bce_with_logits_loss',
  'nll_loss',
  'kl_div_loss',
  'poisson_nll_loss',
  'categorical_crossentropy',
  'sparse_categorical_crossentropy',
  'binary_crossentropy',
  'kl_divergence',
  'categorical_focal_crossentropy',
  'binary_focal_crossentropy',
]);

/**
 * The side a keyword argument takes in a call with this signature: its own
 * parameter names (`y_true`/`y_pred`, `input`/`target`, `labels`/`logits`,
 * `pk`/`qk`), so sklearn's `labels=` (the class list) is not taken for the target.
 */
export function keywordRole(keyword: string, signature: LossSignature): 'target' | 'prediction' | undefined {
  const k = snakeCase(keyword);
  const [first, second] = signature.parameters;
  const target = signature.targetFirst ? first : second;
  const prediction = signature.targetFirst ? second : first;
  if (k === target) return 'target';
  if (k === prediction) return 'prediction';
  // TensorFlow 1 spells the labels by kind: onehot_labels, multi_class_labels.
  if (target === 'labels' && (k === 'onehot_labels' || k === 'multi_class_labels')) return 'target';
  if (prediction === 'logits' && k === 'predictions') return 'prediction';
  return undefined;
}

/** `CrossEntropyLoss` → `cross_entropy_loss`, `softmaxCrossEntropy` → `softmax_cross_entropy`, `NLLLoss` → `nll_loss`. */
export function snakeCase(name: string): string {
  // Most names (`y_true`, `p_12`) are ASCII with no capital: already snake_case.
  let plain = true;
  for (let k = 0; k < name.length; k++) {
    const c = name.charCodeAt(k);
    if (c >= 128 || (c >= 65 && c <= 90)) {
      plain = false;
      break;
    }
  }
  if (plain) return name;
  let out = '';
  for (let k = 0; k < name.length; k++) {
    const ch = name[k]!;
    const lower = ch.toLowerCase();
    if (ch !== lower && k > 0) {
      const prev = name[k - 1]!;
      const next = k + 1 < name.length ? name[k + 1]! : '';
      const prevLower = prev === prev.toLowerCase() && prev !== '_';
      const nextLower = next !== '' && next === next.toLowerCase() && next !== '_' && !/[0-9]/.test(next);
      if ((prevLower && /[a-z0-9]/.test(prev)) || (nextLower && prev !== prev.toLowerCase())) out += '_';
    }
    out += lower;
  }
  return out;
}

const signatureCache = new Map<string, LossSignature | null>();

/**
 * The signature for a callee as written (`F.cross_entropy`, `nn.CrossEntropyLoss()`,
 * `tf.losses.log_loss`), or undefined when it is not a known loss.
 */
export function lossSignature(callee: string): LossSignature | undefined {
  const cached = signatureCache.get(callee);
  if (cached !== undefined) return cached ?? undefined;
  const sig = computeSignature(callee);
  if (signatureCache.size < 10_000) signatureCache.set(callee, sig ?? null);
  return sig;
}

function computeSignature(callee: string): LossSignature | undefined {
  const instance = callee.endsWith('()');
  const bare = instance ? callee.slice(0, -2) : callee;
  const dot = Math.max(bare.lastIndexOf('.'), bare.lastIndexOf(':'));
  const last = snakeCase(bare.slice(dot + 1));
  const prefix = bare.slice(0, dot + 1).toLowerCase();
  if (instance && !LOSS_CLASSES.has(last)) return undefined;
  // Constructing a loss class (`nn.CrossEntropyLoss(weight=…)`) takes no target or prediction.
  const seg = bare.slice(dot + 1);
  const pascal = seg.charCodeAt(0) >= 65 && seg.charCodeAt(0) <= 90;
  if (!instance && LOSS_CLASSES.has(last) && (pascal || !LOSSES.has(last))) return undefined;
  const found = LOSSES.get(last);
  if (!found) return undefined;
  const sig = found;
  // TensorFlow and Keras always take the target first (tf.losses.softmax_cross_entropy(onehot_labels, logits)).
  if (prefix.includes('keras')) {
    return targetFirstVariant(sig, sig.params.includes('logits') ? '(labels, logits)' : '(y_true, y_pred)');
  }
  if (prefix.startsWith('tf.') || prefix.startsWith('tensorflow')) {
    return targetFirstVariant(sig, sig.params.includes('logits') ? '(labels, logits)' : '(labels, predictions)');
  }
  // scipy.special.kl_div(x, y) is elementwise x·log(x/y): target first.
  if (last === 'kl_div' && prefix.includes('special')) return signature('kl_div', '(x, y)', 'probabilities');
  return sig;
}

/** True for a loss class being instantiated (`nn.CrossEntropyLoss(`), so `name = …` makes an alias. */
export function isLossClass(callee: string): boolean {
  const dot = Math.max(callee.lastIndexOf('.'), callee.lastIndexOf(':'));
  const seg = callee.slice(dot + 1);
  const first = seg.charCodeAt(0);
  if (first < 65 || first > 90) return false; // classes are PascalCase: most callees stop here
  let known = lossClassCache.get(seg);
  if (known === undefined) {
    known = LOSS_CLASSES.has(snakeCase(seg));
    if (lossClassCache.size < 10_000) lossClassCache.set(seg, known);
  }
  return known;
}

const lossClassCache = new Map<string, boolean>();

/**
 * Constructors and conversions whose first argument is the array itself
 * (`np.array([…])`, `torch.tensor(…)`, `new Float32Array([…])`): the finder
 * reads a call's context around them (argumentContext.ts) and pairs through them.
 */
export const ARRAY_CONSTRUCTORS: ReadonlySet<string> = new Set([
  'array',
  'asarray',
  'asanyarray',
  'ascontiguousarray',
  'tensor',
  'as_tensor',
  'Tensor',
  'FloatTensor',
  'DoubleTensor',
  'LongTensor',
  'IntTensor',
  'constant',
  'convert_to_tensor',
  'Variable',
  'tensor1d',
  'tensor2d',
  'Float32Array',
  'Float64Array',
  'Int32Array',
  'from',
  'of',
  'list',
  'tuple',
  'float32',
  'float64',
]);

/** The calls a literal argument passes through unchanged as an argument of a loss: `np.array([…])`, `torch.log(p)`. */
const WRAPPERS = new Set([
  ...ARRAY_CONSTRUCTORS,
  'Series',
  'Int16Array',
  'Int8Array',
  'Uint8Array',
  'Uint16Array',
  'Uint32Array',
  'matrix',
  'vector',
  // Transforms that leave "which argument is this" unchanged: F.cross_entropy(torch.log(p), …).
  'log',
  'log_softmax',
  'softmax',
  'sigmoid',
  'exp',
  'log2',
  'log10',
]);

/** Methods that leave an argument what it was: `y.log()`, `t.numpy()`, `x.unsqueeze(0)`. */
export const TRANSPARENT_METHODS: ReadonlySet<string> = new Set([
  'log',
  'log_softmax',
  'softmax',
  'sigmoid',
  'exp',
  'log2',
  'log10',
  'numpy',
  'float',
  'double',
  'detach',
  'cpu',
  'cuda',
  'squeeze',
  'unsqueeze',
  'view',
  'reshape',
  'flatten',
  'clone',
  'tolist',
  'astype',
]);

/** `y_pred.detach.numpy` (as read before `(`) → `y_pred`: trailing transparent methods dropped. */
export function stripTransparentMethods(name: string): string {
  let out = name;
  for (let guard = 0; guard < 8; guard++) {
    const dot = out.lastIndexOf('.');
    if (dot <= 0 || !TRANSPARENT_METHODS.has(out.slice(dot + 1))) break;
    out = out.slice(0, dot);
  }
  return out;
}

/** Wrapper recognised by the last segment of its callee (`np.array`, `torch.tensor`, `jnp.array`, `Float32Array`). */
export function isWrapper(lastSeg: string): boolean {
  return WRAPPERS.has(lastSeg);
}

/** Methods whose arguments are not the data (`.view(1, -1)`, `.unsqueeze(0)`): followed so the value before them keeps its place. */
export function isTransparentMethod(lastSeg: string): boolean {
  return TRANSPARENT_METHODS.has(lastSeg) && !WRAPPERS.has(lastSeg);
}

/** Last segments worth tracking a call for: wrappers, transparent methods and losses (cheap pre-filter on the hot path). */
export function isInterestingCallee(lastSeg: string): boolean {
  if (WRAPPERS.has(lastSeg) || TRANSPARENT_METHODS.has(lastSeg)) return true;
  const snake = snakeCase(lastSeg);
  return LOSSES.has(snake) || LOSS_CLASSES.has(snake);
}

/** Every spelling of an interesting last segment: snake_case, camelCase and PascalCase of the losses, and the wrappers. */
export function interestingSpellings(): string[] {
  const out = new Set<string>([...WRAPPERS, ...TRANSPARENT_METHODS]);
  for (const snake of [...LOSSES.keys(), ...LOSS_CLASSES]) {
    out.add(snake);
    const camel = snake.replace(/_([a-z0-9])/g, (_, ch: string) => ch.toUpperCase());
    out.add(camel);
    out.add(camel[0]!.toUpperCase() + camel.slice(1));
  }
  for (const cls of [
    'CrossEntropyLoss',
    'BCELoss',
    'BCEWithLogitsLoss',
    'NLLLoss',
    'KLDivLoss',
    'PoissonNLLLoss',
    'KLD',
    'KLDivergence',
  ])
    out.add(cls);
  return [...out];
}
