// ids.ts against package.json, both ways: every contributed command, view and
// setting has its constant, and every constant is contributed (or, for the
// internal commands, deliberately not).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  COMMANDS,
  DISPLAY_NAME,
  INTERNAL_COMMANDS,
  SECTION,
  SETTINGS,
  VIEW_CONTAINER,
  VIEWS,
  keyInSection,
} from '../../../src/extension/ids';
import { DEFAULT_LIMITS } from '../../../src/parse/types';

interface Manifest {
  displayName: string;
  contributes: {
    commands: { command: string }[];
    menus: Record<string, { command: string }[]>;
    configuration: { properties: Record<string, { default?: unknown }> };
    viewsContainers: { activitybar: { id: string }[] };
    views: Record<string, { id: string }[]>;
  };
}

const manifest = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as Manifest;
const contributes = manifest.contributes;
const sorted = (values: Iterable<string>): string[] => [...values].sort();

describe('ids.ts and package.json', () => {
  it('name the same commands', () => {
    expect(sorted(Object.values(COMMANDS))).toEqual(sorted(contributes.commands.map((c) => c.command)));
  });

  it('menus only show contributed commands', () => {
    const contributed = new Set<string>(Object.values(COMMANDS));
    for (const [menu, entries] of Object.entries(contributes.menus)) {
      for (const e of entries) expect(contributed.has(e.command), `${menu}: ${e.command}`).toBe(true);
    }
  });

  it('keep the internal commands out of package.json', () => {
    const contributed = new Set(contributes.commands.map((c) => c.command));
    for (const id of Object.values(INTERNAL_COMMANDS)) expect(contributed.has(id), id).toBe(false);
  });

  it('name the same settings, all in the one section', () => {
    expect(sorted(Object.values(SETTINGS))).toEqual(sorted(Object.keys(contributes.configuration.properties)));
    for (const s of Object.values(SETTINGS)) expect(`${SECTION}.${keyInSection(s)}`).toBe(s);
  });

  it('name the same view container and views', () => {
    expect(contributes.viewsContainers.activitybar.map((c) => c.id)).toEqual([VIEW_CONTAINER]);
    expect(Object.keys(contributes.views)).toEqual([VIEW_CONTAINER]);
    expect(
      sorted(
        Object.values(contributes.views)
          .flat()
          .map((v) => v.id),
      ),
    ).toEqual(sorted(Object.values(VIEWS)));
  });

  it('agree on the display name', () => {
    expect(manifest.displayName).toBe(DISPLAY_NAME);
  });

  it("agree with the finder's default caps", () => {
    const props = contributes.configuration.properties;
    expect(props[SETTINGS.maxElementsPerArray]!.default).toBe(DEFAULT_LIMITS.maxElements);
    expect(props[SETTINGS.maxNestingDepth]!.default).toBe(DEFAULT_LIMITS.maxDepth);
    expect(props[SETTINGS.maxArraysPerDocument]!.default).toBe(DEFAULT_LIMITS.maxArrays);
  });
});
