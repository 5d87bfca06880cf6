// A compute command on a notebook cell: from the cell's toolbar or context
// menu (VS Code passes the cell), or from the palette while a cell is focused.
// It reads the cell's source and its printed outputs, with the notebook's other
// code cells for the partners the cell's names pair with (cellProgram.ts).
import * as vscode from 'vscode';
import { findArrays } from '../../parse';
import { cellFind, cellProgram, cellSpans } from './cellProgram';
import { computeOn, type ComputeDeps } from './computeInEditor';
import type { Outcome } from './outcome';
import type { ComputeKind, OffsetSpan } from './types';

const CELL_SCHEME = 'vscode-notebook-cell';
const decoder = new TextDecoder();

/** A command argument that is a notebook cell (what a notebook/cell/title menu item passes). */
export function asCell(arg: unknown): vscode.NotebookCell | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const c = arg as Partial<vscode.NotebookCell>;
  return c.notebook && c.document && typeof c.index === 'number' && c.kind !== undefined
    ? (arg as vscode.NotebookCell)
    : undefined;
}

/** The cell the user is in: the active editor's cell, else the active notebook editor's selected cell. */
export function focusedCell(): { cell: vscode.NotebookCell; editor?: vscode.TextEditor } | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor && editor.document.uri.scheme !== CELL_SCHEME) return undefined;
  const nb = vscode.window.activeNotebookEditor;
  if (editor) {
    const uri = editor.document.uri.toString();
    for (const doc of [nb?.notebook, ...vscode.workspace.notebookDocuments]) {
      const cell = doc?.getCells().find((c) => c.document.uri.toString() === uri);
      if (cell) return { cell, editor };
    }
    return undefined;
  }
  if (!nb || nb.selection.isEmpty) return undefined;
  const cell = nb.notebook.cellAt(nb.selection.start);
  return cell.kind === vscode.NotebookCellKind.Code ? { cell } : undefined;
}

export async function computeInCell(
  cell: vscode.NotebookCell,
  editor: vscode.TextEditor | undefined,
  kind: ComputeKind,
  deps: ComputeDeps,
): Promise<Outcome | undefined> {
  if (cell.kind !== vscode.NotebookCellKind.Code) return undefined;
  const languageId = cell.document.languageId;
  const code = cell.notebook
    .getCells()
    .filter((c) => c.kind === vscode.NotebookCellKind.Code && c.document.languageId === languageId);
  const own = code.findIndex((c) => c.document.uri.toString() === cell.document.uri.toString());
  if (own < 0) return undefined;
  const program = cellProgram(
    code.map((c) => c.document.getText()),
    code.map((c) => c.index + 1),
    own,
    cell.outputs.flatMap((o) => o.items.map((i) => ({ mime: i.mime, text: () => decoder.decode(i.data) }))),
  );
  const find = cellFind(program, findArrays(program.text, languageId, deps.limits()));
  const doc = cell.document;
  const selection: OffsetSpan | undefined = editor
    ? { start: doc.offsetAt(editor.selection.start), end: doc.offsetAt(editor.selection.end) }
    : undefined;
  const base = program.parts.starts[own]!;
  const cursor = editor ? base + doc.offsetAt(editor.selection.active) : base;
  // Ranges are given in the joined text with the notebook's URI, as the hover links give them.
  const lines = lineStarts(program.text);
  return computeOn(find, { selections: cellSpans(program, find, selection), cursor }, kind, deps, {
    uri: cell.notebook.uri.toString(),
    positionAt: (offset) => {
      let lo = 0,
        hi = lines.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (lines[mid]! <= offset) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo, character: offset - lines[lo]! };
    },
  });
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
