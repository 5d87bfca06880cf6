// Shared by the integration suites: opening text as the user would, and
// reading hovers as the user reads them.
import * as vscode from 'vscode';

/** An untitled document with this text, shown in an editor. */
export async function openText(content: string, language = 'python'): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument({ language, content });
  await vscode.window.showTextDocument(doc);
  return doc;
}

/** The text of every hover's contents, one after another. */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

/** A diagnostic's code as a string, whether VS Code holds it bare or as `{ value, target }` (ours link to their docs page). */
export function codeOf(d: vscode.Diagnostic): string | undefined {
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  return code === undefined ? undefined : String(code);
}
