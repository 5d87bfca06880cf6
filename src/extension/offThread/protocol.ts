// Messages between the extension host and the finder's worker (a Node worker
// thread, or a Web Worker in the browser's extension host).
import type { FinderLimits } from '../../parse/types';
import type { PackedResult } from './pack';

export interface FinderRequest {
  id: number;
  text: string;
  languageId: string;
  limits: Partial<FinderLimits>;
}
export type FinderResponse = { id: number; result: PackedResult } | { id: number; error: string };
/** The Web Worker's first message: its script loaded and it listens. */
export interface WorkerReady {
  ready: true;
}
