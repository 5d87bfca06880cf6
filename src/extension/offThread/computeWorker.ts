// Live computations on a worker thread (Node extension host): the outcome of
// 10^7 values read from a debugger is built here, so the extension host's
// thread stays free for the editor.
import { parentPort } from 'node:worker_threads';
import type { ComputeRequest } from './protocol';
import { answerCompute, warmUp } from './serveCompute';

// Requests that come meanwhile wait in the port.
warmUp();
parentPort?.on('message', (request: ComputeRequest) => {
  parentPort!.postMessage(answerCompute(request));
});
