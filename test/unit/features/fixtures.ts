// Test doubles for the finder with the shapes of src/parse: a fixed finder
// result (so each test states exactly what was found), analysed by the real
// core's analyze behind a counting engine.
import { analyze } from '../../../src/core';
import type { Engine, FindResult, FoundArray, Values } from '../../../src/extension/features/model/shapes';

export function arrayAt(text: string, literal: string, values: Values, extra: Partial<FoundArray> = {}): FoundArray {
  const start = text.indexOf(literal);
  if (start < 0) throw new Error(`fixture: ${literal} not in text`);
  const shape = Array.isArray(values[0]) ? [values.length, (values[0] as number[]).length] : [values.length];
  return {
    start,
    end: start + literal.length,
    values,
    shape,
    role: 'probabilities',
    roleReason: 'sums to 1',
    issues: [],
    ...extra,
  };
}

export interface CountingEngine extends Engine {
  finds: number;
  analyses: number;
}

/** A finder result as a test writes it (issues optional). */
export type Found = Omit<FindResult, 'issues'> & { issues?: FindResult['issues'] };

export function engineFor(result: Found | ((text: string) => Found)): CountingEngine {
  const engine: CountingEngine = {
    finds: 0,
    analyses: 0,
    findArrays(text) {
      engine.finds++;
      const found = typeof result === 'function' ? result(text) : result;
      return { issues: [], ...found };
    },
    analyze(target, prediction, options) {
      engine.analyses++;
      return analyze(target, prediction, options);
    },
  };
  return engine;
}

/** Line of an offset, the way a TextDocument's positionAt would give it. */
export function lineOfText(text: string): (offset: number) => number {
  return (offset) => {
    let n = 0;
    for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
    return n;
  };
}
