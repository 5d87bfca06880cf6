// Benchmarks a notebook as the features read it, with the real finder and
// core: a generated 200-cell, 1 MB notebook whose pairs cross cells (a target
// at the end of one cell, its prediction and log_loss call in the next) and
// whose every fourth cell has saved outputs (a printed tensor with grad_fn, a
// print()ed label tensor). Measures hover and code lenses (the cell's share of
// the notebook's one model, as the providers do it) warm and after an edit in
// one cell, and what a re-run (new outputs) costs. Prints p50/p99 against the
// features' targets: hover < 5 ms, code lenses < 100 ms (for 10 MB); never
// fails on timing.
import { availableParallelism, loadavg } from 'node:os';
import type * as vscode from 'vscode';
import {
  FeatureModels,
  type NotebookCells,
  type OffThreadFind,
} from '../src/extension/features/providers/featureModels';
import {
  DEFAULT_MODEL_SETTINGS,
  DocumentModel,
  cellAt,
  createEngine,
  joinCells,
  type FindResult,
} from '../src/extension/features/model';
import {
  hoverMarkdown,
  lensTitle,
  modelAnchors,
  outputSummary,
  readCellOutputs,
} from '../src/extension/features/content';
import type { FeatureSettings } from '../src/extension/config';
import { rnd } from './lib/timing';

const CELLS = 200;
const BYTES = 1024 * 1024;
const unit = 'nats' as const;
const engine = createEngine();
const model = { ...DEFAULT_MODEL_SETTINGS, maxArrays: 10_000 }; // the extension's default entropyLens.limits.maxArraysPerDocument
const settings = () => ({ model }) as unknown as FeatureSettings;

// --- The notebook ------------------------------------------------------------------
const r = rnd(13);
const probs = (n: number, scale = 1) => {
  const raw = Array.from({ length: n }, () => r() + 0.01);
  const s = raw.reduce((a, b) => a + b, 0);
  return raw.map((x) => ((scale * x) / s).toFixed(6));
};
const oneHot = (n: number) => {
  const hot = Math.floor(r() * n);
  return Array.from({ length: n }, (_, k) => (k === hot ? 1 : 0)).join(', ');
};
const sources: string[] = [];
const outputs: { mime: string; text: string }[][] = [];
for (let c = 0; c < CELLS; c++) {
  const lines: string[] = [];
  if (c > 0)
    lines.push(
      `pred_${c - 1} = np.array([${probs(10).join(', ')}])`,
      `ce_${c - 1} = log_loss(target_${c - 1}, pred_${c - 1})`,
    );
  for (let i = 0; lines.join('\n').length < BYTES / CELLS - 260; i++) {
    lines.push(
      `y_true_${c}_${i} = [${oneHot(10)}]`,
      `y_pred_${c}_${i} = np.array([${probs(10).join(', ')}])`,
      `loss_${c}_${i} = log_loss(y_true_${c}_${i}, y_pred_${c}_${i})`,
    );
  }
  lines.push(`target_${c} = [${oneHot(10)}]`);
  if (c % 4 === 3) {
    lines.push('print(labels)', 'probs');
    const row = () =>
      `[${probs(10)
        .map((x) => Number(x).toFixed(4))
        .join(', ')}]`;
    outputs.push([
      { mime: 'application/vnd.code.notebook.stdout', text: 'tensor([3, 7])\n' },
      { mime: 'text/plain', text: `tensor([${row()},\n        ${row()}], grad_fn=<SoftmaxBackward0>)` },
    ]);
  } else outputs.push([]);
  sources.push(lines.join('\n'));
}
const totalBytes = sources.reduce((s, t) => s + t.length + 1, 0);

/** A cell document as the providers read it (text, URI, version, offset → position). */
class CellDoc {
  version = 1;
  readonly uri: { toString(): string };
  constructor(
    private text: string,
    index: number,
  ) {
    const id = `vscode-notebook-cell:/bench/nb.ipynb#cell${index}`;
    this.uri = { toString: () => id };
  }
  readonly languageId = 'python';
  getText(): string {
    return this.text;
  }
  edit(text: string): void {
    this.text = text;
    this.version++;
  }
  positionAt(offset: number): { line: number; character: number } {
    const before = this.text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return { line, character: offset - (before.lastIndexOf('\n') + 1) };
  }
}
const docs = sources.map((s, i) => new CellDoc(s, i));
const asDoc = (d: CellDoc) => d as unknown as vscode.TextDocument;
const notebook = (): NotebookCells => ({
  uri: 'file:///bench/nb.ipynb',
  key: docs.map((d, i) => `${i}.${d.version}`).join(','),
  languageId: 'python',
  cells: docs.map(asDoc),
  numbers: docs.map((_, i) => i + 1),
});
const models = new FeatureModels(engine, settings, 16, undefined, () => notebook());

// --- Timing ------------------------------------------------------------------------
// Wall time, and this process's CPU time beside it: the machine is shared, and CPU time is what other processes do not inflate.
const cpuSamples = new WeakMap<number[], number[]>();
function time(fn: () => void, into?: number[]): number {
  const c = process.cpuUsage();
  const t = performance.now();
  fn();
  const wall = performance.now() - t;
  if (into) {
    const u = process.cpuUsage(c);
    let list = cpuSamples.get(into);
    if (!list) cpuSamples.set(into, (list = []));
    list.push((u.user + u.system) / 1000);
  }
  return wall;
}
const sample = (into: number[], fn: () => void) => into.push(time(fn, into));
const rows: { case: string; n: number; p50: string; p99: string; 'cpu p50': string; target: string; note: string }[] =
  [];
function record(name: string, samples: number[], target: string, note = ''): void {
  const q = (xs: number[], f: number) => {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.min(s.length - 1, Math.floor(f * s.length))]!;
  };
  const cpu = cpuSamples.get(samples);
  rows.push({
    case: name,
    n: samples.length,
    p50: q(samples, 0.5).toFixed(3),
    p99: q(samples, 0.99).toFixed(3),
    'cpu p50': cpu ? q(cpu, 0.5).toFixed(1) : '',
    target,
    note,
  });
}

/** A hover as the provider answers it: the cell's view of the notebook model, the array at the offset, its Markdown. */
function hover(cell: number, offsetInCell: number): void {
  const view = models.view(asDoc(docs[cell]!));
  const k = view.model.arrayIndexAt(view.base + offsetInCell);
  if (k === undefined) return;
  const a = view.model.arrays[k]!;
  if (view.holds(a.start, a.end)) hoverMarkdown(view.model, k, { unit, toRange: view.dto });
}
/** A cell's code lenses as the provider gives them: the notebook's anchors (computed once per model), this cell's kept. */
function lenses(cell: number): number {
  const view = models.view(asDoc(docs[cell]!));
  return modelAnchors(view.model).filter((a) => view.holds(a.offset, a.offset)).length;
}
const predOffset = (cell: number) => docs[cell]!.getText().indexOf('np.array([') + 12;

// First read of the whole notebook.
const first = time(() => void models.get(asDoc(docs[0]!)).arrays);
const m0 = models.get(asDoc(docs[0]!));
const crossCell = m0.pairs.filter((p) => {
  const of = (o: number) => cellAt(m0.cells!, o);
  return of(m0.arrays[p.target]!.start) !== of(m0.arrays[p.prediction]!.start);
}).length;
record(
  'first read of the notebook (join + finder)',
  [first],
  '—',
  `${m0.arrays.length} arrays, ${m0.pairs.length} pairs (${crossCell} across cells)`,
);

// Hover, warm: the notebook's model is cached for this version.
{
  const warm: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const c = 1 + (i % (CELLS - 1));
    warm.push(time(() => hover(c, predOffset(c))));
  }
  record('hover, warm (model cached)', warm, '< 5 ms');
}

// An edit in one cell: the next hover re-reads the notebook's code.
{
  const cold: number[] = [];
  const lensFirst: number[] = [];
  const lensOthers: number[] = [];
  const resolve: number[] = [];
  for (let v = 0; v < 30; v++) {
    const c = 1 + ((v * 37) % (CELLS - 1));
    const d = docs[c]!;
    d.edit(d.getText().replace(/\d\.\d{6}/, (x) => (Number(x) * 0.999).toFixed(6)));
    sample(cold, () => hover(c, predOffset(c)));
    const e = docs[(c + 50) % CELLS]!;
    e.edit(e.getText().replace(/\d\.\d{6}/, (x) => (Number(x) * 0.999).toFixed(6)));
    // The first visible cell asks for lenses on the new version (re-read), the other nine of a screen share its anchors.
    sample(lensFirst, () => lenses(c));
    lensOthers.push(
      time(() => {
        for (let k = 1; k < 10; k++) lenses((c + k) % CELLS);
      }),
    );
    const m = models.get(asDoc(d));
    const anchors = modelAnchors(m).filter((a) => a.offset >= m.cells!.starts[c]!);
    resolve.push(
      time(() => {
        for (const a of anchors.slice(0, 40)) lensTitle(m, a, unit);
      }),
    );
  }
  record(
    'hover, first after an edit in one cell',
    cold,
    '< 50 ms off the host thread',
    're-reads the notebook (pairs cross cells); on a worker from 256 KB',
  );
  record('code lenses, first cell after an edit', lensFirst, '< 100 ms', 're-read + anchors of the notebook');
  record('code lenses, 9 more cells of the screen', lensOthers, '< 100 ms', 'anchors shared per model: filter only');
  record('code lenses resolve 40 visible', resolve, '< 100 ms', 'titles need the core');
}

// A re-run: new outputs in one cell. The code's model stays (its key has no outputs); only that cell's outputs are read.
{
  const before = models.get(asDoc(docs[5]!));
  const same = models.get(asDoc(docs[5]!)) === before;
  const readOne = (c: number) => {
    const o = readCellOutputs(
      docs[c]!.getText(),
      outputs[c]!.map((x) => ({ mime: x.mime, text: () => x.text })),
    );
    if (!o) return;
    outputSummary(new DocumentModel(`cell${c}#outputs`, 0, 'python', o.text, engine, model), o, unit);
  };
  const one: number[] = [];
  const all: number[] = [];
  for (let i = 0; i < 20; i++) {
    sample(one, () => readOne(3 + 4 * (i % 50)));
    all.push(
      time(() => {
        for (let c = 0; c < CELLS; c++) readOne(c);
      }),
    );
  }
  record('re-run: the cell status bar of the re-run cell', one, '< 5 ms', `code model kept: ${same ? 'yes' : 'no'}`);
  record(
    "re-run: every cell's outputs re-read (no cache)",
    all,
    '—',
    `${outputs.filter((o) => o.length).length} cells with outputs`,
  );
}

// The extension's path from 256 KB: the finder reads on a worker while the host's thread stays free. Here the
// worker's result is made before the timer starts and handed over in-process (no transfer); timed is what the host's
// thread does for the first hover after an edit: the cell's view, taking the result, the hover's Markdown.
async function hostShare(): Promise<void> {
  let pending: FindResult = { arrays: [], pairs: [], issues: [] };
  const worker: OffThreadFind = () => Promise.resolve(pending);
  const offModels = new FeatureModels(engine, settings, 16, worker, () => notebook());
  const host: number[] = [];
  for (let v = 0; v < 30; v++) {
    const c = 1 + ((v * 53) % (CELLS - 1));
    const d = docs[c]!;
    d.edit(d.getText().replace(/\d\.\d{6}/, (x) => (Number(x) * 0.999).toFixed(6)));
    pending = engine.findArrays(
      joinCells(
        docs.map((x) => x.getText()),
        docs.map((_, i) => i + 1),
      ).text,
      'python',
    );
    const t = performance.now();
    const view = await offModels.readyView(asDoc(d));
    const k = view.model.arrayIndexAt(view.base + predOffset(c));
    if (k !== undefined) hoverMarkdown(view.model, k, { unit, toRange: view.dto });
    host.push(performance.now() - t);
  }
  record(
    'hover after an edit, host thread (finder on a worker)',
    host,
    '< 50 ms',
    'the worker reads the 1 MB meanwhile',
  );
}

void hostShare().then(() => {
  console.log(`notebook: ${CELLS} code cells, ${(totalBytes / 1048576).toFixed(2)} MB of code`);
  console.table(rows);
  console.log(
    `load average (1, 5, 15 min): ${loadavg()
      .map((x) => x.toFixed(2))
      .join(', ')} on ${availableParallelism()} cores`,
  );
});
