// Which framework and loss a call names, from the callee the finder read
// (`F.binary_cross_entropy`, `nn.CrossEntropyLoss()`, `tf.losses.logLoss`,
// `keras.losses.BinaryCrossentropy()`, `optax.softmax_cross_entropy`, `Flux.crossentropy`).
import { FRAMEWORKS, type FrameworkId } from './table';

export interface CalleeEmulation {
  framework: FrameworkId;
  loss: string;
}

function snake(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

/** The framework whose module the prefix names, or undefined when it names none. */
function frameworkOf(prefix: string, last: string): FrameworkId | undefined {
  const p = prefix.toLowerCase();
  if (p.includes('keras')) return 'keras';
  if (p.includes('optax')) return 'optax';
  if (p.includes('flux')) return 'flux';
  if (p.includes('sklearn') || p.includes('metrics')) return 'sklearn';
  if (/^(f|nn|torch|functional)\b/.test(p) || p.includes('torch')) return 'pytorch';
  // TF.js spells its losses in camelCase under tf.losses; TF 1's snake_case ones are not emulated.
  if (p.startsWith('tf.') || p.startsWith('tf') || p.startsWith('tensorflow'))
    return /[A-Z]/.test(last) && !/^[A-Z]/.test(last) ? 'tfjs' : undefined;
  return undefined;
}

/** The emulation for a callee, or undefined when no emulated loss matches it. */
export function emulationForCallee(callee: string): CalleeEmulation | undefined {
  const bare = callee.endsWith('()') ? callee.slice(0, -2) : callee;
  const dot = bare.lastIndexOf('.');
  const last = bare.slice(dot + 1);
  const prefix = dot < 0 ? '' : bare.slice(0, dot);
  const name = snake(last);
  const named = frameworkOf(prefix, last);
  if (named === undefined && /^(tf|tensorflow)\b/.test(prefix)) return undefined;
  const candidates = (Object.keys(FRAMEWORKS) as FrameworkId[]).filter((f) => named === undefined || f === named);
  // Without a module, a name two libraries share (log_loss) goes to the first in the table's order.
  for (const framework of candidates) {
    for (const [loss, entry] of Object.entries(FRAMEWORKS[framework].losses))
      if (entry.names.includes(name)) return { framework, loss };
  }
  return undefined;
}
