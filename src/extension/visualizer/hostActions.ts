// What the host does for the webview: save an exported figure, put copied data
// on the clipboard, and reveal a range in an editor. Each returns a sentence
// for the webview's status line; none throws.
import * as vscode from 'vscode';
import type { RangeDto } from '../../protocol/visualizer';

function decodeBase64(b64: string): Uint8Array {
  // atob exists in Node ≥ 16 and in the web-worker extension host alike.
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export async function saveFigure(
  format: 'svg' | 'png',
  data: string,
  suggestedName: string,
): Promise<{ ok: boolean; detail: string }> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, suggestedName) : undefined,
    filters: format === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] },
    title: `Save the Entropy Lens figure as ${format.toUpperCase()}`,
  });
  if (!target) return { ok: false, detail: 'Save cancelled.' };
  try {
    const bytes = format === 'svg' ? new TextEncoder().encode(data) : decodeBase64(data);
    await vscode.workspace.fs.writeFile(target, bytes);
    return { ok: true, detail: `Saved ${vscode.workspace.asRelativePath(target)} (${bytes.length} bytes).` };
  } catch (e) {
    return { ok: false, detail: `Could not save ${target.toString(true)}: ${(e as Error).message}` };
  }
}

export async function copyText(text: string, what: string): Promise<{ ok: boolean; detail: string }> {
  try {
    await vscode.env.clipboard.writeText(text);
    return { ok: true, detail: `Copied the data as ${what} (${text.split('\n').length - 1} lines).` };
  } catch (e) {
    return { ok: false, detail: `Could not copy: ${(e as Error).message}` };
  }
}

export function toRange(r: RangeDto): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

export async function revealRange(uri: vscode.Uri, range: RangeDto): Promise<void> {
  const selection = toRange(range);
  // Reuse the editor column the document is already shown in, if any.
  const existing = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  const editor = await vscode.window.showTextDocument(uri, {
    selection,
    preview: false,
    viewColumn: existing?.viewColumn,
  });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
