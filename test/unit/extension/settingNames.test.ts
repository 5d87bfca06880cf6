// Every `entropyLens.…` name the user can read — in a message, a hover, a
// README, a setting's description — is a contributed setting (or command or
// view) of package.json, so no message sends the user to a setting that
// does not exist.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findArrays } from '../../../src/parse';
import { pairOutcome } from '../../../src/extension/commands/outcome';
import { DEFAULT_MODEL_SETTINGS, DocumentModel } from '../../../src/extension/features/model/documentModel';
import { createEngine } from '../../../src/extension/features/model/engine';
import { userText } from '../../../src/extension/features/format/userText';
import { INTERNAL_COMMANDS, PANELS, STATUS_BAR_ITEM } from '../../../src/extension/ids';

const root = join(__dirname, '../../..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: {
    commands: { command: string }[];
    configuration: { properties: Record<string, unknown> };
    views: Record<string, { id: string }[]>;
  };
};
const settings = Object.keys(manifest.contributes.configuration.properties);
const commands = manifest.contributes.commands.map((c) => c.command);
const views = Object.values(manifest.contributes.views)
  .flat()
  .map((v) => v.id);
/** Names that are not settings but may be written: commands, views, the commands VS Code makes for them, panels' view types. */
const otherNames = new Set([
  ...commands,
  ...views,
  ...views.map((v) => `${v}.focus`),
  ...Object.values(INTERNAL_COMMANDS),
  ...Object.values(PANELS),
  STATUS_BAR_ITEM,
]);

/** `entropyLens.a.b` names in a text; `entropyLens.limits.*` as the prefix `entropyLens.limits.`. */
function namesIn(text: string): string[] {
  return [...text.matchAll(/\bentropyLens(?:\.[A-Za-z]\w*)+(\.\*)?/g)].map((m) => m[0].replace(/\*$/, ''));
}

function isKnown(name: string): boolean {
  if (name.endsWith('.')) return settings.some((s) => s.startsWith(name));
  return settings.includes(name) || otherNames.has(name);
}

function filesUnder(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) filesUnder(path, out);
    else if (/\.(ts|md|html|css)$/.test(entry)) out.push(path);
  }
  return out;
}

describe('setting names the user reads', () => {
  it('are all contributed, wherever the source, READMEs or package.json spell one', () => {
    const files = [
      ...filesUnder(join(root, 'src')),
      ...filesUnder(join(root, 'webview')),
      join(root, 'README.md'),
      join(root, 'package.json'),
    ];
    const unknown: string[] = [];
    let seen = 0;
    for (const file of files) {
      for (const name of namesIn(readFileSync(file, 'utf8'))) {
        seen++;
        if (!isKnown(name)) unknown.push(`${relative(root, file)}: ${name}`);
      }
    }
    expect(seen).toBeGreaterThan(10);
    expect(unknown).toEqual([]);
  });

  it('are contributed in the messages the features and commands show when they step back or refuse', () => {
    const many = Array.from({ length: 30 }, (_, i) => `p${i} = [0.5, 0.5]`).join('\n');
    const capped = `y_true = [1, 0, 0, 0, 0]\ny_pred = [0.2, 0.2, 0.2, 0.2, 0.2]\n`;
    const cappedFind = findArrays(capped, 'python', { maxElements: 3 });
    const model = (text: string, maxElements = 100_000, maxDocumentChars = DEFAULT_MODEL_SETTINGS.maxDocumentChars) =>
      new DocumentModel(
        'u',
        1,
        'python',
        text,
        createEngine(() => ({ maxArrays: 20, maxElements })),
        { ...DEFAULT_MODEL_SETTINGS, maxArrays: 20, maxDocumentChars },
      );
    const cappedModel = model(capped, 3);
    const messages = [
      model(many, 100_000, 10).steppedBack,
      model(many).steppedBack,
      cappedModel.pairAnalysis(0).ok ? undefined : (cappedModel.pairAnalysis(0) as { error: string }).error,
      pairOutcome(
        'crossEntropy',
        cappedFind,
        { target: 0, prediction: 1, reason: 'test' },
        { unit: 'nats', eps: undefined },
        { uri: 'u', positionAt: () => ({ line: 0, character: 0 }) },
      ).message,
      userText('so the cross-entropy and KL are infinite (set eps to clip)'),
      userText('the cross-entropy is infinite (an eps such as 1e-7 clips it)'),
    ];
    for (const message of messages) {
      expect(message).toBeDefined();
      const names = namesIn(message!);
      expect(names.length, message).toBeGreaterThan(0);
      for (const name of names) expect(settings, message).toContain(name);
    }
  });
});
