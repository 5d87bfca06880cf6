// The transfer layer against the real interpreters: each wrapper expression is
// evaluated by /usr/bin/python3 (NumPy, PyTorch, pandas from Debian) or by this
// Node on real values, and its output decoded here. The oracle is the
// interpreter's own reading of the same value (`float(x)` of each element,
// printed with repr, which round-trips), never a hard-coded list.
import { spawnSync } from 'node:child_process';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  dataExpression,
  decodePayload,
  PAYLOAD_TAG,
  PayloadDecoder,
  decodePrinted,
  decodeProbe,
  partElements,
  payloadAfterProbe,
  payloadSample,
  payloadWidth,
  probeAndDataExpression,
  probeExpression,
  sliceExpression,
  toValues,
  type LiveArray,
} from '../../../src/extension/live/transfer';
// @ts-expect-error: a plain .mjs script with no types
import { ensureDebianPackages } from '../../../scripts/lib/debian.mjs';
// @ts-expect-error: a plain .mjs script with no types
import { launchChromium } from '../../../scripts/lib/vscode.mjs';

const PYTHON = '/usr/bin/python3';

interface PyCase {
  payload?: string;
  probe?: string;
  /** The probe with the data (limit above the value's count), as str and as repr (debuggers may quote). */
  probeAndData?: string;
  probeAndDataRepr?: string;
  /** The same with a limit of 0: the probe alone. */
  probeWithout?: string;
  /** With a limit of 1 and no cap: the probe and the first value's payload. */
  probeFirst?: string;
  /** The payload of the first value alone, asked for by its range. */
  firstPart?: string;
  /** With a limit and a cap of 1: the probe alone. */
  probeCapped?: string;
  error?: string;
  /** The values as Python reads them, flat, row-major. */
  expect?: number[];
  /** Names in the namespace after the evaluation that were not there before. */
  leftBehind: string[];
}

/** Evaluates the wrappers on each `setup` (Python code that binds `x`) in a fresh namespace. */
function runPython(setups: string[], expression = 'x', slice?: number): PyCase[] {
  const target = slice === undefined ? expression : sliceExpression('python', expression, slice);
  const script = `
import json, sys, math, warnings
import numpy, torch, pandas
data, probe, setups, both, without, first, firstPart, capped = json.loads(sys.stdin.read())
# A wrapper must not print in the user's program: any warning it raises fails the case.
warnings.simplefilter('error')
out = []
def flat(x):
    return [float(v) for v in numpy.asarray(x.detach().cpu().double() if hasattr(x, 'detach') else x, dtype=numpy.float64).reshape(-1)]
for setup in setups:
    ns = {'numpy': numpy, 'torch': torch, 'pandas': pandas}
    exec(setup, ns)
    before = set(ns)
    case = {}
    try:
        case['probe'] = eval(probe, ns)
        case['payload'] = eval(data, ns)
        case['probeAndData'] = eval(both, ns)
        case['probeAndDataRepr'] = repr(case['probeAndData'])
        case['probeWithout'] = eval(without, ns)
        case['probeFirst'] = eval(first, ns)
        case['firstPart'] = eval(firstPart, ns)
        case['probeCapped'] = eval(capped, ns)
        case['expect'] = [v if math.isfinite(v) else str(v) for v in flat(eval(${JSON.stringify(target)}, ns))]
    except Exception as e:
        case['error'] = type(e).__name__ + ': ' + str(e)
    case['leftBehind'] = sorted(set(ns) - before - {'__builtins__'})
    out.append(case)
print(json.dumps(out))
`;
  const input = JSON.stringify([
    dataExpression('python', target),
    probeExpression('python', target),
    setups,
    probeAndDataExpression('python', target, 1e9),
    probeAndDataExpression('python', target, 0),
    // No cap: still an integer in the expression.
    probeAndDataExpression('python', target, 1, Infinity),
    dataExpression('python', target, { from: 0, to: 1 }),
    probeAndDataExpression('python', target, 1, 1),
  ]);
  const r = spawnSync(PYTHON, ['-c', script], { input, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`python3 failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as PyCase[];
}

function decoded(text: string | undefined): LiveArray {
  const d = decodePayload(text ?? '');
  if (!d.ok) throw new Error(d.error);
  return d.value;
}

/** Bytes each value took in a payload (its base64 decoded, over its values). */
function bytesPerValue(payload: string): number {
  const v = decoded(payload);
  return Buffer.from(payload.split(' ')[3] ?? '', 'base64').byteLength / v.data.length;
}

function numbers(list: (number | string)[]): number[] {
  return list.map((v) => (typeof v === 'number' ? v : Number(v.replace('inf', 'Infinity'))));
}

describe('Python wrapper, run by /usr/bin/python3', () => {
  beforeAll(() => {
    ensureDebianPackages(['python3-numpy', 'python3-torch', 'python3-pandas'], 'to test the Python wrapper');
  });

  const cases: [string, string, 'f4' | 'f8', number[]][] = [
    ['a list', 'x = [0.25, 0.6, 0.15]', 'f8', [3]],
    ['a tuple of ints', 'x = (0, 1, 0)', 'f8', [3]],
    ['a list of rows', 'x = [[0.1, 0.9], [0.7, 0.3], [1, 0]]', 'f8', [3, 2]],
    ['a range', 'x = range(5)', 'f8', [5]],
    ['NumPy float64', 'x = numpy.random.default_rng(1).random(1000)', 'f8', [1000]],
    ['NumPy float32 rows', 'x = numpy.random.default_rng(2).random((7, 5)).astype(numpy.float32)', 'f4', [7, 5]],
    ['NumPy float16', 'x = numpy.array([0.1, 0.2, 0.7], dtype=numpy.float16)', 'f4', [3]],
    ['NumPy int64 labels', 'x = numpy.array([2, 0, 1, 1], dtype=numpy.int64)', 'f8', [4]],
    ['NumPy uint8', 'x = numpy.array([0, 255, 7], dtype=numpy.uint8)', 'f8', [3]],
    ['NumPy bool', 'x = numpy.array([True, False])', 'f8', [2]],
    ['NumPy big-endian float64', "x = numpy.array([0.25, 0.75], dtype='>f8')", 'f8', [2]],
    ['a non-contiguous NumPy view', 'x = numpy.arange(12.0).reshape(3, 4).T', 'f8', [4, 3]],
    ['NumPy with NaN and inf', "x = numpy.array([0.5, float('nan'), float('inf')])", 'f8', [3]],
    [
      'a torch tensor with requires_grad',
      'x = torch.softmax(torch.randn(4, 3, generator=torch.Generator().manual_seed(3)), 1).requires_grad_()',
      'f4',
      [4, 3],
    ],
    ['a torch float64 tensor', 'x = torch.tensor([0.2, 0.8], dtype=torch.float64)', 'f8', [2]],
    ['a torch bfloat16 tensor', 'x = torch.tensor([0.25, 0.75], dtype=torch.bfloat16)', 'f4', [2]],
    ['a 3-D torch tensor (rows of the last dimension)', 'x = torch.rand(2, 3, 4)', 'f4', [6, 4]],
    ['a pandas Series', 'x = pandas.Series([0.1, 0.2, 0.7])', 'f8', [3]],
    ['a pandas float32 Series', "x = pandas.Series([0.5, 0.5], dtype='float32')", 'f4', [2]],
    ["the array module's doubles", "x = __import__('array').array('d', [0.25, 0.6, 0.15])", 'f8', [3]],
    ["the array module's ints", "x = __import__('array').array('i', [2, 0, 1])", 'f8', [3]],
    [
      'a list of NumPy scalars, a bool, a Decimal and a Fraction',
      "x = [numpy.float32(0.5), numpy.int64(3), True, __import__('decimal').Decimal('0.25'), __import__('fractions').Fraction(1, 4)]",
      'f8',
      [5],
    ],
    ['a masked array with nothing masked', 'x = numpy.ma.masked_array([0.25, 0.75], mask=[False, False])', 'f8', [2]],
  ];

  const results = () => runPython(cases.map((c) => c[1]));
  let got: PyCase[];
  beforeAll(() => {
    got = results();
  });

  /** Kinds whose own type bounds them below 8 bytes a value (float32 and narrower floats: 4). */
  const widths: Record<string, number> = { 'NumPy uint8': 1, 'NumPy bool': 1 };

  it.each(cases.map((c, i) => [c[0], i] as const))('%s: every value, exactly, nothing left behind', (name, i) => {
    const [, , dtype, shape] = cases[i]!;
    const c = got[i]!;
    expect(c.error).toBeUndefined();
    expect(c.leftBehind).toEqual([]);
    const v = decoded(c.payload);
    expect(v.dtype).toBe(dtype);
    expect(v.shape).toEqual(shape);
    expect(Array.from(v.data)).toEqual(numbers(c.expect!));
    const p = decodeProbe(c.probe!);
    expect(p?.elements).toBe(c.expect!.length);
    // The probe bounds the payload's width before any data moves: no part is over 1 MiB.
    const width = widths[name] ?? (dtype === 'f4' ? 4 : 8);
    expect(payloadWidth(p!)).toBe(width);
    expect(partElements(p!)).toBe(2 ** 20 / width);
    expect(bytesPerValue(c.payload!)).toBeLessThanOrEqual(width);
    // A small value's probe brings its payload, quoted or not; above the limit, the probe alone.
    expect(decodeProbe(c.probeAndData!)).toEqual(p);
    expect(payloadAfterProbe(c.probeAndData!)).toBe(c.payload);
    expect(payloadAfterProbe(c.probeAndDataRepr!)).toBe(c.payload);
    expect(c.probeWithout).toBe(c.probe);
    expect(payloadAfterProbe(c.probeWithout!)).toBeUndefined();
    // Above the limit and within the cap, the probe brings the first part; above the cap, nothing.
    expect(decodeProbe(c.probeFirst!)).toEqual(p);
    expect(payloadAfterProbe(c.probeFirst!)).toBe(c.firstPart);
    expect(c.probeCapped).toBe(c.probe);
  });

  it('refuses what is not numbers, with the reason in the error', () => {
    const bad = runPython([
      'x = [[1, 2], [3]]',
      "x = ['a', 'b']",
      "x = numpy.array(['a'])",
      'x = numpy.array([1 + 2j])',
      'x = {"a": 1}',
      'x = 3',
      'x = None',
      'x = (v for v in [0.5, 0.5])',
      'x = [[0.1, 0.9], 0.5]',
      'x = [[0.1, 0.9], None]',
      "x = ['0.5', '0.25']",
      "x = [[0.5, 0.5], [0.25, b'0.75']]",
      'x = numpy.ma.masked_array([0.25, 0.6, 0.15], mask=[False, True, False])',
      'x = numpy.ma.masked_invalid([0.5, float("nan"), float("inf")])',
      'x = torch.sparse_coo_tensor([[0, 2]], [0.5, 0.5], (3,))',
    ]);
    expect(bad[0]!.error).toMatch(/ragged: its rows have lengths 1, 2/);
    // The array module takes numbers only: strings of digits too are refused, as in JavaScript.
    expect(bad[1]!.error).toMatch(/must be real number, not str/);
    expect(bad[2]!.error).toMatch(/dtype is <U1, not a number type/);
    expect(bad[3]!.error).toMatch(/dtype is complex128/);
    expect(bad[4]!.error).toMatch(/it is a dict, not a list, array or tensor/);
    expect(bad[5]!.error).toMatch(/it is an int, not a list, array or tensor/);
    expect(bad[6]!.error).toMatch(/it is None, not a list, array or tensor/);
    // A generator is refused by its type (reading it would use it up).
    expect(bad[7]!.error).toMatch(/it is a generator, not a list, array or tensor/);
    expect(bad[8]!.error).toMatch(/row 1 is a float, not a list/);
    expect(bad[9]!.error).toMatch(/row 1 is None, not a list/);
    expect(bad[10]!.error).toMatch(/must be real number, not str/);
    expect(bad[11]!.error).toMatch(/must be real number, not bytes/);
    // What lies under a mask is not the user's data: the probe refuses it before any data moves.
    expect(bad[12]!.error).toMatch(
      /it is a masked array with 1 masked value: select its \.compressed\(\) or \.filled\(value\) values/,
    );
    expect(bad[13]!.error).toMatch(/it is a masked array with 2 masked values/);
    for (const c of bad.slice(12, 14)) expect(c.probe).toBeUndefined();
    // A sparse tensor: NumPy's refusal, which says what to do.
    expect(bad[14]!.error).toMatch(/can't convert Sparse layout tensor to numpy/);
    for (const c of bad) expect(c.leftBehind).toEqual([]);
  });

  it('a slice sends only the first rows', () => {
    const [c] = runPython(['x = numpy.arange(20.0).reshape(10, 2)'], 'x', 3);
    expect(decoded(c!.payload).shape).toEqual([3, 2]);
    expect(Array.from(decoded(c!.payload).data)).toEqual(numbers(c!.expect!));
  });

  it('moves 10^6 float32 values as 4 bytes each', () => {
    const [c] = runPython(['x = numpy.random.default_rng(5).random(10**6, dtype=numpy.float32)']);
    const v = decoded(c!.payload);
    expect(v.data.length).toBe(1e6);
    expect(c!.payload!.length).toBeLessThan(4e6 * 1.34 + 100);
    expect(Array.from(v.data.subarray(0, 1000))).toEqual(numbers(c!.expect!.slice(0, 1000)));
    expect(v.data[999_999]).toBe(c!.expect![999_999]);
  });

  it('sends each part in the narrowest type that holds it exactly: integers, whole numbers, float64 that float32 holds', () => {
    // [setup, the header's type (precision, then what it travels in), bytes per value]
    const narrow: [string, string, number][] = [
      ['x = numpy.random.default_rng(7).integers(0, 10, 1000)', 'f8/u1', 1],
      ['x = numpy.array([3, -100, 0, 7])', 'f8/i1', 1],
      ['x = numpy.random.default_rng(8).integers(-100, 1000, 500)', 'f8/i2', 2],
      ['x = numpy.array([-100, 49999, 0])', 'f8/i4', 4],
      ['x = numpy.array([2**40, 0])', 'f8', 8],
      ['x = numpy.array([2**64 - 1, 0], dtype=numpy.uint64)', 'f8', 8],
      ['x = numpy.array([-2**31, 2**31 - 1])', 'f8/i4', 4],
      ['x = numpy.array([-2**31 - 1, 0])', 'f8', 8],
      ['x = numpy.array([True, False, True])', 'f8/u1', 1],
      ['x = numpy.array([-5, 3], dtype=numpy.int16)', 'f8/i1', 1],
      ['x = numpy.array([40000, 0], dtype=numpy.uint16)', 'f8/i4', 4],
      ['x = numpy.array([2**32 - 1, 0], dtype=numpy.uint32)', 'f8', 8],
      ['x = numpy.eye(4)[[0, 2, 3, 1, 2]]', 'f8/u1', 1],
      ['x = numpy.eye(3, dtype=numpy.float32)', 'f4/u1', 1],
      ['x = torch.nn.functional.one_hot(torch.tensor([0, 2, 1]), 3).float()', 'f4/u1', 1],
      ['x = torch.tensor([3, -100, 1])', 'f8/i1', 1],
      ["x = pandas.Series([0, 1, 1, 0], dtype='int32')", 'f8/u1', 1],
      ['x = numpy.arange(20).reshape(4, 5).T', 'f8/u1', 1],
      ['x = numpy.array([3.0, -100.0, 7.0])', 'f8/i1', 1],
      ['x = numpy.array([1.0, 2.0], dtype=numpy.float16)', 'f4/u1', 1],
      // float64 that float32 holds exactly: 4 bytes; whole numbers beyond int32 too when float32 holds them.
      ['x = numpy.array([0.1, 0.7], dtype=numpy.float32).astype(numpy.float64)', 'f8/f4', 4],
      ['x = torch.tensor([0.1, 0.7]).double()', 'f8/f4', 4],
      ['x = numpy.array([0.0, 1.0, 0.5])', 'f8/f4', 4],
      ['x = numpy.array([1e10, 3.0])', 'f8/f4', 4],
      ["x = numpy.array([float('inf'), 0.5])", 'f8/f4', 4],
      // Neither: whole numbers in the first 64 only, a NaN, values float32 would round or overflow (with no warning).
      ['x = numpy.array([0.0] * 64 + [1.0, 0.1])', 'f8', 8],
      ["x = numpy.array([0.0, 1.0, float('nan')])", 'f8', 8],
      ['x = numpy.array([0.1, 0.2])', 'f8', 8],
      ['x = numpy.array([2.0**60 + 2.0**20, 1.0])', 'f8', 8],
      ['x = numpy.array([1e300, 0.5])', 'f8', 8],
      ['x = numpy.array([0.5, 0.1], dtype=numpy.float32)', 'f4', 4],
    ];
    const got = runPython(narrow.map((c) => c[0]));
    narrow.forEach(([setup, header, width], i) => {
      const c = got[i]!;
      expect(c.error, setup).toBeUndefined();
      expect(c.payload!.split(' ')[1], setup).toBe(header);
      const v = decoded(c.payload);
      expect(v.dtype, setup).toBe(header.slice(0, 2));
      expect(Array.from(v.data), setup).toEqual(numbers(c.expect!));
      const b64 = c.payload!.split(' ')[3]!;
      expect(Buffer.from(b64, 'base64').byteLength, setup).toBe(v.data.length * width);
      // Never wider than the probe said, so a part stays within 1 MiB.
      expect(payloadWidth(decodeProbe(c.probe!)!), setup).toBeGreaterThanOrEqual(width);
      expect(c.leftBehind).toEqual([]);
    });
    // Integers have no -0.0: a part with one is not sent as integers, and it arrives as -0.0.
    const [zero] = runPython(['x = numpy.array([-0.0, 1.0])']);
    expect(zero!.payload!.split(' ')[1]).toBe('f8/f4');
    expect(Object.is(decoded(zero!.payload).data[0], -0)).toBe(true);
  });

  it('reads a torch tensor part by part: a contiguous one is sliced before it is copied to the CPU or widened from bfloat16', () => {
    // [setup, shape decoded, whether each copy or conversion stays within a part of 128 of the 600 values]
    const tensors: [string, number[], boolean][] = [
      ['x = torch.rand(3, 5, 40, generator=torch.Generator().manual_seed(4)).bfloat16()', [15, 40], true],
      ['x = torch.rand(600, generator=torch.Generator().manual_seed(5)).requires_grad_()', [600], true],
      ['x = torch.eye(30)[:20]', [20, 30], true],
      // Not contiguous: read whole through NumPy and sliced there, as NumPy values are.
      ['x = torch.rand(40, 15, generator=torch.Generator().manual_seed(6)).bfloat16().T', [15, 40], false],
      ['x = torch.rand(40, 15, generator=torch.Generator().manual_seed(7)).T', [15, 40], false],
    ];
    const n = 600;
    const read = runPythonParts(
      tensors.map((t) => t[0]),
      n,
      128,
    );
    tensors.forEach(([setup, shape, sliced], i) => {
      const { payloads, expect: values, widest } = read[i]!;
      expect(payloads, setup).toHaveLength(5);
      const decoder = new PayloadDecoder();
      for (const p of payloads) expect(decoder.add(p), setup).toBeUndefined();
      const whole = decoder.finish();
      if (!whole.ok) throw new Error(whole.error);
      expect(whole.value.shape, setup).toEqual(shape);
      expect(Array.from(whole.value.data), setup).toEqual(values);
      if (sliced) expect(widest, setup).toBeLessThanOrEqual(128);
      else expect(widest, setup).toBe(n);
    });
    // On a device other than the CPU (here the meta device, which holds no data), even a strided
    // tensor is copied part by part; the error says why it cannot be.
    const [meta] = runPythonParts(["x = torch.empty(40, 15, device='meta').T"], n, 128);
    expect(meta!.payloads).toHaveLength(5);
    for (const p of meta!.payloads) expect(p).toMatch(/^error: NotImplementedError: Cannot copy out of meta tensor/);
    expect(meta!.widest).toBeLessThanOrEqual(128);
  });
});

/**
 * Reads `x`, as bound by each setup (n values), in parts of `part` values as
 * a large read does, with torch's `Tensor.float` and `Tensor.cpu` counting
 * the values each call converts or copies: the payloads, the values as
 * Python reads them, and the most values one such call took.
 */
function runPythonParts(
  setups: string[],
  n: number,
  part: number,
): { payloads: string[]; expect: number[]; widest: number }[] {
  const parts: string[] = [];
  for (let a = 0; a < n; a += part) parts.push(dataExpression('python', 'x', { from: a, to: Math.min(n, a + part) }));
  const script = `
import json, sys, numpy, torch, warnings
warnings.simplefilter('error')
setups, parts = json.loads(sys.stdin.read())
widest = [0]
def counted(real):
    def call(self, *args, **kwargs):
        widest[0] = max(widest[0], self.numel())
        return real(self, *args, **kwargs)
    return call
real = torch.Tensor.float, torch.Tensor.cpu
out = []
for setup in setups:
    ns = {'numpy': numpy, 'torch': torch}
    exec(setup, ns)
    expect = [] if ns['x'].is_meta else [float(v) for v in ns['x'].detach().double().reshape(-1)]
    widest[0] = 0
    torch.Tensor.float, torch.Tensor.cpu = counted(real[0]), counted(real[1])
    payloads = []
    for p in parts:
        try:
            payloads.append(eval(p, ns))
        except Exception as e:
            payloads.append('error: ' + type(e).__name__ + ': ' + str(e))
    torch.Tensor.float, torch.Tensor.cpu = real
    out.append({'payloads': payloads, 'expect': expect, 'widest': widest[0]})
print(json.dumps(out))
`;
  const input = JSON.stringify([setups, parts]);
  const r = spawnSync(PYTHON, ['-c', script], { input, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`python3 failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { payloads: string[]; expect: number[]; widest: number }[];
}

/** Evaluates a wrapper in this Node on a value built by `setup` (an expression). */
function runJs(setup: string, slice?: number): string {
  const expr = slice === undefined ? 'x' : sliceExpression('javascript', 'x', slice);
  return new Function(`const x = ${setup}; return ${dataExpression('javascript', expr)};`)() as string;
}

describe('JavaScript wrapper, run by Node', () => {
  const cases: [string, string, 'f4' | 'f8', number[]][] = [
    ['an array', '[0.25, 0.6, 0.15]', 'f8', [3]],
    ['rows', '[[0.1, 0.9], [0.7, 0.3]]', 'f8', [2, 2]],
    ['a Float32Array', 'Float32Array.from([0.1, 0.2, 0.7])', 'f4', [3]],
    [
      'a Float64Array view at an offset',
      'new Float64Array(new Float64Array([9, 0.5, 0.5, 9]).buffer, 8, 2)',
      'f8',
      [2],
    ],
    ['an Int32Array', 'Int32Array.from([2, 0, 1])', 'f8', [3]],
    ['a BigInt64Array', 'BigInt64Array.from([1n, 0n])', 'f8', [2]],
    ['rows of typed arrays', '[Float32Array.from([1, 2]), Float32Array.from([3, 4])]', 'f8', [2, 2]],
    ['booleans', '[true, false]', 'f8', [2]],
  ];
  it.each(cases)('%s', (name, setup, dtype, shape) => {
    const v = decoded(runJs(setup));
    expect(v.dtype).toBe(dtype);
    expect(v.shape).toEqual(shape);
    // Parts are 1 MiB of payload: 2^18 float32 or int32, 2^17 float64 values.
    const probe = decodeProbe(
      new Function(`const x = ${setup}; return ${probeExpression('javascript', 'x')};`)() as string,
    );
    const width = name === 'an Int32Array' ? 4 : dtype === 'f4' ? 4 : 8;
    expect(payloadWidth(probe!)).toBe(width);
    expect(partElements(probe!)).toBe(2 ** 20 / width);
    // Values narrower than their kind (whole numbers, float64 that float32 holds) travel narrower.
    expect(bytesPerValue(runJs(setup))).toBeLessThanOrEqual(width);
    // A small value's probe brings its payload; above the limit and the cap, the probe alone.
    const run = (expr: string) => new Function(`const x = ${setup}; return ${expr};`)() as string;
    const both = run(probeAndDataExpression('javascript', 'x', 1e9));
    expect(decodeProbe(both)).toEqual(probe);
    expect(payloadAfterProbe(both)).toBe(runJs(setup));
    expect(payloadAfterProbe(JSON.stringify(both))).toBe(runJs(setup));
    const count = shape.reduce((a, b) => a * b, 1);
    const without = run(probeAndDataExpression('javascript', 'x', count - 1));
    expect(without).toBe(run(probeExpression('javascript', 'x')));
    // Above the limit and within the cap, the probe brings the first part.
    const first = run(probeAndDataExpression('javascript', 'x', 1, count));
    expect(decodeProbe(first)).toEqual(probe);
    expect(payloadAfterProbe(first)).toBe(run(dataExpression('javascript', 'x', { from: 0, to: 1 })));
    // With a first count (the parts come over the CDP proxy), that many values; a small value still whole.
    const some = run(probeAndDataExpression('javascript', 'x', count - 1, count, 1));
    expect(payloadAfterProbe(some)).toBe(run(dataExpression('javascript', 'x', { from: 0, to: 1 })));
    expect(payloadAfterProbe(run(probeAndDataExpression('javascript', 'x', count, count, 1)))).toBe(runJs(setup));
    // Oracle: the value's own elements as Node reads them.
    const own = new Function(`const x = ${setup}; return x;`)() as ArrayLike<unknown>;
    const flat = Array.from(own as ArrayLike<unknown>).flatMap((r) =>
      typeof r === 'object' && r !== null ? Array.from(r as ArrayLike<number>) : [r],
    );
    expect(Array.from(v.data)).toEqual(flat.map((x) => Number(x)));
  });

  it('integer typed arrays travel in at most their own 1, 2 or 4 bytes a value, int16 and int32 parts narrower by their range', () => {
    // [setup, header, bytes a value, the probe's bound, the headers of parts 0–1, 1–3 and 3–4]
    const typed: [string, string, number, number, string[]][] = [
      ['Int8Array.from([-100, 3, 127, 0])', 'f8/i1', 1, 1, ['f8/i1', 'f8/i1', 'f8/i1']],
      ['Uint8Array.from([0, 1, 255, 7])', 'f8/u1', 1, 1, ['f8/u1', 'f8/u1', 'f8/u1']],
      ['Uint8ClampedArray.from([0, 1, 255, 7])', 'f8/u1', 1, 1, ['f8/u1', 'f8/u1', 'f8/u1']],
      ['Int16Array.from([-100, 999, -32768, 5])', 'f8/i2', 2, 2, ['f8/i1', 'f8/i2', 'f8/u1']],
      ['Int16Array.from([-100, 9, -128, 5])', 'f8/i1', 1, 2, ['f8/i1', 'f8/i1', 'f8/u1']],
      ['Int32Array.from([-100, 49999, 2147483647, 5])', 'f8/i4', 4, 4, ['f8/i1', 'f8/i4', 'f8/u1']],
      ['Int32Array.from([-100, 49999, -32768, 5])', 'f8/i4', 4, 4, ['f8/i1', 'f8/i4', 'f8/u1']],
      ['Int32Array.from([0, 1, 0, 1])', 'f8/u1', 1, 4, ['f8/u1', 'f8/u1', 'f8/u1']],
      // Converted to float64, then each part as whole numbers by its own range: uint16 always fits int32.
      ['Uint16Array.from([40000, 65535, 0, 3])', 'f8/i4', 4, 4, ['f8/i4', 'f8/i4', 'f8/u1']],
      ['Uint32Array.from([0, 4294967295, 1, 2])', 'f8', 8, 8, ['f8/u1', 'f8', 'f8/u1']],
      ['[Int32Array.from([1, 2]), Int32Array.from([300, 4])]', 'f8/i2', 2, 8, ['f8/u1', 'f8/i2', 'f8/u1']],
    ];
    for (const [setup, header, width, bound, partHeaders] of typed) {
      const payload = runJs(setup);
      expect(payload.split(' ')[1], setup).toBe(header);
      const own = new Function(`return ${setup};`)() as ArrayLike<number | ArrayLike<number>>;
      const flat = Array.from(own).flatMap((r) => (typeof r === 'number' ? [r] : Array.from(r)));
      expect(Array.from(decoded(payload).data), setup).toEqual(flat);
      expect(Buffer.from(payload.split(' ')[3]!, 'base64').byteLength, setup).toBe(flat.length * width);
      // The probe bounds the width: a typed array's exactly, so its parts are 1 MiB whatever the type.
      const probe = decodeProbe(
        new Function(`const x = ${setup}; return ${probeExpression('javascript', 'x')};`)() as string,
      );
      expect(payloadWidth(probe!), setup).toBe(bound);
      // Parts too, each by its own values.
      const parts = [0, 1, 3].map(
        (from, k, starts) =>
          new Function(
            `const x = ${setup}; return ${dataExpression('javascript', 'x', { from, to: starts[k + 1] ?? flat.length })};`,
          )() as string,
      );
      expect(
        parts.map((p) => p.split(' ')[1]),
        setup,
      ).toEqual(partHeaders);
      const d = decodePayload(parts);
      expect(d.ok && Array.from(d.value.data), setup).toEqual(flat);
    }
  });

  // Plain arrays and float typed arrays: [setup, header, bytes a value].
  const narrow: [string, string, number][] = [
    ['[0, 1, 0, 2, 1]', 'f8/u1', 1],
    ['[3, -100, 7]', 'f8/i1', 1],
    ['Array.from({ length: 50 }, (_, i) => i * 1000 - 100)', 'f8/i4', 4],
    ['[[0, 1, 0], [1, 0, 0]]', 'f8/u1', 1],
    ['Float32Array.from([1, 0, 1])', 'f4/u1', 1],
    ['[0.5, 0.25]', 'f8/f4', 4],
    ['Float64Array.from([0.1, 0.7].map(Math.fround))', 'f8/f4', 4],
    ['[Infinity, 0.5]', 'f8/f4', 4],
    ['[2 ** 40, 1]', 'f8/f4', 4],
    // A -0 is not a whole number here: integers would make it 0.
    ['[-0, 1]', 'f8/f4', 4],
    ['[0.1, 0.2]', 'f8', 8],
    ['[NaN, 1]', 'f8', 8],
    ['[2 ** 53 - 1, 0]', 'f8', 8],
    ['Float32Array.from([0.5, 0.1])', 'f4', 4],
    // The first 64 values fit a narrower type than the rest.
    ['Float64Array.from({ length: 100 }, (_, i) => (i < 64 ? i % 2 : 300))', 'f8/i2', 2],
    ['Float64Array.from({ length: 100 }, (_, i) => (i < 64 ? 1 : 0.5))', 'f8/f4', 4],
    // Integer typed arrays by their range, never wider than their own type.
    ['Int16Array.from([-100, 999, -32768, 5])', 'f8/i2', 2],
    ['Int32Array.from([0, 1, 0, 1])', 'f8/u1', 1],
    ['Int32Array.from([-100, 49999, 2147483647, 5])', 'f8/i4', 4],
  ];

  it('plain arrays and float typed arrays: each part in the narrowest type that holds it exactly, as from Python', () => {
    const signed = (xs: ArrayLike<number>) => Array.from(xs, (x) => (Object.is(x, -0) ? '-0' : x));
    for (const [setup, header, width] of narrow) {
      const payload = runJs(setup);
      expect(payload.split(' ')[1], setup).toBe(header);
      const own = new Function(`return ${setup};`)() as ArrayLike<number | ArrayLike<number>>;
      const flat = Array.from(own).flatMap((r) => (typeof r === 'number' ? [r] : Array.from(r)));
      const v = decoded(payload);
      expect(signed(v.data), setup).toEqual(signed(flat));
      expect(v.dtype, setup).toBe(header.slice(0, 2));
      expect(bytesPerValue(payload), setup).toBe(width);
    }
  });

  it("in a browser page (no Buffer): the same payloads through Uint8Array's toBase64, else btoa", async () => {
    // Debian's Chromium, as the end-to-end tests use it: its toBase64 is the one browsers ship.
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      // Narrowing is chosen by a loop here, by round trips where Buffer is: both must send the same payloads.
      const all = [
        ...cases.map(([name, setup]) => [name, setup] as const),
        ...narrow.map(([setup]) => [setup, setup] as const),
      ];
      for (const [name, setup] of all) {
        const expected = runJs(setup);
        for (const withToBase64 of [true, false]) {
          const got = await page.evaluate(
            // The page's own toBase64, its calls counted, or none.
            `(() => { const own = Uint8Array.prototype.toBase64; let calls = 0;
              ${withToBase64 ? 'Uint8Array.prototype.toBase64 = function () { calls++; return own.call(this); };' : 'delete Uint8Array.prototype.toBase64;'}
              try { const x = ${setup}; return [typeof own, typeof Buffer, ${dataExpression('javascript', 'x')}, calls]; }
              finally { Uint8Array.prototype.toBase64 = own; } })()`,
          );
          expect(got, `${name}${withToBase64 ? '' : ' (btoa)'}`).toEqual([
            'function',
            'undefined',
            expected,
            withToBase64 ? 1 : 0,
          ]);
        }
      }
    } finally {
      await browser.close();
    }
  }, 120_000);

  it('TF.js tensors: float32 and int32, of rank 1 to 3, read without changing the tensor count', async () => {
    const tf = await import('@tensorflow/tfjs');
    (globalThis as { tf?: unknown }).tf = tf;
    try {
      // [setup, precision, shape decoded, probe, the type sent]
      const tensors: [string, 'f4' | 'f8', number[], string, string][] = [
        ['tf.tensor1d([0.25, 0.6, 0.15])', 'f4', [3], 'Tensor:float32 3', 'f4'],
        ['tf.tensor2d([[2, 0.5, -1], [0.1, 0.2, 3]])', 'f4', [2, 3], 'Tensor:float32 2,3', 'f4'],
        ['tf.tensor1d([2, 0, 1], "int32")', 'f8', [3], 'Tensor:int32 3', 'f8/u1'],
        ['tf.oneHot(tf.tensor1d([0, 2, 1], "int32"), 3)', 'f8', [3, 3], 'Tensor:int32 3,3', 'f8/u1'],
        ['tf.tensor1d([70000, -5], "int32")', 'f8', [2], 'Tensor:int32 2', 'f8/i4'],
        ['tf.tensor1d([true, false, true], "bool")', 'f8', [3], 'Tensor:bool 3', 'f8/u1'],
        ['tf.tensor3d([[[1, 2], [3, 4]], [[5, 6], [7, 8]]])', 'f4', [4, 2], 'Tensor:float32 2,2,2', 'f4/u1'],
      ];
      for (const [setup, dtype, shape, kind, sent] of tensors) {
        const x = new Function(`return ${setup};`)() as { dataSync(): ArrayLike<number> };
        const before = tf.memory().numTensors;
        const payload = new Function('x', `return ${dataExpression('javascript', 'x')};`)(x) as string;
        const probe = decodeProbe(new Function('x', `return ${probeExpression('javascript', 'x')};`)(x) as string);
        expect(tf.memory().numTensors, setup).toBe(before);
        const v = decoded(payload);
        expect([v.dtype, v.shape, probe?.kind + ' ' + probe?.shape.join(',')], setup).toEqual([dtype, shape, kind]);
        expect(payloadWidth(probe!), setup).toBe(setup.includes('bool') ? 1 : 4);
        expect(Array.from(v.data)).toEqual(Array.from(x.dataSync()));
        // bool tensors keep their byte a value; int32 class indices and one-hot rows take one too.
        expect(payload.split(' ')[1], setup).toBe(sent);
      }
      const words = tf.tensor1d(['a', 'b'], 'string');
      expect(() => new Function('x', `return ${dataExpression('javascript', 'x')};`)(words)).toThrow(
        /it is a string tensor, not numbers/,
      );
    } finally {
      delete (globalThis as { tf?: unknown }).tf;
    }
  });

  it('refuses what is not numbers, naming what it found and where', () => {
    expect(() => runJs('[[1, 2], [3]]')).toThrow(/ragged: its rows have lengths 2, 1/);
    expect(() => runJs("[1, 'a']")).toThrow(/has a string at index 1, not a number/);
    expect(() => runJs("[[0.5, 'a']]")).toThrow(/row 0 has a string at index 1, not a number/);
    expect(() => runJs('[0.5, [0.1]]')).toThrow(/it has an array at index 1, not a number/);
    expect(() => runJs('[[0.1, 0.9], 0.5]')).toThrow(/row 1 is a number, not an array or typed array/);
    expect(() => runJs('[1n]')).toThrow(/it has a bigint at index 0, not a number/);
    // Holes are read as what they are (every/forEach would skip them and leave zeros).
    expect(() => runJs('[0.1, , 0.9]')).toThrow(/it has undefined at index 1, not a number/);
    expect(() => runJs('new Array(3)')).toThrow(/it has undefined at index 0, not a number/);
    expect(() => runJs('[[0.1, 0.9], , [0.2, 0.8]]')).toThrow(/row 1 is undefined, not an array or typed array/);
    expect(() => runJs('[new DataView(new ArrayBuffer(8))]')).toThrow(/it has a DataView at index 0, not a number/);
    // Not arrays at all: the probe says so before any data is asked for.
    const probe = (setup: string) => () =>
      new Function(`const x = ${setup}; return ${probeExpression('javascript', 'x')};`)() as string;
    for (const [setup, what] of [
      ['({ a: 1 })', 'an object'],
      ['null', 'null'],
      ['undefined', 'undefined'],
      ["'0.1, 0.9'", 'a string'],
      ['new Set([0.5])', 'a Set'],
      ['new ArrayBuffer(8)', 'an ArrayBuffer'],
      ['new DataView(new ArrayBuffer(8))', 'a DataView'],
    ] as const) {
      const error = new RegExp(`^it is ${what}, not an array or typed array$`);
      expect(probe(setup), setup).toThrow(error);
      expect(() => runJs(setup), setup).toThrow(error);
    }
  });

  it('fuzz: arrays and rows with holes and stray items are read exactly or refused with where, never read wrong', () => {
    const item = fc.oneof(
      { weight: 6, arbitrary: fc.double() },
      fc.boolean(),
      fc.constantFrom('null', 'undefined', "'0.5'", '1n', '{}', '[]', 'HOLE'),
    );
    const source = (x: unknown): string =>
      x === 'HOLE' ? '' : typeof x === 'number' ? (Object.is(x, -0) ? '-0' : String(x)) : String(x);
    const list = (items: unknown[]) => `[${items.map(source).join(', ')}${items.at(-1) === 'HOLE' ? ',' : ''}]`;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(item, { maxLength: 6 }).map((items) => list(items)),
          fc
            .array(fc.oneof({ weight: 5, arbitrary: fc.array(item, { maxLength: 4 }) }, fc.constant('HOLE')), {
              minLength: 1,
              maxLength: 4,
            })
            .map((rows) => `[${rows.map((r) => (r === 'HOLE' ? '' : list(r as unknown[]))).join(', ')}]`),
        ),
        (setup) => {
          // Oracle: the value as Node holds it, read index by index.
          const own = new Function(`return ${setup};`)() as unknown[];
          const isNum = (x: unknown) => typeof x === 'number' || typeof x === 'boolean';
          const rows = own.length > 0 && Array.isArray(own[0]);
          const valid = rows
            ? Array.from({ length: own.length }, (_, i) => own[i]).every(
                (r) =>
                  Array.isArray(r) &&
                  r.length === (own[0] as unknown[]).length &&
                  Array.from({ length: r.length }, (_, j) => r[j]).every(isNum),
              )
            : Array.from({ length: own.length }, (_, i) => own[i]).every(isNum);
          let text: string;
          try {
            text = runJs(setup);
          } catch (e) {
            expect(valid, setup).toBe(false);
            expect((e as Error).message, setup).toMatch(
              /^(it|row \d+) (has (a|an|null|undefined) ?\w* at index \d+, not a number|is (a|an|null|undefined) ?\w*, not an array or typed array)$|^it is ragged: its rows have lengths \d+(, \d+)+$/,
            );
            return;
          }
          expect(valid, setup).toBe(true);
          const v = decoded(text);
          const flat = (rows ? own.flatMap((r) => r as unknown[]) : own).map(Number);
          expect(Array.from(v.data), setup).toEqual(flat);
          expect(v.shape, setup).toEqual(rows ? [own.length, (own[0] as unknown[]).length] : [own.length]);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('a slice, and 10^6 doubles through Buffer', () => {
    expect(decoded(runJs('[[1, 2], [3, 4], [5, 6]]', 2)).shape).toEqual([2, 2]);
    const x = 'Float64Array.from({ length: 1e6 }, (_, i) => Math.sin(i))';
    const v = decoded(runJs(x));
    expect(v.data[123_456]).toBe(Math.sin(123_456));
  });
});

describe('decoding', () => {
  it('takes the payload out of the quotes a debugger adds', () => {
    const raw = runJs('[0.5, 0.25]');
    for (const text of [raw, `'${raw}'`, `"${raw}"`]) expect(Array.from(decoded(text).data)).toEqual([0.5, 0.25]);
  });

  it('says the value was cut short when bytes are missing', () => {
    const raw = runJs('[0.5, 0.25, 0.25]');
    const cut = decodePayload(raw.slice(0, -8));
    expect(cut.ok).toBe(false);
    if (!cut.ok) expect(cut.error).toMatch(/cut short/);
  });

  it('refuses a header whose shape no bytes could back, before allocating it', () => {
    const d = decodePayload(`${PAYLOAD_TAG} f8 1000000,1000000 AAAAAAAA8D8=`);
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.error).toMatch(/holds 1,000,000,000,000 values, more than the 134,217,728/);
  });

  it('says so when the program sends more bytes than its shape holds', () => {
    const one = Buffer.from(new Float64Array([0.5]).buffer).toString('base64');
    const d = decodePayload([`${PAYLOAD_TAG} f8 1 ${one}`, `${PAYLOAD_TAG} f8 1 ${one}`]);
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.error).toBe('the debugger returned 16 bytes for 1 values: the value was cut short');
  });

  it('refuses parts whose bytes are not whole values, even when their total is', () => {
    const b64 = (bytes: number) => Buffer.alloc(bytes, 1).toString('base64');
    const d = decodePayload([`${PAYLOAD_TAG} f8 2 ${b64(12)}`, `${PAYLOAD_TAG} f8 2 ${b64(4)}`]);
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.error).toMatch(/cut short/);
  });

  it('decodes float64 parts into the values themselves, and float32 parts through one reused buffer', () => {
    const values = Float64Array.from({ length: 3001 }, (_, i) => Math.cos(i) / (i + 1));
    const floats = Float32Array.from(values);
    const parts = (a: Float64Array | Float32Array, dtype: string) =>
      [0, 1000, 2001, 3001].slice(1).map((to, k, ends) => {
        const from = k ? ends[k - 1]! : 0;
        const w = a.BYTES_PER_ELEMENT;
        return `${PAYLOAD_TAG} ${dtype} 3001 ${Buffer.from(a.buffer, from * w, (to - from) * w).toString('base64')}`;
      });
    const f8Parts = parts(values, 'f8'),
      f4Parts = parts(floats, 'f4');
    // Buffer.from on a string would be bytes decoded apart and copied; on a buffer, a view to decode into.
    const from = Buffer.from.bind(Buffer);
    const made: string[] = [];
    const spy = (...args: unknown[]) => {
      made.push(typeof args[0] === 'string' ? 'bytes' : 'view');
      return (from as (...a: unknown[]) => Buffer)(...args);
    };
    Object.defineProperty(Buffer, 'from', { value: spy, configurable: true, writable: true });
    let f8: ReturnType<typeof decodePayload>, f4: ReturnType<typeof decodePayload>;
    let f8Made: string[];
    try {
      f8 = decodePayload(f8Parts);
      f8Made = made.splice(0);
      f4 = decodePayload(f4Parts);
    } finally {
      Object.defineProperty(Buffer, 'from', { value: from, configurable: true, writable: true });
    }
    if (!f8.ok || !f4.ok) throw new Error('expected both to decode');
    expect(Array.from(f8.value.data)).toEqual(Array.from(values));
    expect(Array.from(f4.value.data)).toEqual(Array.from(floats));
    expect(f8Made).toEqual(['view', 'view', 'view']);
    expect(made).toEqual(['view', 'view', 'view']);
  });

  it('widens parts sent in narrower types, mixed within one value and from unaligned bytes, exactly', () => {
    const b64 = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
    const parts = [
      `${PAYLOAD_TAG} f8/u1 4,3 ${b64(Uint8Array.from([0, 1, 255]))}`,
      `${PAYLOAD_TAG} f8/i1 4,3 ${b64(Int8Array.from([-100, 127, -128]))}`,
      `${PAYLOAD_TAG} f8/i2 4,3 ${b64(Int16Array.from([-32768, 999, 32767]))}`,
      `${PAYLOAD_TAG} f8/i4 4,3 ${b64(Int32Array.from([-(2 ** 31), 49999, 2 ** 31 - 1]))}`,
    ];
    const want = [0, 1, 255, -100, 127, -128, -32768, 999, 32767, -(2 ** 31), 49999, 2 ** 31 - 1];
    const withBuffer = decodePayload(parts);
    const g = globalThis as { Buffer?: unknown };
    const buffer = g.Buffer;
    let withoutBuffer: ReturnType<typeof decodePayload>;
    try {
      g.Buffer = undefined;
      withoutBuffer = decodePayload(parts);
    } finally {
      g.Buffer = buffer;
    }
    for (const d of [withBuffer, withoutBuffer]) {
      if (!d.ok) throw new Error(d.error);
      expect(d.value.dtype).toBe('f8');
      expect(d.value.shape).toEqual([4, 3]);
      expect(Array.from(d.value.data)).toEqual(want);
    }
    // A float32 one-hot value keeps its precision whatever its parts travel in.
    const onehot = decodePayload([
      `${PAYLOAD_TAG} f4/u1 4 ${b64(Uint8Array.from([0, 1]))}`,
      `${PAYLOAD_TAG} f4 4 ${b64(Float32Array.from([0.5, 0.5]))}`,
    ]);
    expect(onehot.ok && [onehot.value.dtype, Array.from(onehot.value.data)]).toEqual(['f4', [0, 1, 0.5, 0.5]]);
    // What no wrapper sends is refused, as is a precision or shape that changes between parts.
    const one = b64(Uint8Array.from([1]));
    for (const [texts, error] of [
      [[`${PAYLOAD_TAG} f8/q9 1 ${one}`], 'unreadable payload header "f8/q9 1"'],
      [[`${PAYLOAD_TAG} f8/u1/u1 1 ${one}`], 'unreadable payload header "f8/u1/u1 1"'],
      [[`${PAYLOAD_TAG} u1 1 ${one}`], 'unreadable payload header "u1 1"'],
      [
        [`${PAYLOAD_TAG} f8/u1 2 ${one}`, `${PAYLOAD_TAG} f4/u1 2 ${one}`],
        'the value changed between two reads of its parts',
      ],
      [[`${PAYLOAD_TAG} f8/u1 2 ${one}`, `${PAYLOAD_TAG} f8/x 2 ${one}`], 'unreadable payload header "f8/x 2"'],
      [[`${PAYLOAD_TAG} f8/i2 1 ${one}`], 'the debugger returned 1 bytes for 1 values: the value was cut short'],
    ] as const) {
      const d = decodePayload(texts);
      expect(d.ok ? 'decoded' : d.error, texts.join(' | ')).toBe(error);
    }
  });

  it('widens float32 parts exactly, from unaligned bytes too', () => {
    const values = Float32Array.from({ length: 7 }, (_, i) => Math.PI / (i + 1));
    const b64 = (from: number, to: number) => Buffer.from(values.buffer, from * 4, (to - from) * 4).toString('base64');
    const decoder = new PayloadDecoder();
    expect(decoder.add(`'${PAYLOAD_TAG} f4 7 ${b64(0, 3)}'`)).toBeUndefined();
    expect(decoder.add(`'${PAYLOAD_TAG} f4 7 ${b64(3, 7)}'`)).toBeUndefined();
    const d = decoder.finish();
    if (!d.ok) throw new Error(d.error);
    expect(d.value.dtype).toBe('f4');
    expect(Array.from(d.value.data)).toEqual(Array.from(values));
  });

  it("without Node's Buffer (the web worker host), the same values through the engine's Uint8Array.fromBase64, else atob", () => {
    // Node's V8 has fromBase64 behind a flag, in contexts made after it is set: the real function, counted.
    setFlagsFromString('--js-base-64');
    const engine = runInNewContext('Uint8Array.fromBase64') as (s: string) => Uint8Array;
    const values = Float64Array.from({ length: 1001 }, (_, i) => (i % 7 === 0 ? -0 : Math.sin(i) / (i + 1)));
    const floats = Float32Array.from(values);
    const b64 = (a: Float64Array | Float32Array, from: number, to: number) =>
      Buffer.from(a.buffer, from * a.BYTES_PER_ELEMENT, (to - from) * a.BYTES_PER_ELEMENT).toString('base64');
    // Parts of odd lengths, so float32 parts start at offsets that are not multiples of 8.
    const f8 = [0, 333, 1001]
      .slice(1)
      .map((to, k, ends) => `${PAYLOAD_TAG} f8 1001 ${b64(values, k ? ends[k - 1]! : 0, to)}`);
    const f4 = [0, 333, 1001]
      .slice(1)
      .map((to, k, ends) => `${PAYLOAD_TAG} f4 1001 ${b64(floats, k ? ends[k - 1]! : 0, to)}`);
    const g = globalThis as { Buffer?: unknown };
    const U = Uint8Array as { fromBase64?: (s: string) => Uint8Array };
    const buffer = g.Buffer;
    let calls = 0;
    const read = () => [decodePayload(f8), decodePayload(f4)].map((d) => (d.ok ? Array.from(d.value.data) : d.error));
    const withBuffer = read();
    try {
      g.Buffer = undefined;
      expect(U.fromBase64).toBeUndefined();
      const viaAtob = read();
      U.fromBase64 = (s) => (calls++, engine(s));
      const viaEngine = read();
      expect(viaAtob).toEqual(withBuffer);
      expect(viaEngine).toEqual(withBuffer);
    } finally {
      g.Buffer = buffer;
      delete U.fromBase64;
    }
    expect(withBuffer).toEqual([Array.from(values), Array.from(floats)]);
    expect(calls).toBe(4);
  });

  it('toValues gives rows for 2-D', () => {
    expect(toValues(decoded(runJs('[[1, 2], [3, 4]]')))).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });
});

describe('the printed fallback', () => {
  it('reads what debuggers print for lists, NumPy arrays, tensors, C arrays and R and Julia vectors', () => {
    const printed: [string, number[], number[]][] = [
      ['[0.25, 0.6, 0.15]', [3], [0.25, 0.6, 0.15]],
      ['array([0.25, 0.6 , 0.15], dtype=float32)', [3], [0.25, 0.6, 0.15]],
      ['tensor([[0.1000, 0.9000],\n        [0.7000, 0.3000]])', [2, 2], [0.1, 0.9, 0.7, 0.3]],
      ['(3) [0.25, 0.6, 0.15]', [3], [0.25, 0.6, 0.15]],
      // gdb (cppdbg) prints C arrays in braces, with 17 significant digits.
      ['{0.25, 0.59999999999999998, 0.14999999999999999}', [3], [0.25, 0.6, 0.15]],
      ['std::vector of length 2, capacity 2 = {0.75, 0.25}', [2], [0.75, 0.25]],
      ['{{0.1, 0.9}, {0.7, 0.3}}', [2, 2], [0.1, 0.9, 0.7, 0.3]],
      // R: `[1]` is the index of the line's first value, not a value.
      ['[1] 0.25 0.60 0.15', [3], [0.25, 0.6, 0.15]],
      ['[1] 0.1 0.1 0.1\n[4] 0.2 0.5', [5], [0.1, 0.1, 0.1, 0.2, 0.5]],
      // Julia's display, and NumPy's str.
      ['3-element Vector{Float64}:\n 0.25\n 0.6\n 0.15', [3], [0.25, 0.6, 0.15]],
      ['2×2 Matrix{Float64}:\n 0.1  0.9\n 0.7  0.3', [2, 2], [0.1, 0.9, 0.7, 0.3]],
      ['[0.25 0.6  0.15]', [3], [0.25, 0.6, 0.15]],
    ];
    for (const [text, shape, values] of printed) {
      const d = decodePrinted(text);
      expect(d.ok, text).toBe(true);
      if (d.ok) {
        expect(d.value.shape).toEqual(shape);
        expect(Array.from(d.value.data)).toEqual(values);
      }
    }
  });

  it('refuses a summary and a non-numeric value', () => {
    const summary = decodePrinted('array([0.1, 0.2, ..., 0.3])');
    expect(summary.ok).toBe(false);
    const text = decodePrinted("'hello'");
    expect(text.ok).toBe(false);
    if (!text.ok) expect(text.error).toMatch(/not a numeric list/);
  });
});

describe('values read in parts (debugpy drops messages over 16 MiB)', () => {
  const ranges = [
    { from: 0, to: 4 },
    { from: 4, to: 8 },
    { from: 8, to: 10 },
  ];

  it('Python: the parts of a NumPy array, a strided view and a list decode to the whole, rows kept', () => {
    // The view's parts are strided slices, which the wrapper must make contiguous before base64 reads their buffer.
    for (const [setup, shape] of [
      ['x = numpy.arange(10.0).reshape(5, 2) / 7', [5, 2]],
      ['x = (numpy.arange(20.0) / 7)[::2]', [10]],
      ['x = [[i / 7, i / 3] for i in range(5)]', [5, 2]],
    ] as const) {
      const script = `
import json, sys, numpy
exprs = json.loads(sys.stdin.read())
ns = {'numpy': numpy}
exec(${JSON.stringify(setup)}, ns)
print(json.dumps([eval(e, ns) for e in exprs]))
`;
      const exprs = [dataExpression('python', 'x'), ...ranges.map((r) => dataExpression('python', 'x', r))];
      const r = spawnSync(PYTHON, ['-c', script], { input: JSON.stringify(exprs), encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const [whole, ...parts] = JSON.parse(r.stdout) as string[];
      const joined = decoded(whole);
      const fromParts = decodePayload(parts);
      expect(fromParts.ok).toBe(true);
      if (fromParts.ok) {
        expect(fromParts.value.shape).toEqual(shape);
        expect(Array.from(fromParts.value.data)).toEqual(Array.from(joined.data));
        expect(joined.data.length).toBe(10);
      }
    }
  });

  it('Python: each part of an integer value travels in the type its own range needs', () => {
    const script = `
import json, sys, numpy
exprs = json.loads(sys.stdin.read())
ns = {'numpy': numpy}
exec('x = numpy.array([0, 1, 2, 3, 300, 5, -7, 70000, 8, 9]).reshape(5, 2)', ns)
print(json.dumps([eval(e, ns) for e in exprs] + [[float(v) for v in ns['x'].reshape(-1)]]))
`;
    const exprs = ranges.map((r) => dataExpression('python', 'x', r));
    const r = spawnSync(PYTHON, ['-c', script], { input: JSON.stringify(exprs), encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as unknown[];
    const parts = out.slice(0, 3) as string[];
    expect(parts.map((p) => p.split(' ')[1])).toEqual(['f8/u1', 'f8/i4', 'f8/u1']);
    const d = decodePayload(parts);
    if (!d.ok) throw new Error(d.error);
    expect(d.value.shape).toEqual([5, 2]);
    expect(Array.from(d.value.data)).toEqual(out[3]);
  });

  it('Python: parts of lists and lists of rows cut anywhere decode to the whole', () => {
    // Shapes, and part boundaries not on row edges, generated; one Python run evaluates them all.
    const cases = fc.sample(
      fc
        .tuple(fc.integer({ min: 1, max: 9 }), fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }))
        .chain(([rows, cols]) => {
          const n = rows * (cols ?? 1);
          return fc.record({
            rows: fc.constant(rows),
            cols: fc.constant(cols),
            cuts: n < 2 ? fc.constant([]) : fc.uniqueArray(fc.integer({ min: 1, max: n - 1 }), { maxLength: n - 1 }),
          });
        }),
      { numRuns: 60, seed: 7 },
    );
    const jobs = cases.map(({ rows, cols, cuts }) => {
      const n = rows * (cols ?? 1);
      const edges = [0, ...[...cuts].sort((a, b) => a - b), n];
      const setup =
        cols === undefined
          ? `x = [i / 7 for i in range(${rows})]`
          : `x = [tuple(r * ${cols} + j + 0.5 for j in range(${cols})) for r in range(${rows})]`;
      return {
        setup,
        exprs: [
          dataExpression('python', 'x'),
          ...edges.slice(1).map((to, k) => dataExpression('python', 'x', { from: edges[k]!, to })),
        ],
      };
    });
    const script = `
import json, sys
out = []
for job in json.loads(sys.stdin.read()):
    ns = {}
    exec(job['setup'], ns)
    out.append([eval(e, ns) for e in job['exprs']])
print(json.dumps(out))
`;
    const r = spawnSync(PYTHON, ['-c', script], { input: JSON.stringify(jobs), encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const results = JSON.parse(r.stdout) as string[][];
    results.forEach(([whole, ...parts], k) => {
      const fromParts = decodePayload(parts);
      expect(fromParts.ok, `${jobs[k]!.setup}: ${fromParts.ok ? '' : fromParts.error}`).toBe(true);
      if (!fromParts.ok) return;
      const expected = decoded(whole);
      expect(fromParts.value.shape, jobs[k]!.setup).toEqual(expected.shape);
      expect(Array.from(fromParts.value.data), jobs[k]!.setup).toEqual(Array.from(expected.data));
    });
  });

  it('Python: a part of a list converts only its own items (of a list of rows, the rows it touches)', () => {
    // An item past the part that the array module refuses: the whole read fails on it, the part does not look at it.
    for (const [setup, range, values, shape] of [
      ["x = [0.5] * 10 + ['not a number']", { from: 0, to: 10 }, Array(10).fill(0.5), '11'],
      ["x = [(0.1, 0.2)] * 5 + [('a', 'b')]", { from: 3, to: 9 }, [0.2, 0.1, 0.2, 0.1, 0.2, 0.1], '6,2'],
    ] as const) {
      const script = `
import json, sys
ns = {}
exec(${JSON.stringify(setup)}, ns)
exprs = json.loads(sys.stdin.read())
out = []
for e in exprs:
    try:
        out.append(eval(e, ns))
    except Exception as err:
        out.append('error: ' + str(err))
print(json.dumps(out))
`;
      const exprs = [dataExpression('python', 'x'), dataExpression('python', 'x', range)];
      const r = spawnSync(PYTHON, ['-c', script], { input: JSON.stringify(exprs), encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const [whole, part] = JSON.parse(r.stdout) as string[];
      expect(whole).toMatch(/^error: must be real number, not str/);
      // The part's header gives the whole shape; its bytes are the range's doubles.
      const [tag, dtype, header, b64] = part!.replace(/^'|'$/g, '').split(' ');
      expect([tag, dtype, header]).toEqual([PAYLOAD_TAG, 'f8', shape]);
      const bytes = Buffer.from(b64!, 'base64');
      expect(Array.from(new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8))).toEqual(values);
    }
  });

  it('JavaScript: parts of arrays, rows and typed arrays cut anywhere decode to the whole', () => {
    // Shapes, element types and part boundaries not on row edges, generated.
    const cases = fc.sample(
      fc
        .tuple(
          fc.integer({ min: 1, max: 9 }),
          fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
          fc.constantFrom('Array', 'Float32Array', 'Int16Array'),
        )
        .chain(([rows, cols, kind]) => {
          const n = rows * (cols ?? 1);
          return fc.record({
            rows: fc.constant(rows),
            cols: fc.constant(cols),
            kind: fc.constant(kind),
            cuts: n < 2 ? fc.constant([]) : fc.uniqueArray(fc.integer({ min: 1, max: n - 1 }), { maxLength: n - 1 }),
          });
        }),
      { numRuns: 80, seed: 11 },
    );
    for (const { rows, cols, kind, cuts } of cases) {
      const n = rows * (cols ?? 1);
      const edges = [0, ...[...cuts].sort((a, b) => a - b), n];
      const row = (first: string, c: number) => `${kind}.from({ length: ${c} }, (_, j) => ${first} + j + 1 / 4)`;
      const setup =
        cols === undefined ? row('0', rows) : `Array.from({ length: ${rows} }, (_, r) => ${row(`r * ${cols}`, cols)})`;
      const run = (range?: { from: number; to: number }) =>
        new Function(`const x = ${setup}; return ${dataExpression('javascript', 'x', range)};`)() as string;
      const parts = edges.slice(1).map((to, k) => run({ from: edges[k]!, to }));
      const fromParts = decodePayload(parts);
      expect(fromParts.ok, `${setup}: ${fromParts.ok ? '' : fromParts.error}`).toBe(true);
      if (!fromParts.ok) continue;
      const whole = decoded(run());
      expect(fromParts.value.shape, setup).toEqual(whole.shape);
      expect(fromParts.value.dtype, setup).toBe(whole.dtype);
      // Oracle: the elements as Node holds them.
      const own = new Function(`return ${setup};`)() as ArrayLike<number | ArrayLike<number>>;
      const flat = Array.from(own).flatMap((r) => (typeof r === 'number' ? [r] : Array.from(r)));
      expect(Array.from(fromParts.value.data), setup).toEqual(flat);
      expect(Array.from(whole.data), setup).toEqual(flat);
    }
  });

  it('JavaScript: a part converts only its own elements (of rows, the rows it touches)', () => {
    // An element past the part that is not a number: the whole read fails on it, the part does not look at it.
    for (const [setup, range, values, shape] of [
      ["[...Array(10).fill(0.1), 'not a number']", { from: 0, to: 10 }, Array(10).fill(0.1), '11'],
      ["[...Array(5).fill([0.1, 0.2]), ['a', 'b']]", { from: 3, to: 9 }, [0.2, 0.1, 0.2, 0.1, 0.2, 0.1], '6,2'],
    ] as const) {
      expect(() => runJs(setup)).toThrow(/not a number/);
      const part = new Function(`const x = ${setup}; return ${dataExpression('javascript', 'x', range)};`)() as string;
      const [tag, dtype, header, b64] = part.split(' ');
      expect([tag, dtype, header]).toEqual([PAYLOAD_TAG, 'f8', shape]);
      const bytes = Buffer.from(b64!, 'base64');
      expect(Array.from(new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8))).toEqual(values);
    }
  });

  it('JavaScript: the parts of a typed array decode to the whole', () => {
    const setup = 'Float32Array.from({ length: 10 }, (_, i) => i / 7)';
    const parts = ranges.map(
      (r) => new Function(`const x = ${setup}; return ${dataExpression('javascript', 'x', r)};`)() as string,
    );
    const d = decodePayload(parts);
    expect(d.ok).toBe(true);
    if (d.ok) expect(Array.from(d.value.data)).toEqual(Array.from(decoded(runJs(setup)).data));
  });

  it('refuses parts of different values', () => {
    const a = runJs('[1, 2]'),
      b = runJs('[1, 2, 3]');
    const d = decodePayload([a, b]);
    expect(d.ok).toBe(false);
  });
});

describe("the first values read again (the CDP proxy's check)", () => {
  const payload = (setup: string, from: number, to: number) =>
    new Function(`const x = ${setup}; return ${dataExpression('javascript', 'x', { from, to })};`)() as string;
  const decoder = (setup: string, to: number) => {
    const d = new PayloadDecoder();
    expect(d.add(payload(setup, 0, to))).toBeUndefined();
    return d;
  };
  const probs = 'Float64Array.from({ length: 1000 }, (_, i) => Math.sin(i) / 2 + 0.5)';

  it.each([
    ['float64 probabilities', probs],
    [
      'one-hot int32 rows, a byte a value',
      'Array.from({ length: 100 }, (_, r) => Int32Array.from({ length: 10 }, (_, j) => (j === r % 10 ? 1 : 0)))',
    ],
    [
      'class indices that fit a byte in the first 64 values, not in the part',
      'Int32Array.from({ length: 1000 }, (_, i) => i * 7)',
    ],
  ])('%s: the first 64 agree with the part they start', (_, setup) => {
    expect(decoder(setup, 500).startsWith(payloadSample(payload(setup, 0, 64))!)).toBe(true);
  });

  it('another value, shape or precision, a -0 for a 0, or more values than decoded disagree', () => {
    const d = decoder(probs, 500);
    const agrees = (setup: string, to = 64) => d.startsWith(payloadSample(payload(setup, 0, to))!);
    expect(agrees(probs.replace('/ 2', '/ 3'))).toBe(false);
    expect(agrees(probs.replace('1000', '1001'))).toBe(false);
    expect(agrees(`Float32Array.from(${probs})`)).toBe(false);
    expect(agrees(probs, 501)).toBe(false);
    expect(agrees(probs, 500)).toBe(true);
    const zero = decoder('Float64Array.from([0, 0.5, 0.5])', 3);
    expect(zero.startsWith(payloadSample(payload('Float64Array.from([-0, 0.5, 0.5])', 0, 3))!)).toBe(false);
    expect(zero.startsWith(payloadSample(payload('Float64Array.from([0, 0.5, 0.5])', 0, 3))!)).toBe(true);
    expect(payloadSample('ReferenceError: probs is not defined')).toBeUndefined();
    expect(new PayloadDecoder().startsWith(payloadSample(payload(probs, 0, 64))!)).toBe(false);
  });
});
