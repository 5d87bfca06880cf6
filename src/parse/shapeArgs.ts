// Shapes, sizes and axes are not data: `torch.ones([10, 64])`,
// `x.reshape((2, 3))`, `np.sum(p, axis=(0, 1))`, `"input_shape": [28, 28, 1]`,
// `Tensor logits({1, 4})`. Such integer literals are dropped. Where a flat data
// argument comes with its shape (`tf.tensor2d(values, [3, 3])`,
// `variable({2, 3}, {…})`, `np.array([…]).reshape(2, 3)`, Julia's
// `reshape(x, 3, 2)`, R's `matrix(c(…), nrow = 2)`, Math.NET's
// `Dense(3, 2, data)`) the data is reported with that shape, by rows
// (column-major where the language or the call is). Also names through
// constructors: `let probs = Tensor::from_data(TensorData::from([…]))` is `probs`.

import type { ScanResult } from './scanner';
import type { ScannedArray } from './pieces';
import type { Family } from './languages';
import { argumentContext, argumentsOf, closeAt, closeOf, lastSegmentOf, type ArgumentContext } from './argumentContext';
import { lossSignature, snakeCase } from './callSignatures';
import { bindingName } from './lookBack';

/** Words of a name that say shape, size, axis or seed. */
const SHAPE_WORDS = new Set([
  'shape',
  'shapes',
  'size',
  'sizes',
  'dims',
  'dim',
  'axis',
  'axes',
  'stride',
  'strides',
  'perm',
  'reps',
  'repeats',
  'newshape',
  'seed',
  'seeds',
  'layers',
  'units',
  'kernel',
  'padding',
  'dilation',
  'channels',
  'resolution',
  'sz',
  'hidden',
  'figsize',
  'dpi',
  'ndim',
  'ndims',
  'kernelsize',
  'batchsize',
]);

/** Constructors that take the data and its shape (`tf.tensor(values, [2, 3])`, `Nd4j.create(data, shape)`, candle's `from_vec(v, (2, 3), &dev)`). */
const DATA_SHAPE_CALLS = new Set([
  'tensor',
  'tensor1d',
  'tensor2d',
  'tensor3d',
  'tensor4d',
  'create',
  'from_vec',
  'from_slice',
  'from_blob',
  'variable',
  'Variable',
  'Tensor',
  'from_shape_vec',
  'from_data',
]);

/** Calls whose integer literal arguments are shapes, sizes or axes. */
const SHAPE_CALLS = new Set([
  'zeros',
  'ones',
  'empty',
  'full',
  'fill',
  'rand',
  'randn',
  'randint',
  'random_normal',
  'random_uniform',
  'randomNormal',
  'randomUniform',
  'truncatedNormal',
  'truncated_normal',
  'normal',
  'uniform',
  'eye',
  'Size',
  'new_zeros',
  'new_ones',
  'new_full',
  'new_empty',
  'reshape',
  'view',
  'permute',
  'expand',
  'repeat',
  'tile',
  'transpose',
  'broadcast_to',
  'resize',
  'repmat',
  'flatten',
  'squeeze',
  'unsqueeze',
  'expand_dims',
  'sum',
  'mean',
  'max',
  'min',
  'argmax',
  'argmin',
  'prod',
  'std',
  'var',
  'cumsum',
  'from_blob',
  'randperm',
  'zeros_like',
  'ones_like',
  'input',
  'Input',
  'conv2d',
  'Conv2d',
  'Linear',
  'seed',
  'manual_seed',
  'seed_from_u64',
  'StdRng',
  'Random',
  'split',
  'chunk',
  'narrow',
  'pad',
  'shape',
  'sizes',
]);

/** Of those, the ones whose first argument is the data when called as a function (`np.reshape(a, shape)`, not `a.reshape(shape)`). */
const DATA_FIRST = new Set([
  'reshape',
  'transpose',
  'tile',
  'repeat',
  'broadcast_to',
  'resize',
  'repmat',
  'sum',
  'mean',
  'max',
  'min',
  'argmax',
  'argmin',
  'prod',
  'std',
  'var',
  'cumsum',
  'squeeze',
  'unsqueeze',
  'expand_dims',
  'flatten',
  'fill',
  'split',
  'chunk',
  'narrow',
  'pad',
  'permute',
  'view',
]);

/** Receivers that make a call a function (`np.reshape`), not a method on a value (`x.reshape`). */
const MODULES =
  /^(?:np|numpy|torch|tf|tensorflow|jnp|jax|jax\.numpy|nd|mx|K|ops|keras\.ops|keras|F|math|Base|scipy|cp|Flux|candle|ndarray|Array)$/;

/** Calls that read their data column by column (Math.NET's Dense, R's matrix). */
const COLUMN_MAJOR_CALLS = new Set(['Dense', 'DenseOfColumnMajor', 'matrix', 'array']);

/** Applies the rules above to a scan's arrays in place (dropped arrays are removed and the calls' indices remapped). */
export function readShapes(text: string, scan: ScanResult, family: Family): void {
  const arrays = scan.arrays;
  if (arrays.length === 0) return;
  const drop = new Uint8Array(arrays.length);
  const contexts: (ArgumentContext | undefined)[] = new Array(arrays.length);
  const columnMajorLanguage = family === 'julia' || family === 'matlab' || family === 'r';
  for (let k = 0; k < arrays.length; k++) {
    const a = arrays[k]!;
    const ctx = contextOf(text, a);
    contexts[k] = ctx;
    if (a.shape.length !== 1 || !isIntegerList(a.values as number[])) continue;
    const seg = lastSegmentOf(ctx.callee);
    const signature = ctx.callee !== '' ? lossSignature(ctx.callee) : undefined;
    if (signature !== undefined) continue;
    // The data of a call that gives its shape too: the integer list whose product is the data's length.
    if (ctx.callee !== '') {
      const data = dataWithShape(text, arrays, k, ctx);
      if (data >= 0) {
        const dims = a.values as number[];
        const columnMajor = COLUMN_MAJOR_CALLS.has(seg) || (columnMajorLanguage && seg === 'reshape');
        if (reshape(arrays[data]!, dims, columnMajor)) arrays[data]!.shapedBy = ctx.callee;
        if (arrays[data]!.name === undefined) arrays[data]!.name = bindingName(text, ctx.calleeStart);
        drop[k] = 1;
        continue;
      }
    }
    if (isShapeName(ctx.keyword) || isShapeName(a.name)) {
      drop[k] = 1;
      // `"shape": [2, 3]` beside `"data": […]`.
      const dims = a.values as number[];
      for (const j of [k + 1, k - 1]) {
        const b = arrays[j];
        if (b === undefined || drop[j] || b.shape.length !== 1 || Math.abs(b.start - a.start) > 200) continue;
        if (!(family === 'json' || family === 'yaml' || b.name === 'data' || b.name === 'values')) continue;
        if (product(dims) === b.values.length && dims.length >= 2) {
          if (reshape(b, dims, false)) b.shapedBy = a.name;
          break;
        }
      }
      continue;
    }
    if (ctx.callee === '') continue;
    if (ctx.declaration) {
      drop[k] = 1; // `Tensor logits({1, 4})`
      continue;
    }
    if (SHAPE_CALLS.has(seg) || SHAPE_CALLS.has(snakeCase(seg))) {
      const receiver = ctx.callee.slice(0, Math.max(0, ctx.callee.length - seg.length)).replace(/(?:\.|::|->)$/, '');
      // `(…).reshape(…)`: a method on an expression.
      const onExpression = receiver === '' && ctx.calleeStart > 0 && text.charCodeAt(ctx.calleeStart - 1) === 46;
      const functionForm = (receiver === '' && !onExpression) || MODULES.test(receiver);
      if (DATA_FIRST.has(seg) && functionForm && ctx.argIndex === 0) continue;
      drop[k] = 1;
    }
  }
  // Data whose shape is written as plain numbers: `.reshape(2, 3)` after it, `reshape(x, 3, 2)`, `Dense(3, 2, x)`, `matrix(x, nrow = 2)`.
  for (let k = 0; k < arrays.length; k++) {
    const a = arrays[k]!;
    const ctx = contexts[k];
    if (drop[k] || ctx === undefined || a.shape.length !== 1 || a.values.length < 4) continue;
    const dims = scalarShape(text, ctx, family);
    if (dims === undefined) continue;
    if (!reshape(a, dims.dims, dims.columnMajor)) continue;
    a.shapedBy = dims.by;
    if (a.name === undefined && ctx.calleeStart >= 0) a.name = bindingName(text, ctx.calleeStart);
  }
  // Names through constructors and members: `probs = Tensor::from_data(TensorData::from([…]))`, `logits->data = {…}`.
  for (let k = 0; k < arrays.length; k++) {
    const a = arrays[k]!;
    if (drop[k]) continue;
    const ctx = contexts[k];
    if (ctx !== undefined && ctx.callee !== '') a.argumentOf = ctx.callee;
    if (a.name === undefined && ctx !== undefined && ctx.exprStart < a.start && ctx.callee === '') {
      a.name = bindingName(text, ctx.exprStart, family !== 'prose', a.end);
    }
    if (a.name === 'data' || a.name === 'values') {
      const m = /([A-Za-z_]\w*)\s*(?:->|\.)\s*(?:data|values)\s*=\s*$/.exec(
        text.slice(Math.max(0, a.start - 80), ctx?.exprStart ?? a.start),
      );
      if (m) a.name = m[1];
    }
  }
  if (!drop.includes(1)) return;
  const newIndex = new Int32Array(arrays.length);
  let n = 0;
  for (let k = 0; k < arrays.length; k++) {
    newIndex[k] = drop[k] ? -1 : n;
    if (!drop[k]) arrays[n++] = arrays[k]!;
  }
  arrays.length = n;
  for (const call of scan.calls) {
    for (const arg of call.args)
      if (arg.array !== undefined) arg.array = newIndex[arg.array]! < 0 ? undefined : newIndex[arg.array]!;
  }
}

function contextOf(text: string, a: ScannedArray): ArgumentContext {
  const wrapperStart =
    a.wrapper !== undefined && a.wrapper.endsWith('!')
      ? Math.max(0, text.lastIndexOf(a.wrapper.slice(0, -1), a.start))
      : a.start;
  return argumentContext(text, a.start, a.end, wrapperStart);
}

const shapeNameCache = new Map<string, boolean>();

function isShapeName(name: string | undefined): boolean {
  if (name === undefined) return false;
  let known = shapeNameCache.get(name);
  if (known === undefined) {
    known = readShapeName(name);
    if (shapeNameCache.size < 10_000) shapeNameCache.set(name, known);
  }
  return known;
}

function readShapeName(name: string): boolean {
  const seg = name.slice(Math.max(name.lastIndexOf('.'), name.lastIndexOf(':'), name.lastIndexOf('>')) + 1);
  const tokens = snakeCase(seg.replace(/^["']|["']$/g, '')).split('_');
  for (const t of tokens) if (SHAPE_WORDS.has(t)) return true;
  return false;
}

function isIntegerList(values: readonly number[]): boolean {
  if (values.length === 0 || values.length > 8) return false;
  for (const v of values) if (!Number.isInteger(v) || v < -1) return false;
  return true;
}

function product(dims: readonly number[]): number {
  let p = 1;
  for (const d of dims) p *= d;
  return p;
}

/**
 * The flat data array the integer list k is the shape of: another literal
 * argument of the same call, or the array a name argument is bound to
 * (the latest before the call), whose length is the product. -1 if none.
 */
function dataWithShape(text: string, arrays: ScannedArray[], k: number, ctx: ArgumentContext): number {
  const dims = arrays[k]!.values as number[];
  const seg = lastSegmentOf(ctx.callee);
  const constructor = DATA_SHAPE_CALLS.has(seg);
  if (dims.some((d) => d < 1) || (dims.length < 2 && !constructor)) return -1;
  const size = product(dims);
  for (const j of [k - 1, k + 1]) {
    const b = arrays[j];
    if (
      b === undefined ||
      b.start < ctx.open ||
      b.shape.length !== 1 ||
      b.values.length !== size ||
      !(size > dims.length || constructor)
    )
      continue;
    if (closeAt(text, ctx) >= 0 && b.end <= ctx.close + 1) return j;
  }
  // A reshape by name makes a new value; the literal keeps its own shape.
  if (!constructor) return -1;
  // `tf.tensor2d(values, [3, 3])`: the data by name.
  if (closeAt(text, ctx) < 0) return -1;
  const args = argumentsOf(text, ctx.open, ctx.close);
  for (let i = 0; i < args.length; i++) {
    if (i === ctx.argIndex) continue;
    const name = /^[A-Za-z_][\w.]*$/.test(args[i]!) ? args[i]! : undefined;
    if (name === undefined) continue;
    for (let j = k - 1; j >= 0 && j >= k - 32; j--) {
      const b = arrays[j]!;
      if (b.name === name && b.start < ctx.open) {
        if (b.shape.length === 1 && b.values.length === size) return j;
        break;
      }
    }
  }
  return -1;
}

/** Shapes written as plain integers around the data: `.reshape(2, 3)` after it, `reshape(x, 3, 2)`, `Dense(3, 2, x)`, `matrix(x, nrow = 2)`. */
function scalarShape(
  text: string,
  ctx: ArgumentContext,
  family: Family,
): { dims: number[]; columnMajor: boolean; by: string } | undefined {
  // `np.array([…]).reshape(2, 3)`, `torch.tensor([…]).view(2, 3)`.
  let e = ctx.exprEnd;
  while (e < text.length && (text.charCodeAt(e) === 32 || text.charCodeAt(e) === 41)) e++;
  const after =
    text.charCodeAt(e) !== 46
      ? null
      : /^\s*\)?\s*\.\s*(?:reshape|view)\s*\(\s*[([]?\s*(-?\d+(?:\s*,\s*-?\d+)+)\s*,?\s*[)\]]?\s*\)/.exec(
          text.slice(ctx.exprEnd, ctx.exprEnd + 80),
        );
  if (after) return { dims: after[1]!.split(',').map((x) => Number(x.trim())), columnMajor: false, by: 'reshape' };
  if (ctx.callee === '') return undefined;
  const seg = lastSegmentOf(ctx.callee);
  if (!(DATA_SHAPE_CALLS.has(seg) || seg === 'reshape' || COLUMN_MAJOR_CALLS.has(seg)) || closeAt(text, ctx) < 0)
    return undefined;
  const args = argumentsOf(text, ctx.open, ctx.close);
  const ints = (list: string[]): number[] | undefined =>
    list.length >= 2 && list.every((x) => /^\d+$/.test(x)) ? list.map(Number) : undefined;
  // candle's `Tensor::from_vec(vec![…], (2, 3), &device)`, ndarray's `from_shape_vec((2, 3), vec![…])`.
  if (DATA_SHAPE_CALLS.has(seg)) {
    for (const arg of args) {
      const m = /^&?[([]\s*(\d+(?:\s*,\s*\d+)+)\s*,?\s*[)\]]$/.exec(arg);
      if (m) return { dims: m[1]!.split(',').map((x) => Number(x.trim())), columnMajor: false, by: ctx.callee };
    }
  }
  if (seg === 'reshape' && ctx.argIndex === 0) {
    const rest = args.slice(1).map((x) => x.replace(/^\(|\)$/g, '').trim());
    const dims = ints(rest.length === 1 ? rest[0]!.split(',').map((x) => x.trim()) : rest);
    if (dims) return { dims, columnMajor: family === 'julia' || family === 'matlab' || family === 'r', by: ctx.callee };
  }
  if (COLUMN_MAJOR_CALLS.has(seg) && family !== 'python') {
    if (seg === 'matrix' || seg === 'array') {
      let nrow: number | undefined;
      let ncol: number | undefined;
      let byrow = false;
      for (const arg of args) {
        const m = /^(nrow|ncol|byrow|dim)\s*=\s*(.+)$/.exec(arg);
        if (!m) continue;
        if (m[1] === 'nrow') nrow = Number(m[2]);
        else if (m[1] === 'ncol') ncol = Number(m[2]);
        else if (m[1] === 'byrow') byrow = /^(TRUE|T)$/.test(m[2]!.trim());
        else {
          const d = /^c\((\d+)\s*,\s*(\d+)\)$/.exec(m[2]!.trim());
          if (d) [nrow, ncol] = [Number(d[1]), Number(d[2])];
        }
      }
      if (nrow !== undefined || ncol !== undefined)
        return { dims: [nrow ?? -1, ncol ?? -1], columnMajor: !byrow, by: ctx.callee };
      return undefined;
    }
    const dims = ints(args.slice(0, ctx.argIndex));
    if (dims && dims.length === 2) return { dims, columnMajor: true, by: ctx.callee };
  }
  return undefined;
}

/** Gives a flat array the 2-D shape `dims` (leading and trailing 1s dropped, one -1 inferred); false when it does not fit. */
function reshape(a: ScannedArray, dims: readonly number[], columnMajor: boolean): boolean {
  const values = a.values as number[];
  const n = values.length;
  let d = dims.filter((x) => x !== 1);
  if (d.length === 0) return false;
  const known = d.filter((x) => x >= 0);
  const unknown = d.length - known.length;
  if (unknown > 1) return false;
  if (unknown === 1) {
    const p = product(known);
    if (p === 0 || n % p !== 0) return false;
    d = d.map((x) => (x < 0 ? n / p : x));
  }
  if (d.length !== 2 || product(d) !== n) return false;
  const [r, c] = d as [number, number];
  const rows: number[][] = [];
  for (let i = 0; i < r; i++) {
    const row = new Array<number>(c);
    for (let j = 0; j < c; j++) row[j] = columnMajor ? values[j * r + i]! : values[i * c + j]!;
    rows.push(row);
  }
  a.values = rows;
  a.shape = [r, c];
  return true;
}

/** Exported for tests. */
export { closeOf };
