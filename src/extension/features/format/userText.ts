// The core's messages are written for programmers calling its API ("pass
// normalize: true", "set eps", "ignoreIndex"). Before any of them reaches a
// hover, lens, status bar or diagnostic they are reworded here for the editor's
// user, who has settings and quick fixes, not API options.
import { SETTINGS } from '../../ids';

const REWRITES: [RegExp, string][] = [
  [/\s*\(pass normalize: true[^)]*\)/g, ''],
  [/\(set eps to clip\)/g, `(the ${SETTINGS.eps} setting clips it)`],
  [/an eps such as 1e-7 clips it/g, `setting ${SETTINGS.eps}, e.g. to 1e-7, clips it`],
  [/\bignoreIndex\b/g, 'ignore_index'],
  [/\bnormalize: true\b/g, 'normalising'],
];

/** A core message (error, warning or rule note) in words for the editor's user. */
export function userText(message: string): string {
  let out = message;
  for (const [re, by] of REWRITES) out = out.replace(re, by);
  return out;
}
