import { describe, expect, it } from 'vitest';
import {
  MAX_CLASSES,
  MAX_VALUES,
  validateHostMessage,
  validatePair,
  validateWebviewMessage,
} from '../../../src/protocol/visualizer';

const range = { start: { line: 3, character: 4 }, end: { line: 3, character: 20 } };

describe('host → webview messages', () => {
  it('accepts a pair with its source, ranges and row ranges', () => {
    const msg = {
      type: 'showPair',
      pair: {
        target: [
          [0, 1],
          [1, 0],
        ],
        prediction: [
          [0.2, 0.8],
          [0.6, 0.4],
        ],
        label: 'y, p',
        source: { uri: 'file:///a.py', targetRange: range, predictionRange: range, rowRanges: [range, range] },
      },
    };
    const r = validateHostMessage(msg);
    expect(r.ok).toBe(true);
    if (r.ok && r.value.type === 'showPair') {
      expect(r.value.pair.source?.rowRanges).toHaveLength(2);
      expect(r.value.pair.prediction).toEqual([
        [0.2, 0.8],
        [0.6, 0.4],
      ]);
    }
  });

  it('decodes the non-finite number strings and rejects other strings', () => {
    const r = validateHostMessage({ type: 'showPair', pair: { target: [0, 1], prediction: ['-Infinity', 0] } });
    expect(r.ok && r.value.type === 'showPair' && r.value.pair.prediction[0]).toBe(-Infinity);
    const bad = validateHostMessage({ type: 'showPair', pair: { target: [0, 1], prediction: ['0.5', 0.5] } });
    expect(bad).toEqual({ ok: false, error: 'pair.prediction[0]: expected a number, got "0.5"' });
  });

  it('says where a malformed message is wrong', () => {
    const cases: [unknown, string][] = [
      [null, 'message: expected an object'],
      [[1, 2], 'message: expected an object'],
      [{ type: 'runScript', code: 'x' }, 'type: unknown message type "runScript"'],
      [{ type: 'showPair' }, 'pair: expected {target, prediction}'],
      [{ type: 'showPair', pair: { target: [], prediction: [1] } }, 'pair.target: is empty'],
      [
        {
          type: 'showPair',
          pair: {
            target: [[0, 1], [1]],
            prediction: [
              [1, 0],
              [0, 1],
            ],
          },
        },
        'pair.target[1]: has 1 entries, row 0 has 2',
      ],
      [
        { type: 'showPair', pair: { target: [0, 1], prediction: [1, 0], predictionKind: 'odds' } },
        'pair.predictionKind: expected "probabilities" or "logits"',
      ],
      [
        { type: 'showPair', pair: { target: [0, 1], prediction: [1, 0], source: { uri: '' } } },
        'pair.source.uri: expected a non-empty string',
      ],
      [
        {
          type: 'showPair',
          pair: {
            target: [0, 1],
            prediction: [1, 0],
            source: {
              uri: 'file:///a',
              targetRange: { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } },
            },
          },
        },
        'pair.source.targetRange.start.line: expected a non-negative integer',
      ],
      [{ type: 'exportResult', format: 'gif', ok: true, detail: '' }, 'format: expected "svg" or "png"'],
      [{ type: 'copyResult', format: 'csv', ok: 'yes', detail: '' }, 'copyResult.ok: expected a boolean'],
    ];
    for (const [msg, error] of cases) expect(validateHostMessage(msg)).toEqual({ ok: false, error });
  });

  it('refuses oversized vectors instead of freezing', () => {
    const big = new Array(MAX_CLASSES + 1).fill(0);
    const r = validatePair.bind(null, { target: big, prediction: big });
    expect(r).toThrow(`pair.target: has ${MAX_CLASSES + 1} entries, more than ${MAX_CLASSES}`);
    const rows = Array.from({ length: 2000 }, () => new Array(1000).fill(0));
    expect(() => validatePair({ target: rows, prediction: rows })).toThrow(
      `pair.target: has 2000 × 1000 values, more than ${MAX_VALUES}`,
    );
  });
});

describe('webview → host messages', () => {
  it('accepts each message kind', () => {
    const ok = [
      { type: 'ready' },
      {
        type: 'saveFigure',
        format: 'svg',
        svg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
        suggestedName: 'figure.svg',
      },
      { type: 'saveFigure', format: 'png', pngBase64: 'iVBORw0KGgo=', suggestedName: 'figure.png' },
      { type: 'copyData', format: 'markdown', text: '| a |' },
      { type: 'reveal', uri: 'file:///a.py', range },
      { type: 'log', level: 'warn', message: 'x' },
    ];
    for (const m of ok) expect(validateWebviewMessage(m)).toEqual({ ok: true, value: m });
  });

  it('drops extra fields (the validated value is rebuilt, not passed through)', () => {
    const r = validateWebviewMessage({ type: 'ready', evil: true });
    expect(r).toEqual({ ok: true, value: { type: 'ready' } });
  });

  it('rejects path tricks, non-SVG markup and non-base64 PNG data', () => {
    expect(
      validateWebviewMessage({ type: 'saveFigure', format: 'svg', svg: '<svg/>', suggestedName: '../../etc/passwd' }),
    ).toEqual({ ok: false, error: 'suggestedName: expected a plain file name' });
    expect(
      validateWebviewMessage({ type: 'saveFigure', format: 'svg', svg: '<html>', suggestedName: 'a.svg' }),
    ).toEqual({ ok: false, error: 'svg: expected SVG markup' });
    expect(
      validateWebviewMessage({
        type: 'saveFigure',
        format: 'png',
        pngBase64: 'data:image/png;base64,AAA',
        suggestedName: 'a.png',
      }),
    ).toEqual({ ok: false, error: 'pngBase64: expected base64 data' });
    expect(
      validateWebviewMessage({
        type: 'reveal',
        uri: 'file:///a',
        range: { start: { line: 1.5, character: 0 }, end: { line: 2, character: 0 } },
      }),
    ).toEqual({ ok: false, error: 'range.start.line: expected a non-negative integer' });
    expect(validateWebviewMessage({ type: 'log', level: 'debug', message: '' })).toEqual({
      ok: false,
      error: 'level: expected info, warn or error',
    });
    expect(validateWebviewMessage('ready')).toEqual({ ok: false, error: 'message: expected an object' });
  });
});

describe('hostile messages (found by the protocol fuzz campaign, test/unit/protocol)', () => {
  it('a deeply nested type is rejected, not rendered recursively', () => {
    let deep: unknown = [1];
    for (let i = 0; i < 1e5; i++) deep = [deep];
    expect(validateWebviewMessage({ type: deep })).toEqual({ ok: false, error: 'type: unknown message type an array' });
    expect(validateHostMessage({ type: 'x'.repeat(1e6) }).ok).toBe(false);
  });

  it('a hole in an array is an error, not an undefined number or range', () => {
    // eslint-disable-next-line no-sparse-arrays
    const target = [0.5, , 0.5];
    expect(validateHostMessage({ type: 'showPair', pair: { target, prediction: [1, 0, 0] } })).toEqual({
      ok: false,
      error: 'pair.target[1]: expected a number, got undefined',
    });
    // eslint-disable-next-line no-sparse-arrays
    const rowRanges = [range, , range];
    const pair = { target: [1, 0], prediction: [1, 0], source: { uri: 'file:///a.py', rowRanges } };
    expect(validateHostMessage({ type: 'showPair', pair }).ok).toBe(false);
  });

  it('inherited fields are not read', () => {
    expect(validateWebviewMessage(Object.create({ type: 'ready' })).ok).toBe(false);
    const proto = JSON.parse('{"type": "log", "__proto__": {"level": "error", "message": "x"}}') as unknown;
    expect(validateWebviewMessage(proto)).toEqual({ ok: false, error: 'level: expected info, warn or error' });
  });

  it('positions beyond safe integers are rejected', () => {
    const far = { start: { line: 1e300, character: 0 }, end: { line: 0, character: 0 } };
    expect(validateWebviewMessage({ type: 'reveal', uri: 'file:///a', range: far }).ok).toBe(false);
  });

  it('ragged rows are refused before they are copied', () => {
    const wide = new Array<number>(MAX_CLASSES).fill(0.5);
    const rows = Array.from({ length: 10_000 }, (_, i) => (i === 0 ? [0.5] : wide));
    const t0 = performance.now();
    const r = validateHostMessage({ type: 'showPair', pair: { target: [[1]], prediction: rows } });
    expect(r).toEqual({ ok: false, error: 'pair.prediction[1]: has 4096 entries, row 0 has 1' });
    expect(performance.now() - t0).toBeLessThan(1000); // copying the 41·10^6 values took 7 s
  });
});
