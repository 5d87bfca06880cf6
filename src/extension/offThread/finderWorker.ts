// The array finder on a worker thread (Node extension host): large documents
// are read here so the extension host's thread stays free for typing.
import { parentPort } from 'node:worker_threads';
import type { FinderRequest } from './protocol';
import { answer } from './serve';

parentPort?.on('message', (request: FinderRequest) => {
  const { response, transfer } = answer(request);
  parentPort!.postMessage(response, transfer);
});
