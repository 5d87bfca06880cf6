// Where the scripts keep what they install once (Node 24, code-server): outside
// the repo, so a fresh clone reuses it; ENTROPY_LENS_CACHE moves it.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const CACHE = process.env.ENTROPY_LENS_CACHE ?? join(homedir(), '.cache', 'entropy-lens');
