// FeatureModels for notebook cells: every code cell of a notebook shares one
// model of the joined cells (read once per notebook and cell versions), and
// each cell's view maps its own offsets into it and back.
import { describe, expect, it } from 'vitest';
import type * as vscode from 'vscode';
import { createEngine, DEFAULT_MODEL_SETTINGS } from '../../../src/extension/features/model';
import { lensAnchors, modelAnchors } from '../../../src/extension/features/content';
import { FeatureModels, type NotebookCells } from '../../../src/extension/features/providers/featureModels';
import type { FeatureSettings } from '../../../src/extension/config';

const settings = (): FeatureSettings => ({
  unit: 'nats',
  languages: ['python'],
  enabled: () => true,
  statusBar: true,
  model: DEFAULT_MODEL_SETTINGS,
});

interface FakeCell {
  doc: vscode.TextDocument;
  text: string;
  version: number;
}

function fakeCell(uri: string, text: string): FakeCell {
  const cell: FakeCell = { text, version: 1, doc: undefined as unknown as vscode.TextDocument };
  cell.doc = {
    uri: { toString: () => uri, scheme: 'vscode-notebook-cell' },
    get version() {
      return cell.version;
    },
    languageId: 'python',
    getText: () => cell.text,
    positionAt: (o: number) => {
      const before = cell.text.slice(0, o);
      return { line: before.split('\n').length - 1, character: o - (before.lastIndexOf('\n') + 1) };
    },
  } as unknown as vscode.TextDocument;
  return cell;
}

function setup() {
  const cells = [
    fakeCell('cell:1', 'y_true = [0, 1, 0]'),
    fakeCell('cell:3', 'x = 1\ny_pred = [0.2, 0.7, 0.1]'),
    fakeCell('cell:4', 'log_loss(y_true, y_pred)'),
  ];
  const lookup = (doc: vscode.TextDocument): NotebookCells | undefined =>
    cells.some((c) => c.doc === doc)
      ? {
          uri: 'nb',
          key: cells.map((c) => c.version).join(','),
          languageId: 'python',
          cells: cells.map((c) => c.doc),
          numbers: [1, 3, 4],
        }
      : undefined;
  let finds = 0;
  const engine = createEngine();
  const counting = {
    ...engine,
    findArrays: (t: string, l: string) => {
      finds++;
      return engine.findArrays(t, l);
    },
  };
  return { cells, models: new FeatureModels(counting, settings, 16, undefined, lookup), finds: () => finds };
}

describe('FeatureModels: notebook cells', () => {
  it('gives every code cell the same model, read once, with the pair across cells', () => {
    const { cells, models, finds } = setup();
    const a = models.get(cells[0]!.doc),
      b = models.get(cells[1]!.doc);
    expect(a).toBe(b);
    expect(a.pairs).toHaveLength(1);
    expect(models.get(cells[2]!.doc).arrays).toHaveLength(2);
    expect(finds()).toBe(1);
    expect(models.siblings(cells[2]!.doc)).toHaveLength(3);
  });

  it("maps a cell's offsets into the joined text and back to the cell and its position", () => {
    const { cells, models } = setup();
    const view = models.view(cells[1]!.doc);
    const model = view.model;
    expect(model.text.slice(view.base, view.limit)).toBe(cells[1]!.text);
    const pred = model.arrays.find((x) => x.name === 'y_pred')!;
    const target = model.arrays.find((x) => x.name === 'y_true')!;
    expect(view.holds(pred.start, pred.end)).toBe(true);
    expect(view.holds(target.start, target.end)).toBe(false);
    expect(view.locate(pred.start)).toEqual({ doc: cells[1]!.doc, position: { line: 1, character: 9 } });
    expect(view.locate(target.start)).toEqual({ doc: cells[0]!.doc, position: { line: 0, character: 9 } });
    // Payload ranges are the joined text's, read back by offsetOf.
    const r = view.dto(pred.start, pred.end);
    expect(model.offsetOf(r.start.line, r.start.character)).toBe(pred.start);
  });

  it('reads the notebook again when any cell changes, and the old view is no longer current', () => {
    const { cells, models, finds } = setup();
    const before = models.view(cells[1]!.doc);
    expect(before.model.arrays).toHaveLength(2);
    cells[0]!.text = 'y_true = [1, 0, 0]';
    cells[0]!.version++;
    expect(before.current()).toBe(false);
    const after = models.view(cells[1]!.doc);
    expect(after.model).not.toBe(before.model);
    expect(after.current()).toBe(true);
    expect(after.model.arrays.find((x) => x.name === 'y_true')!.values).toEqual([1, 0, 0]);
    expect(finds()).toBe(2);
  });

  it("computes the notebook's lens anchors once per model; each cell keeps its own", () => {
    const { cells, models } = setup();
    const model = models.get(cells[1]!.doc);
    const anchors = modelAnchors(model);
    expect(modelAnchors(models.get(cells[2]!.doc))).toBe(anchors);
    expect(anchors).toEqual(lensAnchors(model, (o) => model.lineOf(o)));
    const own = anchors.filter((a) => models.view(cells[1]!.doc).holds(a.offset, a.offset));
    expect(own).toHaveLength(1);
    cells[0]!.text = 'y_true = [1, 0, 0]';
    cells[0]!.version++;
    expect(modelAnchors(models.get(cells[1]!.doc))).not.toBe(anchors);
  });
});
