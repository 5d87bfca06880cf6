import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, makeNonce, visualizerHtml } from '../../../src/extension/visualizer/html';
import { pairFromCommandArgument } from '../../../src/extension/visualizer/pairArgument';

describe('webview HTML and CSP', () => {
  const html = visualizerHtml({
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    scriptUri: 'https://x/dist/webview.js',
    styleUri: 'https://x/media/visualizer.css',
    nonce: 'abc123',
  });
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';

  it('is strict: nothing by default, scripts only by nonce, styles/fonts only from the resource origin', () => {
    const directives = Object.fromEntries(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k, v]),
    );
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'nonce-abc123'"]);
    expect(directives['style-src']).toEqual(['https://file+.vscode-resource.vscode-cdn.net']);
    expect(directives['font-src']).toEqual(['https://file+.vscode-resource.vscode-cdn.net']);
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
  });

  it('loads the script with the nonce and has no inline script or style', () => {
    expect(html).toContain('<script nonce="abc123" src="https://x/dist/webview.js"></script>');
    expect(html).not.toMatch(/style=/);
    expect(html).not.toMatch(/<style/);
    expect(html.match(/<script/g)).toHaveLength(1);
  });

  it('says where it is shown, so an editor tab takes the editor background', () => {
    expect(html).toContain('<body data-place="view">');
    const parts = { cspSource: 'c', scriptUri: 's', styleUri: 't', nonce: 'n' };
    expect(visualizerHtml({ ...parts, place: 'editor' })).toContain('<body data-place="editor">');
    // The same page and policy in both places.
    expect(visualizerHtml({ ...parts, place: 'editor' }).replace('editor', 'view')).toBe(visualizerHtml(parts));
  });

  it('makes a fresh 32-character alphanumeric nonce each time', () => {
    const a = makeNonce(),
      b = makeNonce();
    expect(a).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(a).not.toBe(b);
    expect(contentSecurityPolicy('x', a)).toContain(`'nonce-${a}'`);
  });
});

describe('the showVisualizer command argument', () => {
  it('accepts plain data with a URI string and ranges', () => {
    const range = { start: { line: 1, character: 2 }, end: { line: 1, character: 9 } };
    const r = pairFromCommandArgument({
      target: [0, 1],
      prediction: [0.3, 0.7],
      uri: 'file:///a.py',
      targetRange: range,
      predictionRange: range,
    });
    expect(r).toEqual({
      ok: true,
      value: {
        target: [0, 1],
        prediction: [0.3, 0.7],
        source: { uri: 'file:///a.py', targetRange: range, predictionRange: range },
      },
    });
  });

  it('accepts vscode-like objects: a Uri with toString and Range/Position instances', () => {
    class Pos {
      constructor(
        readonly line: number,
        readonly character: number,
      ) {}
    }
    class Rng {
      constructor(
        readonly start: Pos,
        readonly end: Pos,
      ) {}
    }
    const uri = { scheme: 'file', path: '/b.py', toString: () => 'file:///b.py' };
    const r = pairFromCommandArgument({
      target: { values: [1, 0], range: new Rng(new Pos(2, 0), new Pos(2, 6)) },
      prediction: { values: [[0.9, 0.1]], range: new Rng(new Pos(3, 0), new Pos(3, 10)) },
      source: { uri, rowRanges: [new Rng(new Pos(3, 1), new Pos(3, 9))] },
      predictionKind: 'probabilities',
    });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.source).toEqual({
        uri: 'file:///b.py',
        targetRange: { start: { line: 2, character: 0 }, end: { line: 2, character: 6 } },
        predictionRange: { start: { line: 3, character: 0 }, end: { line: 3, character: 10 } },
        rowRanges: [{ start: { line: 3, character: 1 }, end: { line: 3, character: 9 } }],
      });
      expect(r.value.predictionKind).toBe('probabilities');
    }
  });

  it('rejects garbage with a message saying where', () => {
    expect(pairFromCommandArgument('hello')).toEqual({ ok: false, error: 'expected {target, prediction}' });
    expect(pairFromCommandArgument({ target: [0, 1], prediction: 'x' })).toEqual({
      ok: false,
      error: 'pair.prediction: expected an array',
    });
  });
});
