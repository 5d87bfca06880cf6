// Benchmarks the providers' pure logic on generated documents, with the real
// finder and core: hover (warm: model cached for the version; cold: first
// hover after an edit) and code lenses on a 10 MB document (provide = parse +
// anchors for the whole file; resolve = titles for a screenful of lenses).
// Prints p50/p99; never fails on timing.
import { availableParallelism, loadavg } from 'node:os';
import { DEFAULT_MODEL_SETTINGS, DocumentModelCache } from '../src/extension/features/model/documentModel';
import { computeDiagnostics, diagnosticSteps } from '../src/extension/features/content/diagnosticsContent';
import { hoverMarkdown } from '../src/extension/features/content/hoverContent';
import { lensAnchors, lensTitle } from '../src/extension/features/content/lensContent';
import { createEngine } from '../src/extension/features/model/engine';

const engine = createEngine();

function rnd(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/**
 * A Python file of labelled pairs and loss calls, about `bytes` long. With
 * `varied`, every fourth block is each of: log_loss on probabilities, a y_pred
 * that sums to 0.9 (normalised copy), F.cross_entropy on a logits batch with
 * class indices, and binary_cross_entropy_with_logits (per element).
 */
function pythonDocument(bytes: number, classes = 10, seed = 1, varied = false): string {
  const r = rnd(seed);
  const parts: string[] = [
    'import numpy as np\nimport torch\nimport torch.nn.functional as F\nfrom sklearn.metrics import log_loss\n\n',
  ];
  let size = parts[0]!.length;
  for (let i = 0; size < bytes; i++) {
    const hot = Math.floor(r() * classes);
    const raw = Array.from({ length: classes }, () => r() + 0.01);
    const sum = raw.reduce((a, b) => a + b, 0);
    const kind = varied ? i % 4 : 0;
    const probs = raw.map((x) => (((kind === 1 ? 0.9 : 1) * x) / sum).toFixed(6));
    const logits = (): string => `[${raw.map((x) => (4 * x - 2).toFixed(3)).join(', ')}]`;
    let block: string;
    if (kind === 2) {
      block = `# batch ${i}\nlogits_${i} = torch.tensor([${logits()}, ${logits()}])\nlabels_${i} = torch.tensor([${hot}, ${(hot + 1) % classes}])\nce_${i} = F.cross_entropy(logits_${i}, labels_${i})\n\n`;
    } else if (kind === 3) {
      block = `# binary ${i}\nz_${i} = torch.tensor(${logits()})\ny_${i} = torch.tensor([${raw.map((x) => (x > 0.5 ? '1.0' : '0.0')).join(', ')}])\nbce_${i} = F.binary_cross_entropy_with_logits(z_${i}, y_${i})\n\n`;
    } else {
      block =
        `# sample ${i}\ny_true_${i} = [${Array.from({ length: classes }, (_, k) => (k === hot ? 1 : 0)).join(', ')}]\n` +
        `y_pred_${i} = np.array([${probs.join(', ')}])\nloss_${i} = log_loss(y_true_${i}, y_pred_${i})\n\n`;
    }
    parts.push(block);
    size += block.length;
  }
  return parts.join('');
}

function stats(samples: number[]): { p50: number; p99: number; max: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { p50: at(0.5), p99: at(0.99), max: s[s.length - 1]! };
}

function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

const rows: { case: string; n: number; p50: string; p99: string; max: string; note: string }[] = [];
function record(name: string, samples: number[], note = ''): void {
  const s = stats(samples);
  rows.push({
    case: name,
    n: samples.length,
    p50: s.p50.toFixed(3),
    p99: s.p99.toFixed(3),
    max: s.max.toFixed(3),
    note,
  });
}

const unit = 'nats' as const;
const settings = { ...DEFAULT_MODEL_SETTINGS, maxArrays: 10_000 }; // as the extension's default entropyLens.limits.maxArraysPerDocument

// --- Hover on an ordinary file (about 20 KB; all four kinds of pair) ------------------
{
  const text = pythonDocument(20_000, 10, 1, true);
  const cache = new DocumentModelCache(engine, 16);
  const doc = (version: number) => ({
    uri: 'file:///bench/hover.py',
    version,
    languageId: 'python',
    getText: () => text,
  });
  const model0 = cache.get(doc(1), settings);
  const offsets = model0.arrays.map((a) => Math.floor((a.start + a.end) / 2));
  const warm: number[] = [];
  const cold: number[] = [];
  for (let i = 0; i < 5000; i++) {
    const offset = offsets[i % offsets.length]!;
    warm.push(
      time(() => {
        const m = cache.get(doc(1), settings);
        const k = m.arrayIndexAt(offset);
        if (k !== undefined) hoverMarkdown(m, k, { unit });
      }),
    );
  }
  for (let v = 2; v < 300; v++) {
    const offset = offsets[v % offsets.length]!;
    cold.push(
      time(() => {
        const m = cache.get(doc(v), settings); // a new version: parse, then analyse the pair
        const k = m.arrayIndexAt(offset);
        if (k !== undefined) hoverMarkdown(m, k, { unit });
      }),
    );
  }
  const failed = model0.pairs.filter((_, k) => !model0.pairAnalysis(k).ok).length;
  record(
    'hover, warm (20 KB, model cached)',
    warm,
    `${model0.arrays.length} arrays, ${model0.pairs.length} pairs (${failed} not computable)`,
  );
  record('hover, first after an edit (20 KB)', cold, 'includes re-parsing the document');
}

/**
 * Code lenses on one 10 MB document, as the adapter does it: provide = parse +
 * anchors for the whole file (every version is new, so nothing is cached);
 * resolve = titles for a screenful of lenses; then hovers on the parsed model.
 */
function bigDocument(
  name: string,
  text: string,
  big: { engine: typeof engine; settings: typeof settings },
  runs = 15,
): void {
  const cache = new DocumentModelCache(big.engine, 4);
  const provide: number[] = [];
  const resolve: number[] = [];
  const parseOnly: number[] = [];
  let anchors = 0,
    arrays = 0,
    pairs = 0,
    stepped = '';
  const anchorsOnly: number[] = [];
  for (let v = 1; v <= runs; v++) {
    const doc = { uri: 'file:///bench/big.py', version: v, languageId: 'python', getText: () => text };
    let list: ReturnType<typeof lensAnchors> = [];
    let m = cache.get(doc, big.settings);
    parseOnly.push(
      time(() => {
        m = cache.get(doc, big.settings);
        void m.steppedBack;
      }),
    );
    cache.forget(doc.uri);
    provide.push(
      time(() => {
        m = cache.get(doc, big.settings);
        if (m.steppedBack) return;
        list = lensAnchors(m, (o) => m.lineOf(o));
      }),
    );
    // The features' own share: anchors (and line numbers) on a model already parsed.
    const fresh = new DocumentModelCache(big.engine, 1).get({ ...doc, version: 1000 + v }, big.settings);
    void fresh.arrays;
    if (!fresh.steppedBack)
      anchorsOnly.push(
        time(() => {
          lensAnchors(fresh, (o) => fresh.lineOf(o));
        }),
      );
    const start = Math.floor(list.length / 2);
    resolve.push(
      time(() => {
        for (const a of list.slice(start, start + 40)) lensTitle(m, a, unit); // one screenful
      }),
    );
    anchors = list.length;
    arrays = m.arrays.length;
    pairs = m.pairs.length;
    stepped = m.steppedBack ?? '';
  }
  record(`finder alone, ${name}`, parseOnly, `${arrays} arrays, ${pairs} pairs`);
  record(
    `code lenses provide, ${name}`,
    provide,
    stepped ? `stepped back: ${stepped.slice(0, 60)}…` : `${anchors} lenses`,
  );
  if (!stepped)
    record(`code lenses anchors only, ${name}`, anchorsOnly, "the features' share of provide (model parsed)");
  if (!stepped) record(`code lenses resolve 40 visible, ${name}`, resolve, 'titles need the core');
  if (stepped) return;
  // Hover on the big document once it is parsed (the lens pass parsed it).
  const m = cache.get(
    { uri: 'file:///bench/big.py', version: 15, languageId: 'python', getText: () => text },
    big.settings,
  );
  const r = rnd(7);
  const hover: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const a = m.arrays[Math.floor(r() * m.arrays.length)]!;
    hover.push(
      time(() => {
        const k = m.arrayIndexAt(Math.floor((a.start + a.end) / 2));
        if (k !== undefined) hoverMarkdown(m, k, { unit });
      }),
    );
  }
  record(`hover, warm, ${name}`, hover, 'random arrays, first analysis of each pair included');
  const dm = cache.get(
    { uri: 'file:///bench/big.py', version: 99, languageId: 'python', getText: () => text },
    big.settings,
  );
  void dm.arrays; // parse outside the timing
  record(
    `diagnostics total, ${name} (after parse)`,
    [time(() => computeDiagnostics(dm))],
    'run in slices by the adapter',
  );
  // The adapter yields to the extension host between steps: the longest step is what blocks.
  const stepTimes: number[] = [];
  const steps = diagnosticSteps(
    cache.get({ uri: 'file:///bench/big.py', version: 100, languageId: 'python', getText: () => text }, big.settings),
  );
  for (let done = false; !done;) {
    const t0 = performance.now();
    done = !!steps.next().done;
    stepTimes.push(performance.now() - t0);
  }
  record(
    `diagnostics, one step between yields, ${name}`,
    stepTimes.slice(1),
    'longest stretch without yielding (parse excluded)',
  );
}

const MB10 = 10 * 1024 * 1024;
{
  // Wide arrays (1,000 classes): about 1,100 arrays in 10 MB, within the default caps.
  const text = pythonDocument(MB10, 1000, 2, true);
  bigDocument(`10 MB, 1000-class arrays (${(text.length / 1048576).toFixed(1)} MB)`, text, { engine, settings });
}
{
  // Small arrays (10 classes): about 100,000 arrays. With the default cap (10,000 arrays)
  // the features step back; with the cap raised, the full work is measured.
  const text = pythonDocument(MB10, 10, 1, true);
  bigDocument('10 MB, 10-class arrays, default caps', text, { engine, settings: { ...settings, maxArrays: 10_000 } });
  const raised = createEngine(() => ({ maxArrays: 200_000 }));
  bigDocument(
    '10 MB, 10-class arrays, cap 200k',
    text,
    { engine: raised, settings: { ...settings, maxArrays: 200_000 } },
    5,
  );
}

console.table(rows);
// Timings on a shared machine: the load average says how much else was running.
console.log(
  `load average (1, 5, 15 min): ${loadavg()
    .map((x) => x.toFixed(2))
    .join(', ')} on ${availableParallelism()} cores`,
);
