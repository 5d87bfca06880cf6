// FeatureModels.ready: large documents are read off the thread once per
// version (concurrent providers share the wait), small ones on the thread;
// a superseded version shows nothing, and a failed worker falls back to
// reading on the thread.
import { describe, expect, it } from 'vitest';
import type * as vscode from 'vscode';
import { DEFAULT_MODEL_SETTINGS } from '../../../src/extension/features/model/documentModel';
import {
  FeatureModels,
  OFF_THREAD_MIN_CHARS,
  type OffThreadFind,
} from '../../../src/extension/features/providers/featureModels';
import type { FeatureSettings } from '../../../src/extension/config';
import type { FindResult } from '../../../src/extension/features/model/shapes';
import { arrayAt, engineFor } from './fixtures';

const LINE = 'y = [0.5, 0.5]\n';
const big = LINE.repeat(Math.ceil(OFF_THREAD_MIN_CHARS / LINE.length) + 1);
const small = LINE;
const settings = (): FeatureSettings => ({
  unit: 'nats',
  languages: ['python'],
  enabled: () => true,
  statusBar: true,
  model: DEFAULT_MODEL_SETTINGS,
});
const textDoc = (text: string, version = 1) =>
  ({
    uri: { toString: () => 'file:///big.py' },
    version,
    languageId: 'python',
    getText: () => text,
  }) as unknown as vscode.TextDocument;
const foundIn = (text: string): FindResult => ({
  arrays: [arrayAt(text, '[0.5, 0.5]', [0.5, 0.5], { name: 'y' })],
  pairs: [],
  issues: [],
});

describe('FeatureModels.ready', () => {
  it('reads a large document off the thread once, for every provider waiting on that version', async () => {
    const engine = engineFor((text) => foundIn(text));
    const calls: string[] = [];
    const offThread: OffThreadFind = async (text, _lang, key) => {
      calls.push(key);
      return foundIn(text);
    };
    const models = new FeatureModels(engine, settings, 16, offThread);
    const doc = textDoc(big);
    const [a, b] = await Promise.all([models.ready(doc), models.ready(doc)]);
    expect(a).toBe(b);
    expect(calls).toEqual(['file:///big.py']);
    expect(a.arrays[0]!.name).toBe('y');
    expect(engine.finds).toBe(0); // never read on this thread
  });

  it('reads small documents on the thread (the round trip would cost more)', async () => {
    const engine = engineFor((text) => foundIn(text));
    let calls = 0;
    const models = new FeatureModels(engine, settings, 16, async (text) => {
      calls++;
      return foundIn(text);
    });
    const model = await models.ready(textDoc(small));
    expect(model.arrays).toHaveLength(1);
    expect(calls).toBe(0);
    expect(engine.finds).toBe(1);
  });

  it('shows nothing for a superseded version, and reads on the thread when the worker failed', async () => {
    const engine = engineFor((text) => foundIn(text));
    const superseded = Object.assign(new Error('superseded'), { superseded: true });
    const outcomes = [Promise.reject(superseded), Promise.reject(new Error('worker stopped'))];
    const models = new FeatureModels(engine, settings, 16, () => outcomes.shift()!);
    const old = await models.ready(textDoc(big, 1));
    expect(old.arrays).toHaveLength(0);
    expect(engine.finds).toBe(0);
    const current = await models.ready(textDoc(big, 2));
    expect(current.arrays).toHaveLength(1);
    expect(engine.finds).toBe(1);
  });
});
