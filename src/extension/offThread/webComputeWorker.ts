// Live computations in a Web Worker (the web-worker extension host of
// vscode.dev / VS Code for the Web), started as the finder's is (webWorker.ts):
// it says it is ready first, so the host can tell a worker that never started
// from a long computation. `entropyLensJobsAnswered` on its global counts the
// outcomes it built (seen from the devtools, and by the web end-to-end test).
import type { ComputeRequest, WorkerReady } from './protocol';
import { answerCompute, warmUp } from './serveCompute';

const scope = self as unknown as {
  postMessage(message: unknown): void;
  onmessage: ((e: MessageEvent<ComputeRequest>) => void) | null;
  entropyLensJobsAnswered: number;
};

scope.entropyLensJobsAnswered = 0;
scope.onmessage = (e) => {
  const response = answerCompute(e.data);
  if ('outcome' in response) scope.entropyLensJobsAnswered++;
  scope.postMessage(response);
};
scope.postMessage({ ready: true } satisfies WorkerReady);
// After saying it is ready (the host times that); requests that come meanwhile wait.
warmUp();
