// Turns the argument of `entropyLens.showVisualizer` into a protocol pair. The
// command is called by hovers and code lenses (with plain data or vscode
// objects: Uri, Range) and by users from keybindings (with anything), so the
// argument is normalized by duck typing and then validated like any message.
import { validatePair, type PairPayload, type Validated } from '../../protocol/visualizer';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null;

/** A vscode.Uri (has toString producing a scheme:) or a string. */
function uriString(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (isObj(v) && typeof v.scheme === 'string' && typeof v.toString === 'function') return String(v.toString());
  return undefined;
}

/** {start: {line, character}, end: …} from a vscode.Range or plain data. */
function rangeData(v: unknown): unknown {
  if (!isObj(v) || !isObj(v.start) || !isObj(v.end)) return v;
  return {
    start: { line: v.start.line, character: v.start.character },
    end: { line: v.end.line, character: v.end.character },
  };
}

/** `{values, range}` as a finder result may carry it, or the bare array. */
function valuesOf(v: unknown): { values: unknown; range?: unknown } {
  if (isObj(v) && !Array.isArray(v) && 'values' in v) return { values: v.values, range: v.range };
  return { values: v };
}

export function pairFromCommandArgument(arg: unknown): Validated<PairPayload> {
  if (!isObj(arg)) return { ok: false, error: 'expected {target, prediction}' };
  const t = valuesOf(arg.target);
  const p = valuesOf(arg.prediction);
  const source = isObj(arg.source) ? arg.source : arg;
  const uri = uriString(source.uri ?? source.documentUri);
  const candidate: Obj = {
    target: t.values,
    prediction: p.values,
    predictionKind: arg.predictionKind,
    label: arg.label,
  };
  if (uri) {
    const targetRange = source.targetRange ?? t.range;
    const predictionRange = source.predictionRange ?? p.range;
    candidate.source = {
      uri,
      ...(targetRange !== undefined ? { targetRange: rangeData(targetRange) } : {}),
      ...(predictionRange !== undefined ? { predictionRange: rangeData(predictionRange) } : {}),
      ...(Array.isArray(source.rowRanges) ? { rowRanges: source.rowRanges.map(rangeData) } : {}),
    };
  }
  try {
    return { ok: true, value: validatePair(candidate) };
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
}
