// The array finder on a worker thread (Node extension host): large documents
// are read here so the extension host's thread stays free for typing.
import { parentPort } from 'node:worker_threads';
import { findArrays } from '../../parse';
import { packResult } from './pack';
import type { FinderRequest, FinderResponse } from './protocol';

parentPort?.on('message', (request: FinderRequest) => {
  let response: FinderResponse;
  try {
    response = { id: request.id, result: packResult(findArrays(request.text, request.languageId, request.limits)) };
  } catch (e) {
    response = { id: request.id, error: e instanceof Error ? e.message : String(e) };
  }
  // The values' buffer is handed over, not copied.
  parentPort!.postMessage(response, 'result' in response ? [response.result.values.buffer] : []);
});
