// A Node program debugged from the palette as a user does: its launch.json
// runs it under VS Code's built-in JavaScript debugger, and the workbench
// marks the paused line. Also selecting text with Find, which the live
// commands read as the expressions to evaluate.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { runCommand } from './workbench';

/** Writes `folder`/.vscode/launch.json: one configuration that runs `program` (relative to the folder) under js-debug. */
export function writeNodeLaunch(folder: string, program: string): void {
  mkdirSync(join(folder, '.vscode'), { recursive: true });
  writeFileSync(
    join(folder, '.vscode', 'launch.json'),
    JSON.stringify({
      version: '0.2.0',
      configurations: [
        {
          type: 'node',
          request: 'launch',
          name: `Run ${program}`,
          program: `\${workspaceFolder}/${program}`,
          console: 'internalConsole',
        },
      ],
    }),
  );
}

/** Runs "Debug: Start Debugging" and waits for the editor's mark of the top stack frame; a screenshot to `failShot` if it never comes. */
export async function startDebuggingUntilPaused(page: Page, failShot: string): Promise<void> {
  await runCommand(page, 'Debug: Start Debugging');
  await page
    .locator('.codicon-debug-stackframe')
    .first()
    .waitFor({ timeout: 120_000 })
    .catch(async (e: unknown) => {
      await page.screenshot({ path: failShot });
      throw e;
    });
}

/** Selects an occurrence of `text` in the active editor with Find, as a user would. */
export async function selectText(page: Page, text: string): Promise<void> {
  await page.locator('.editor-group-container.active .editor-instance .view-lines').first().click();
  await page.keyboard.press('Control+F');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
}
