// The messages between the extension host and the visualizer webview: one
// discriminated union each way, and validators that both sides run on every
// message that arrives. A message that fails validation is dropped and logged,
// never acted on — the webview is an untrusted page as far as the host is
// concerned, and the host's messages cross a serialization boundary.
//
// Pure TS: no `vscode`, no DOM. Ranges are plain zero-based {line, character}
// pairs so they survive postMessage; the host converts them to vscode.Range.
import { elementAt, isMatrix } from '../core/elements';

export interface PositionDto {
  line: number;
  character: number;
}
export interface RangeDto {
  start: PositionDto;
  end: PositionDto;
}

/** Where a pair came from, so the webview can send the user back there. */
export interface PairSource {
  uri: string;
  targetRange?: RangeDto;
  predictionRange?: RangeDto;
  /** For a 2-D batch: the range of each prediction row, in row order. */
  rowRanges?: RangeDto[];
}

export type Vector = number[];
export type Matrix = number[][];

/** A target/prediction pair to show; kinds are hints, the core classifies otherwise. */
export interface PairPayload {
  target: Vector | Matrix;
  prediction: Vector | Matrix;
  predictionKind?: 'probabilities' | 'logits';
  label?: string;
  source?: PairSource;
}

export type ExportFormat = 'svg' | 'png';
export type CopyFormat = 'csv' | 'markdown';

/** Host → webview. */
export type HostToWebview =
  | { type: 'showPair'; pair: PairPayload }
  | { type: 'exportResult'; format: ExportFormat; ok: boolean; detail: string }
  | { type: 'copyResult'; format: CopyFormat; ok: boolean; detail: string };

/** Webview → host. */
export type WebviewToHost =
  | { type: 'ready' }
  | { type: 'saveFigure'; format: 'svg'; svg: string; suggestedName: string }
  | { type: 'saveFigure'; format: 'png'; pngBase64: string; suggestedName: string }
  | { type: 'copyData'; format: CopyFormat; text: string }
  | { type: 'reveal'; uri: string; range: RangeDto }
  | { type: 'log'; level: 'info' | 'warn' | 'error'; message: string };

export type Validated<T> = { ok: true; value: T } | { ok: false; error: string };

// Limits keep a hostile or buggy message from freezing either side.
export const MAX_CLASSES = 4096;
export const MAX_ROWS = 10_000;
export const MAX_VALUES = 1_000_000; // per array: rows × classes
export const MAX_TEXT = 20_000_000; // a PNG of a large figure in base64, a long CSV

type Obj = Record<string, unknown>;
/**
 * A plain object as a prototype-less copy of its own enumerable properties:
 * an inherited `type` or `format` is never read, and an own "__proto__" key
 * (JSON.parse makes one) is just a key no validator asks for.
 */
function ownRecord(v: unknown): Obj | undefined {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || ArrayBuffer.isView(v)) return undefined;
  const out = Object.create(null) as Obj;
  for (const key of Object.keys(v)) out[key] = (v as Obj)[key];
  return out;
}
const isStr = (v: unknown, max = MAX_TEXT): v is string => typeof v === 'string' && v.length <= max;
const isNat = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

class Invalid extends Error {}
function fail(path: string, what: string): never {
  throw new Invalid(`${path}: ${what}`);
}

/** A short name of what a value is, for messages: never the value itself, which may be huge or deep. */
function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return JSON.stringify(v.length > 20 ? `${v.slice(0, 20)}…` : v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return typeof v;
}

/** The elements of an array, holes read as undefined (Array.prototype.map skips them). */
function each<T>(v: readonly unknown[], f: (x: unknown, i: number) => T): T[] {
  const out = new Array<T>(v.length);
  for (let i = 0; i < v.length; i++) out[i] = f(v[i], i);
  return out;
}

function position(raw: unknown, path: string): PositionDto {
  const v = ownRecord(raw);
  if (!v) fail(path, 'expected {line, character}');
  if (!isNat(v.line)) fail(`${path}.line`, 'expected a non-negative integer');
  if (!isNat(v.character)) fail(`${path}.character`, 'expected a non-negative integer');
  return { line: v.line, character: v.character };
}

export function validateRange(raw: unknown, path = 'range'): RangeDto {
  const v = ownRecord(raw);
  if (!v) fail(path, 'expected {start, end}');
  return { start: position(v.start, `${path}.start`), end: position(v.end, `${path}.end`) };
}

// Numbers may arrive as JSON strings for non-finite values ("Infinity", "NaN"),
// the same convention as the reference cases; anything else is an error.
function num(v: unknown, path: string): number {
  if (typeof v === 'number') return v;
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  if (v === 'NaN') return NaN;
  return fail(path, `expected a number, got ${kindOf(v)}`);
}

function vector(v: unknown, path: string, width?: number): Vector {
  if (!Array.isArray(v)) fail(path, 'expected an array of numbers');
  if (v.length === 0) fail(path, 'is empty');
  if (v.length > MAX_CLASSES) fail(path, `has ${v.length} entries, more than ${MAX_CLASSES}`);
  // Checked before reading, so that ragged rows cannot make the copy larger than MAX_VALUES.
  if (width !== undefined && v.length !== width) fail(path, `has ${v.length} entries, row 0 has ${width}`);
  return each(v, (x, i) => num(x, `${path}[${i}]`));
}

function vectorOrMatrix(v: unknown, path: string): Vector | Matrix {
  if (!Array.isArray(v)) fail(path, 'expected an array');
  // The payload is the user's arrays: read without changing their element kind (core/elements.ts).
  if (isMatrix(v)) {
    if (v.length > MAX_ROWS) fail(path, `has ${v.length} rows, more than ${MAX_ROWS}`);
    const width = (elementAt(v, 0) as unknown[]).length;
    if (v.length * width > MAX_VALUES) fail(path, `has ${v.length} × ${width} values, more than ${MAX_VALUES}`);
    return each(v, (row, i) => vector(row, `${path}[${i}]`, width));
  }
  return vector(v, path);
}

export function validateSource(raw: unknown, path = 'source'): PairSource {
  const v = ownRecord(raw);
  if (!v) fail(path, 'expected an object');
  if (!isStr(v.uri, 8192) || v.uri.length === 0) fail(`${path}.uri`, 'expected a non-empty string');
  const out: PairSource = { uri: v.uri };
  if (v.targetRange !== undefined) out.targetRange = validateRange(v.targetRange, `${path}.targetRange`);
  if (v.predictionRange !== undefined)
    out.predictionRange = validateRange(v.predictionRange, `${path}.predictionRange`);
  if (v.rowRanges !== undefined) {
    if (!Array.isArray(v.rowRanges) || v.rowRanges.length > MAX_ROWS)
      fail(`${path}.rowRanges`, 'expected an array of ranges');
    out.rowRanges = each(v.rowRanges as unknown[], (r, i) => validateRange(r, `${path}.rowRanges[${i}]`));
  }
  return out;
}

export function validatePair(raw: unknown, path = 'pair'): PairPayload {
  const v = ownRecord(raw);
  if (!v) fail(path, 'expected {target, prediction}');
  const target = vectorOrMatrix(v.target, `${path}.target`);
  const prediction = vectorOrMatrix(v.prediction, `${path}.prediction`);
  const out: PairPayload = { target, prediction };
  if (v.predictionKind !== undefined) {
    if (v.predictionKind !== 'probabilities' && v.predictionKind !== 'logits')
      fail(`${path}.predictionKind`, 'expected "probabilities" or "logits"');
    out.predictionKind = v.predictionKind;
  }
  if (v.label !== undefined) {
    if (!isStr(v.label, 500)) fail(`${path}.label`, 'expected a short string');
    out.label = v.label;
  }
  if (v.source !== undefined && v.source !== null) out.source = validateSource(v.source, `${path}.source`);
  return out;
}

/** validatePair as a result: whether a pair fits the visualizer (its caps), and why not. */
export function checkPair(v: unknown): Validated<PairPayload> {
  return run(() => validatePair(v));
}

function okOrDetail(v: Obj, path: string): { ok: boolean; detail: string } {
  if (typeof v.ok !== 'boolean') fail(`${path}.ok`, 'expected a boolean');
  if (!isStr(v.detail, 4096)) fail(`${path}.detail`, 'expected a string');
  return { ok: v.ok, detail: v.detail };
}

function run<T>(f: () => T): Validated<T> {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, error: e.message };
    throw e;
  }
}

/** Validates a message that arrived in the webview from the host. */
export function validateHostMessage(raw: unknown): Validated<HostToWebview> {
  return run((): HostToWebview => {
    const msg = ownRecord(raw);
    if (!msg) fail('message', 'expected an object');
    switch (msg.type) {
      case 'showPair':
        return { type: 'showPair', pair: validatePair(msg.pair) };
      case 'exportResult':
        if (msg.format !== 'svg' && msg.format !== 'png') fail('format', 'expected "svg" or "png"');
        return { type: 'exportResult', format: msg.format, ...okOrDetail(msg, 'exportResult') };
      case 'copyResult':
        if (msg.format !== 'csv' && msg.format !== 'markdown') fail('format', 'expected "csv" or "markdown"');
        return { type: 'copyResult', format: msg.format, ...okOrDetail(msg, 'copyResult') };
      default:
        return fail('type', `unknown message type ${kindOf(msg.type)}`);
    }
  });
}

const FILE_NAME = /^[\w.-]{1,100}$/;

/** Validates a message that arrived in the host from the webview. */
export function validateWebviewMessage(raw: unknown): Validated<WebviewToHost> {
  return run((): WebviewToHost => {
    const msg = ownRecord(raw);
    if (!msg) fail('message', 'expected an object');
    switch (msg.type) {
      case 'ready':
        return { type: 'ready' };
      case 'saveFigure': {
        if (!isStr(msg.suggestedName, 100) || !FILE_NAME.test(msg.suggestedName))
          fail('suggestedName', 'expected a plain file name');
        if (msg.format === 'svg') {
          if (!isStr(msg.svg) || !msg.svg.trimStart().startsWith('<svg')) fail('svg', 'expected SVG markup');
          return { type: 'saveFigure', format: 'svg', svg: msg.svg, suggestedName: msg.suggestedName };
        }
        if (msg.format === 'png') {
          if (!isStr(msg.pngBase64) || !/^[A-Za-z0-9+/]+=*$/.test(msg.pngBase64))
            fail('pngBase64', 'expected base64 data');
          return { type: 'saveFigure', format: 'png', pngBase64: msg.pngBase64, suggestedName: msg.suggestedName };
        }
        return fail('format', 'expected "svg" or "png"');
      }
      case 'copyData':
        if (msg.format !== 'csv' && msg.format !== 'markdown') fail('format', 'expected "csv" or "markdown"');
        if (!isStr(msg.text)) fail('text', 'expected a string');
        return { type: 'copyData', format: msg.format, text: msg.text };
      case 'reveal':
        if (!isStr(msg.uri, 8192) || msg.uri.length === 0) fail('uri', 'expected a non-empty string');
        return { type: 'reveal', uri: msg.uri, range: validateRange(msg.range) };
      case 'log':
        if (msg.level !== 'info' && msg.level !== 'warn' && msg.level !== 'error')
          fail('level', 'expected info, warn or error');
        if (!isStr(msg.message, 4096)) fail('message', 'expected a string');
        return { type: 'log', level: msg.level, message: msg.message };
      default:
        return fail('type', `unknown message type ${kindOf(msg.type)}`);
    }
  });
}
