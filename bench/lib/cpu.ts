// CPU time and minor page faults of another process, from /proc (Linux):
// what the debug bench reads to show where a transfer's work is done.
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's stat times (USER_HZ, 100 on Linux). */
const TICK_MS = 10;

/** The fields of a /proc stat line after the command's closing parenthesis (the state is the first). */
function statFields(path: string): string[] {
  const stat = readFileSync(path, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** User + system CPU of process `pid` so far, in ms (10 ms steps); undefined once it is gone or off Linux. */
export function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    let ticks = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      // utime and stime are the 12th and 13th fields after the command.
      const fields = statFields(`/proc/${pid}/task/${tid}/stat`);
      ticks += Number(fields[11]) + Number(fields[12]);
    }
    return ticks * TICK_MS;
  } catch {
    return undefined;
  }
}

/**
 * Minor page faults of process `pid` so far, all its threads (ended ones too):
 * each is a first touch of fresh memory. Undefined once it is gone or off Linux.
 */
export function processMinorFaults(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // minflt is the 8th field after the command (the 10th of the line).
    return Number(statFields(`/proc/${pid}/stat`)[7]);
  } catch {
    return undefined;
  }
}
