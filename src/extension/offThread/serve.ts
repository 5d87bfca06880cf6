// What the finder's worker does with one request, shared by the Node worker
// thread (finderWorker.ts) and the browser's Web Worker (webFinderWorker.ts).
import { findArrays } from '../../parse';
import { packResult } from './pack';
import type { FinderRequest, FinderResponse } from './protocol';

/** The answer to `request` and the buffers to transfer with it (the values travel in one Float64Array, not copied). */
export function answer(request: FinderRequest): { response: FinderResponse; transfer: ArrayBuffer[] } {
  try {
    const result = packResult(findArrays(request.text, request.languageId, request.limits));
    return { response: { id: request.id, result }, transfer: [result.values.buffer] };
  } catch (e) {
    return { response: { id: request.id, error: e instanceof Error ? e.message : String(e) }, transfer: [] };
  }
}
