// Benchmarks the providers' pure logic on generated documents, with the real
// finder and core: hover (warm: model cached for the version; cold: first
// hover after an edit) and code lenses on a 10 MB document (provide = parse +
// anchors for the whole file; resolve = titles for a screenful of lenses).
// Prints p50/p99; never fails on timing.
import { DEFAULT_MODEL_SETTINGS, DocumentModelCache } from '../src/extension/features/documentModel';
import { computeDiagnostics, diagnosticSteps } from '../src/extension/features/diagnosticsContent';
import { hoverMarkdown } from '../src/extension/features/hoverContent';
import { lensAnchors, lensTitle } from '../src/extension/features/lensContent';
import { createEngine } from '../src/extension/features/engine';

const engine = createEngine();

function rnd(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** A Python file of labelled pairs and loss calls, about `bytes` long. */
function pythonDocument(bytes: number, classes = 10, seed = 1): string {
  const r = rnd(seed);
  const parts: string[] = ['import numpy as np\nfrom sklearn.metrics import log_loss\n\n'];
  let size = parts[0]!.length;
  for (let i = 0; size < bytes; i++) {
    const hot = Math.floor(r() * classes);
    const raw = Array.from({ length: classes }, () => r() + 0.01);
    const sum = raw.reduce((a, b) => a + b, 0);
    const probs = raw.map((x) => (x / sum).toFixed(6));
    const block = `# sample ${i}\ny_true_${i} = [${Array.from({ length: classes }, (_, k) => (k === hot ? 1 : 0)).join(', ')}]\n`
      + `y_pred_${i} = np.array([${probs.join(', ')}])\nloss_${i} = log_loss(y_true_${i}, y_pred_${i})\n\n`;
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
  rows.push({ case: name, n: samples.length, p50: s.p50.toFixed(3), p99: s.p99.toFixed(3), max: s.max.toFixed(3), note });
}

const unit = 'nats' as const;
const settings = { ...DEFAULT_MODEL_SETTINGS };

// --- Hover on an ordinary file (about 20 KB) -------------------------------------------
{
  const text = pythonDocument(20_000);
  const cache = new DocumentModelCache(engine, 16);
  const doc = (version: number) => ({ uri: 'file:///bench/hover.py', version, languageId: 'python', getText: () => text });
  const model0 = cache.get(doc(1), settings);
  const offsets = model0.arrays.map((a) => Math.floor((a.start + a.end) / 2));
  const warm: number[] = [];
  const cold: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const offset = offsets[i % offsets.length]!;
    warm.push(time(() => {
      const m = cache.get(doc(1), settings);
      const k = m.arrayIndexAt(offset);
      if (k !== undefined) hoverMarkdown(m, k, { unit });
    }));
  }
  for (let v = 2; v < 300; v++) {
    const offset = offsets[v % offsets.length]!;
    cold.push(time(() => {
      const m = cache.get(doc(v), settings); // a new version: parse, then analyse the pair
      const k = m.arrayIndexAt(offset);
      if (k !== undefined) hoverMarkdown(m, k, { unit });
    }));
  }
  record('hover, warm (20 KB, model cached)', warm, `${model0.arrays.length} arrays, ${model0.pairs.length} pairs`);
  record('hover, first after an edit (20 KB)', cold, 'includes re-parsing the document');
}

// --- Code lenses on a 10 MB document ----------------------------------------------------
{
  const text = pythonDocument(10 * 1024 * 1024);
  const cache = new DocumentModelCache(engine, 4);
  const provide: number[] = [];
  const resolve: number[] = [];
  const parseOnly: number[] = [];
  let anchors = 0, arrays = 0, pairs = 0;
  for (let v = 1; v <= 15; v++) {
    const doc = { uri: 'file:///bench/big.py', version: v, languageId: 'python', getText: () => text };
    let list: ReturnType<typeof lensAnchors> = [];
    let m = cache.get(doc, settings);
    parseOnly.push(time(() => { m = cache.get(doc, settings); void m.steppedBack; }));
    cache.forget(doc.uri);
    provide.push(time(() => {
      m = cache.get(doc, settings);
      if (m.steppedBack) return;
      list = lensAnchors(m, (o) => m.lineOf(o));
    }));
    const start = Math.floor(list.length / 2);
    resolve.push(time(() => {
      for (const a of list.slice(start, start + 40)) lensTitle(m, a, unit); // one screenful
    }));
    anchors = list.length; arrays = m.arrays.length; pairs = m.pairs.length;
    if (m.steppedBack) console.log(m.steppedBack);
  }
  record('finder alone, 10 MB', parseOnly, `${arrays} arrays, ${pairs} pairs`);
  record('code lenses provide, 10 MB (parse + anchors)', provide, `${anchors} lenses`);
  record('code lenses resolve, 40 visible', resolve, 'titles need the core');
  const dm = cache.get({ uri: 'file:///bench/big.py', version: 99, languageId: 'python', getText: () => text }, settings);
  const diag: number[] = [];
  void dm.arrays; // parse outside the timing
  diag.push(time(() => computeDiagnostics(dm)));
  record('diagnostics total, 10 MB (after parse)', diag, 'run in slices by the adapter');
  // The adapter yields to the extension host between steps: the longest step is what blocks.
  const stepTimes: number[] = [];
  const steps = diagnosticSteps(cache.get({ uri: 'file:///bench/big.py', version: 100, languageId: 'python', getText: () => text }, settings));
  for (let done = false; !done;) {
    const t0 = performance.now();
    done = !!steps.next().done;
    stepTimes.push(performance.now() - t0);
  }
  record('diagnostics, one step between yields, 10 MB', stepTimes.slice(1), 'longest stretch without yielding (parse excluded)');
  console.log(`document: ${(text.length / 1024 / 1024).toFixed(1)} MB`);
}

console.table(rows);
