// Entry point for both extension hosts: Node (dist/extension.js) and the web
// worker of vscode.dev (dist/web/extension.js). Nothing here may use Node APIs.
import type * as vscode from 'vscode';
import { EntropyLens } from './entropyLens';

export function activate(context: vscode.ExtensionContext): EntropyLens {
  const lens = new EntropyLens(context.extensionUri);
  context.subscriptions.push(lens);
  return lens;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
