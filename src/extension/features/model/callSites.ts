// Finds the loss-function calls an array (or its name) is passed to, so
// diagnostics can tell when probabilities go where logits are expected and the
// reverse. What each call takes (argument order, keywords, logits or
// probabilities, binary or not) is the finder's table (src/parse/callSignatures.ts),
// read for the callee as written, so the two never disagree.
// Bounded scans (no backtracking regular expressions), linear in the text.
import { keywordRole, lossSignature, type PredictionHolds, type LossSignature } from '../../../parse/callSignatures';
import { callArguments, keywordValue, type CallArgument } from '../../../parse/keywordValue';

export type { PredictionHolds, CallArgument };

/** The loss calls looked for, by the name before "(". */
interface ScannedLoss {
  name: string;
  /** Module-style losses are constructed first: nn.CrossEntropyLoss()(input, target). */
  constructed?: boolean;
  /** A name too common to trust alone: counted only as scipy.stats' function. */
  scipyOnly?: boolean;
}

const SCANNED: readonly ScannedLoss[] = [
  { name: 'cross_entropy' },
  { name: 'CrossEntropyLoss', constructed: true },
  { name: 'binary_cross_entropy_with_logits' },
  { name: 'BCEWithLogitsLoss', constructed: true },
  { name: 'binary_cross_entropy' },
  { name: 'BCELoss', constructed: true },
  { name: 'nll_loss' },
  { name: 'NLLLoss', constructed: true },
  { name: 'kl_div' },
  { name: 'log_loss' },
  { name: 'categorical_crossentropy' },
  { name: 'binary_crossentropy' },
  { name: 'softmax_cross_entropy_with_logits' },
  { name: 'sparse_softmax_cross_entropy_with_logits' },
  { name: 'sigmoid_cross_entropy_with_logits' },
  { name: 'sparse_categorical_crossentropy' },
  { name: 'CategoricalCrossentropy', constructed: true },
  { name: 'SparseCategoricalCrossentropy', constructed: true },
  { name: 'BinaryCrossentropy', constructed: true },
  { name: 'KLDivLoss', constructed: true },
  { name: 'poisson_nll_loss' },
  { name: 'PoissonNLLLoss', constructed: true },
  // optax and Flux.
  { name: 'softmax_cross_entropy' },
  { name: 'softmax_cross_entropy_with_integer_labels' },
  { name: 'sigmoid_binary_cross_entropy' },
  { name: 'logitcrossentropy' },
  { name: 'logitbinarycrossentropy' },
  { name: 'crossentropy' },
  { name: 'binarycrossentropy' },
  { name: 'sigmoid_cross_entropy' },
  // TF.js spells them in camelCase (tf.losses.softmaxCrossEntropy(onehotLabels, logits)).
  { name: 'softmaxCrossEntropy' },
  { name: 'sigmoidCrossEntropy' },
  { name: 'logLoss' },
  // scipy.stats.entropy only: a bare entropy(…) needs `from scipy.stats import … entropy`.
  { name: 'entropy', scipyOnly: true },
];

/** What wraps the value inside the argument: softmax(x) is probabilities whatever x is. */
export type Wrapper = 'softmax' | 'log_softmax' | 'sigmoid' | undefined;

export interface PredictionArgument {
  /** The finder's signature of the call. */
  loss: LossSignature;
  /** The call as written up to "(", e.g. "F.cross_entropy". */
  callee: string;
  /** Offsets of the whole argument expression (after any keyword=). */
  start: number;
  end: number;
  text: string;
  /** The bare identifier passed (possibly inside a wrapper), if any. */
  identifier: string | undefined;
  wrapper: Wrapper;
  /** Keras / TF: from_logits=True turns a probabilities loss into a logits loss. */
  expects: PredictionHolds;
  /** Every argument of the call, and of the constructor before it (`nn.CrossEntropyLoss(ignore_index=1)(…)`). */
  args: readonly CallArgument[];
  constructorArgs: readonly CallArgument[];
  /** The target argument, when written. */
  target: CallArgument | undefined;
  /** True when the argument checked is the target, the call having no prediction (`scipy.stats.entropy(pk)`). */
  targetOnly: boolean;
}

const MAX_CALL = 4000; // characters scanned for one call's arguments
const isIdent = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/** Every call of a known loss in `text`, with its prediction argument. */
export function findPredictionArguments(text: string, maxCalls = 100_000): PredictionArgument[] {
  const out: PredictionArgument[] = [];
  const steps = predictionArgumentSteps(text, out, maxCalls);
  while (!steps.next().done) {
    /* drain */
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Calls found between two yields of predictionArgumentSteps. */
const CALLS_PER_STEP = 2000;
/** Anchor hits looked at between two yields. */
const HITS_PER_STEP = 20_000;

/**
 * Every scanned name holds one of these: the scan looks for the anchors (four
 * passes over the text, not one per name) and reads the identifier around each hit.
 */
const ANCHORS = ['ntropy', 'Loss', '_loss', 'kl_div'] as const;
/** Each name is found by the first anchor it holds, so no call is read twice. */
const SCANNED_BY_NAME: ReadonlyMap<string, ScannedLoss & { anchor: string | undefined }> = new Map(
  SCANNED.map((spec) => [spec.name, { ...spec, anchor: ANCHORS.find((a) => spec.name.includes(a)) }]),
);

/** The same scan in slices, appending to `out` (unsorted) and yielding every CALLS_PER_STEP calls. */
export function* predictionArgumentSteps(
  text: string,
  out: PredictionArgument[],
  maxCalls = 100_000,
): Generator<void, void, void> {
  let scipyEntropy: boolean | undefined;
  let hits = 0;
  for (const anchor of ANCHORS) {
    let from = 0;
    while (out.length < maxCalls) {
      if (out.length % CALLS_PER_STEP === CALLS_PER_STEP - 1 || ++hits % HITS_PER_STEP === 0) yield;
      const hit = text.indexOf(anchor, from);
      if (hit < 0) break;
      // The whole identifier around the hit, e.g. `cross_entropy` around `ntropy`.
      let at = hit;
      while (at > 0 && hit - at < 64 && isIdent(text.charCodeAt(at - 1))) at--;
      let end = hit + anchor.length;
      while (end < text.length && end - hit < 64 && isIdent(text.charCodeAt(end))) end++;
      from = end;
      const spec = SCANNED_BY_NAME.get(text.slice(at, end));
      if (!spec || spec.anchor !== anchor) continue;
      let open = skipSpace(text, end);
      if (text[open] !== '(') continue;
      let constructorArgs: readonly CallArgument[] = NO_ARGUMENTS;
      if (spec.constructed) {
        // nn.CrossEntropyLoss(weight=…)(input, target): the arguments of the second call.
        const close = matching(text, open);
        if (close < 0) continue;
        constructorArgs = callArguments(text, open, MAX_CALL) ?? NO_ARGUMENTS;
        open = skipSpace(text, close + 1);
        if (text[open] !== '(') continue;
      }
      const callee = calleeText(text, at, spec.name);
      if (spec.scipyOnly) {
        scipyEntropy ??= SCIPY_ENTROPY_IMPORT.test(text);
        if (!(callee.includes('stats.') || (callee === spec.name && scipyEntropy))) continue;
      }
      const loss = lossSignature(spec.constructed ? `${callee}()` : callee);
      if (!loss) continue;
      const args = callArguments(text, open, MAX_CALL);
      if (!args) continue;
      let target: CallArgument | undefined;
      let prediction: CallArgument | undefined;
      let positional = 0;
      let keywords = constructorArgs.length > 0;
      for (const a of args) {
        if (a.keyword === undefined) {
          const role = (positional++ === 0) === loss.targetFirst ? 'target' : 'prediction';
          if (role === 'target') target ??= a;
          else prediction ??= a;
          continue;
        }
        keywords = true;
        // A keyword names its side whatever the order: it wins over a positional guess.
        const role = keywordRole(a.keyword, loss);
        if (role === 'target') target = a;
        else if (role === 'prediction') prediction = a;
      }
      const arg = prediction ?? (spec.scipyOnly ? target : undefined);
      if (!arg) continue;
      let expects = loss.expects;
      if (keywords) {
        const either = (k: string) => keywordValue(args, k)?.value ?? keywordValue(constructorArgs, k)?.value;
        if (either('from_logits') === true) expects = 'logits';
        // poisson_nll_loss(log_input=False) takes the rates themselves.
        else if (either('log_input') === false) expects = 'probabilities';
      }
      const { identifier, wrapper } = unwrap(arg.text);
      out.push({
        loss,
        callee,
        start: arg.start,
        end: arg.end,
        text: arg.text,
        identifier,
        wrapper,
        expects,
        args,
        constructorArgs,
        target,
        targetOnly: !prediction,
      });
    }
    yield;
  }
}

const NO_ARGUMENTS: readonly CallArgument[] = [];

/** `from scipy.stats import entropy` (or a list holding it, or `*`). */
const SCIPY_ENTROPY_IMPORT = /from[ \t]+scipy\.stats[ \t]+import[ \t(]+[^\n]*\b(entropy|\*)/;

/** softmax(x, dim=1), F.softmax(x), x.softmax(1), tf.nn.softmax(x) → x and 'softmax'. */
export function unwrap(arg: string): { identifier: string | undefined; wrapper: Wrapper } {
  const call = /^([\w.]*?)(log_softmax|softmax|sigmoid)\s*\(\s*([A-Za-z_]\w*)?\s*(=?)/.exec(arg);
  if (call) {
    const receiver = call[1]!.replace(/\.$/, '');
    // x.softmax(dim=1): the receiver is the value unless it is a module (F, torch, tf.nn, jax.nn…).
    const isModule =
      receiver === '' || /^(F|torch|tf|nn|jax|jnp|np|scipy|special|keras|functional|activations)(\.|$)/.test(receiver);
    if (!isModule && /^[A-Za-z_]\w*$/.test(receiver)) return { identifier: receiver, wrapper: call[2] as Wrapper };
    return { identifier: call[4] ? undefined : call[3], wrapper: call[2] as Wrapper };
  }
  const ident = /^[A-Za-z_]\w*$/.exec(arg);
  return { identifier: ident ? ident[0] : undefined, wrapper: undefined };
}

function calleeText(text: string, at: number, name: string): string {
  let s = at;
  while (s > 0 && s > at - 80 && (isIdent(text.charCodeAt(s - 1)) || text[s - 1] === '.')) s--;
  return text.slice(s, at) + name;
}

function matching(text: string, open: number): number {
  let depth = 0;
  const limit = Math.min(text.length, open + MAX_CALL);
  for (let i = open; i < limit; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      i = skipString(text, i, limit);
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

function skipString(text: string, i: number, limit: number): number {
  const q = text[i];
  for (let j = i + 1; j < limit; j++) {
    if (text[j] === '\\') j++;
    else if (text[j] === q || text[j] === '\n') return j;
  }
  return limit;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}
