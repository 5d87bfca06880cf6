// Loads the visualizer bundle in headless Chromium the way a VS Code webview
// would: its own origin, the same strict CSP, theme variables on the page, and
// a stub acquireVsCodeApi that records what the webview posts.
import { readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const ORIGIN = 'https://webview.test';
const NONCE = 'benchNonce0123456789abcdefABCDEF';

// A subset of VS Code's Dark Modern colours: enough for every variable the CSS reads.
const THEME = `:root {
  --vscode-foreground: #cccccc; --vscode-descriptionForeground: #9d9d9d; --vscode-font-family: sans-serif; --vscode-font-size: 13px;
  --vscode-sideBar-background: #181818; --vscode-editor-background: #1f1f1f; --vscode-focusBorder: #0078d4; --vscode-button-background: #0078d4;
  --vscode-charts-red: #f14c4c; --vscode-charts-blue: #3794ff; --vscode-charts-green: #89d185; --vscode-charts-orange: #d18616;
  --vscode-charts-purple: #b180d7; --vscode-charts-yellow: #cca700; --vscode-charts-foreground: #cccccc; --vscode-panel-border: #2b2b2b;
}`;

export interface WebviewPage {
  browser: Browser;
  page: Page;
  violations: () => Promise<string[]>;
  posted: () => Promise<unknown[]>;
}

export async function openWebviewPage(bundlePath: string, cssPath: string): Promise<WebviewPage> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 420, height: 900 } });
  const csp = `default-src 'none'; script-src 'nonce-${NONCE}'; style-src ${ORIGIN}; font-src ${ORIGIN}; img-src ${ORIGIN} blob:`;
  const files: Record<string, [string, string]> = {
    '/index.html': [
      'text/html',
      `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="${csp}">
<link rel="stylesheet" href="${ORIGIN}/theme.css"><link rel="stylesheet" href="${ORIGIN}/visualizer.css"></head>
<body class="vscode-dark"><main id="app"></main>
<script nonce="${NONCE}" src="${ORIGIN}/stub.js"></script><script nonce="${NONCE}" src="${ORIGIN}/webview.js"></script></body></html>`,
    ],
    '/theme.css': ['text/css', THEME],
    '/visualizer.css': ['text/css', readFileSync(cssPath, 'utf8')],
    '/stub.js': [
      'text/javascript',
      `window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
window.__posted = []; let __state;
window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), getState: () => __state, setState: (s) => { __state = s; } });`,
    ],
    '/webview.js': ['text/javascript', readFileSync(bundlePath, 'utf8')],
  };
  await page.route(`${ORIGIN}/**`, (route) => {
    const f = files[new URL(route.request().url()).pathname];
    return f ? route.fulfill({ status: 200, contentType: f[0], body: f[1] }) : route.fulfill({ status: 404, body: '' });
  });
  await page.goto(`${ORIGIN}/index.html`);
  await page.waitForFunction(() =>
    (window as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === 'ready'),
  );
  return {
    browser,
    page,
    violations: () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
    posted: () => page.evaluate(() => (window as unknown as { __posted: unknown[] }).__posted),
  };
}
