// The webview's HTML and its Content-Security-Policy. Pure (no vscode import)
// so the policy is unit-tested: default-src 'none'; scripts only with this
// page's nonce; styles and fonts only from the webview's own resource origin;
// images only from there or from blob: (the PNG export draws the figure's SVG
// through a blob: URL onto a canvas). No 'unsafe-inline', no 'unsafe-eval'.

/** Where the webview is: the side view or an editor tab (the page's background follows). */
export type Place = 'view' | 'editor';

export interface HtmlParts {
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  nonce: string;
  place?: Place;
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} blob:`,
  ].join('; ');
}

/** 32 random alphanumerics from a cryptographic source. */
export function makeNonce(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = new Uint8Array(32);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function visualizerHtml(p: HtmlParts): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(contentSecurityPolicy(p.cspSource, p.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttr(p.styleUri)}">
<title>Entropy Lens visualizer</title>
</head>
<body data-place="${p.place ?? 'view'}">
<main id="app" aria-label="Entropy Lens loss visualizer"></main>
<script nonce="${p.nonce}" src="${escapeAttr(p.scriptUri)}"></script>
</body>
</html>`;
}
