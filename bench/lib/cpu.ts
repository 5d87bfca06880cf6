// CPU time of another process, all its threads, from /proc (Linux): what the
// debug bench reads to show where a transfer's work is done.
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's stat times (USER_HZ, 100 on Linux). */
const TICK_MS = 10;

/** User + system CPU of process `pid` so far, in ms (10 ms steps); undefined once it is gone or off Linux. */
export function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    let ticks = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    }
    return ticks * TICK_MS;
  } catch {
    return undefined;
  }
}
