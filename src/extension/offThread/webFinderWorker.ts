// The array finder in a Web Worker (the web-worker extension host of
// vscode.dev / VS Code for the Web): a classic script started by the host's
// worker as a nested worker. It says it is ready first, so the host can tell
// a worker that never started (blocked, failed to load) from a slow read.
// `entropyLensDocumentsRead` on its global counts the documents it read (seen
// from the devtools, and by the web end-to-end test through the worker).
import type { FinderRequest, WorkerReady } from './protocol';
import { answer } from './serve';

const scope = self as unknown as {
  postMessage(message: unknown, transfer: Transferable[]): void;
  onmessage: ((e: MessageEvent<FinderRequest>) => void) | null;
  entropyLensDocumentsRead: number;
};

scope.entropyLensDocumentsRead = 0;
scope.onmessage = (e) => {
  const { response, transfer } = answer(e.data);
  if ('result' in response) scope.entropyLensDocumentsRead++;
  scope.postMessage(response, transfer);
};
scope.postMessage({ ready: true } satisfies WorkerReady, []);
