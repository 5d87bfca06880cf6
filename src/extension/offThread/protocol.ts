// Messages between the extension host and the finder's worker thread.
import type { FinderLimits } from '../../parse/types';
import type { PackedResult } from './pack';

export interface FinderRequest { id: number; text: string; languageId: string; limits: Partial<FinderLimits> }
export type FinderResponse = { id: number; result: PackedResult } | { id: number; error: string };
