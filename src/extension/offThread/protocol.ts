// Messages between the extension host and its workers, the finder's and the
// live compute's (Node worker threads, or Web Workers in the browser's
// extension host).
import type { FinderLimits } from '../../parse/types';
import type { PackedResult } from './pack';
import type { LiveOutcomeJob, PortableOutcome } from '../live/liveOutcome';

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

/** A live computation for the compute worker; its values' buffers are transferred, not copied. */
export interface ComputeRequest {
  id: number;
  job: LiveOutcomeJob;
}
export type ComputeResponse = { id: number; outcome: PortableOutcome } | { id: number; error: string };
