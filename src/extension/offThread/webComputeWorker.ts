// Live computations in a Web Worker (the web-worker extension host of
// vscode.dev / VS Code for the Web), started as the finder's is (webWorker.ts):
// it says it is ready first, so the host can tell a worker that never started
// from a long computation.
import type { ComputeRequest, WorkerReady } from './protocol';
import { answerCompute } from './serveCompute';

const scope = self as unknown as {
  postMessage(message: unknown): void;
  onmessage: ((e: MessageEvent<ComputeRequest>) => void) | null;
};

scope.onmessage = (e) => scope.postMessage(answerCompute(e.data));
scope.postMessage({ ready: true } satisfies WorkerReady);
