// THE table of diagnostic codes: each code's short message template (under 100
// characters filled in, so it reads inline in Error Lens and the like), its
// severity, and its page in docs/diagnostics/ that explains it with numbers.
// Pure; the diagnostics adapter links each diagnostic's code to its page.
import type { FixKind } from './quickFixes';

export type DiagnosticSeverity = 'warning' | 'information';

export interface DiagnosticCodeInfo {
  /** `{name}` placeholders are filled by diagnosticMessage. */
  template: string;
  severity: DiagnosticSeverity;
  /** One line for the docs index. */
  title: string;
}

/** Keyed by the code users see; the docs page is docs/diagnostics/<code>.md. */
export const DIAGNOSTIC_CODES = {
  'not-normalized': {
    template: '{what} sums to {sum}, not 1: probabilities must sum to 1.',
    severity: 'warning',
    title: 'Probabilities that do not sum to 1',
  },
  'negative-probability': {
    template: '{where} is negative ({value}): probabilities are between 0 and 1.',
    severity: 'warning',
    title: 'A negative probability',
  },
  'non-finite': {
    template: '{where} is {value}: entropy and loss are undefined with it.',
    severity: 'warning',
    title: 'NaN or Infinity in an array',
  },
  'length-mismatch': {
    template: 'Lengths differ: {target} {targetSize} but {prediction} {predictionSize}.',
    severity: 'warning',
    title: 'A target and prediction of different lengths',
  },
  'softmax-before-logits-loss': {
    template: '{callee} takes logits, not {what}: {fn} twice, loss ≥ {floor}',
    severity: 'warning',
    title: 'Softmax or sigmoid applied before a loss that takes logits',
  },
  'logits-into-probability-loss': {
    template: '{callee} takes probabilities; {what} holds logits ({why}): {fix}',
    severity: 'warning',
    title: 'Logits given to a loss that takes probabilities',
  },
  'expects-probabilities': {
    template: '{callee} takes probabilities, but {what} holds log-probabilities: apply exp first',
    severity: 'warning',
    title: 'Log-probabilities given to a loss that takes probabilities',
  },
  'expects-log-probabilities': {
    template: '{callee} takes log-probabilities, but {what} holds probabilities: pass their log',
    severity: 'warning',
    title: 'Probabilities given to a loss that takes log-probabilities',
  },
  'nll-loss-given-probabilities': {
    template: '{callee} takes log-probabilities, not {what} (probabilities): pass log_softmax',
    severity: 'warning',
    title: 'NLLLoss given probabilities',
  },
  'kl-div-input-not-log-probabilities': {
    template: '{callee} takes log q as input, but {what} holds probabilities: pass their log',
    severity: 'warning',
    title: 'kl_div input that is not log-probabilities',
  },
  'kl-div-arguments-swapped': {
    template: '{callee}(input, target) takes (log q, p): {input} and {target} look swapped',
    severity: 'warning',
    title: 'kl_div arguments that look swapped',
  },
  'kl-div-mean-reduction': {
    template: "reduction='mean' divides by every element, not the batch: KL needs 'batchmean'",
    severity: 'warning',
    title: "kl_div with reduction='mean'",
  },
  'all-targets-ignored': {
    template: 'Every target of {callee} is ignore_index {index}: the mean over 0 targets is NaN',
    severity: 'warning',
    title: 'Every target equal to ignore_index',
  },
  'float-column-target-to-cross-entropy': {
    template: '{what} is a float ({rows}, 1) target: {callee} reads it as probabilities, not classes',
    severity: 'warning',
    title: 'A float (N, 1) target to cross-entropy',
  },
  'log-loss-eps-removed': {
    template: "log_loss's eps= was removed in scikit-learn 1.5: remove it (it clips at float eps)",
    severity: 'warning',
    title: 'log_loss(…, eps=…)',
  },
  'scipy-entropy-normalises': {
    template: '{callee} divides {what} by its sum {sum} first: the result is for {what} / {sum}',
    severity: 'information',
    title: 'scipy.stats.entropy on arrays that do not sum to 1',
  },
} as const satisfies Record<string, DiagnosticCodeInfo>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export const DIAGNOSTIC_CODE_IDS = Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[];

/** Where the pages live in the repository (package.json's repository). */
const DOCS_BASE = 'https://github.com/entropy-lens/entropy-lens/blob/main/docs/diagnostics/';

/** The page that explains `code`. */
export function diagnosticDocsUrl(code: DiagnosticCode): string {
  return `${DOCS_BASE}${code}.md`;
}

/** Messages stay shorter than this, so they read inline (Error Lens and the like). */
export const MAX_MESSAGE = 100;

/** The parts that are the user's names and expressions: the ones shortened when a message runs long. */
const USER_PARTS = new Set(['callee', 'what', 'where', 'input', 'target', 'prediction']);

/**
 * The message of `code` with its placeholders filled. When it runs long, a
 * callee loses its module path (`keras.losses.categorical_crossentropy` →
 * `categorical_crossentropy`), then names are cut with "…", shorter each try.
 */
export function diagnosticMessage(code: DiagnosticCode, parts: Record<string, string | number> = {}): string {
  const template: string = DIAGNOSTIC_CODES[code].template;
  const fill = (max: number, bareCallee: boolean): string =>
    template.replace(/\{(\w+)\}/g, (whole, key: string) => {
      const v = parts[key];
      if (v === undefined) return whole;
      let s = String(v);
      if (!USER_PARTS.has(key)) return s;
      if (key === 'callee' && bareCallee) s = s.slice(s.lastIndexOf('.') + 1);
      return s.length > max ? `${s.slice(0, max - 1)}…` : s;
    });
  let out = fill(Infinity, false);
  for (const max of [Infinity, 28, 20, 14, 10]) {
    if (out.length < MAX_MESSAGE) break;
    out = fill(max, true);
  }
  return out;
}

/** A quick fix that edits the call's text rather than an array (`'mean'` → `'batchmean'`, removing `eps=`). */
export interface TextFix {
  title: string;
  start: number;
  end: number;
  newText: string;
}

/** One diagnostic as plain data, at offsets of the model's text. */
export interface DiagnosticItem {
  start: number;
  end: number;
  code: DiagnosticCode;
  message: string;
  /** Index of the array the fixes apply to. */
  arrayIndex?: number;
  fixes: FixKind[];
  /** Fixes on the call's own text, safe whatever the arrays hold. */
  textFixes?: TextFix[];
  related?: { start: number; end: number; message: string }[];
}
