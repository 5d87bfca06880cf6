// Which notebook a cell document belongs to: cell documents have the
// `vscode-notebook-cell` scheme and are found among the open notebooks'
// cells. The code cells of the cell's language make the notebook's one text.
import * as vscode from 'vscode';
import type { NotebookCells } from './featureModels';

export const NOTEBOOK_CELL_SCHEME = 'vscode-notebook-cell';

export function notebookCellsOf(doc: vscode.TextDocument): NotebookCells | undefined {
  if (doc.uri.scheme !== NOTEBOOK_CELL_SCHEME) return undefined;
  const uri = doc.uri.toString();
  for (const nb of vscode.workspace.notebookDocuments) {
    const all = nb.getCells();
    if (all.some((c) => c.document.uri.toString() === uri)) return cellsOf(nb, all, doc.languageId);
  }
  return undefined;
}

/** An open notebook by its URI, read in the language of its first code cell. */
export function notebookCellsByUri(uri: string): NotebookCells | undefined {
  const nb = vscode.workspace.notebookDocuments.find((n) => n.uri.toString() === uri);
  if (!nb) return undefined;
  const all = nb.getCells();
  const first = all.find((c) => c.kind === vscode.NotebookCellKind.Code);
  return first ? cellsOf(nb, all, first.document.languageId) : undefined;
}

function cellsOf(nb: vscode.NotebookDocument, all: vscode.NotebookCell[], languageId: string): NotebookCells {
  const code = all.filter((c) => c.kind === vscode.NotebookCellKind.Code && c.document.languageId === languageId);
  return {
    uri: nb.uri.toString(),
    // Cells' places and versions only: a re-run (new outputs) or a metadata change leaves the code's model as it is.
    key: code.map((c) => `${c.index}.${c.document.version}`).join(','),
    languageId,
    cells: code.map((c) => c.document),
    numbers: code.map((c) => c.index + 1),
  };
}
