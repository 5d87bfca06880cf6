// Tiny helpers to build SVG with attributes (never inline style strings: the
// CSP forbids them, and classes let the theme's CSS variables do the colouring).
export const SVG_NS = 'http://www.w3.org/2000/svg';

export type Attrs = Record<string, string | number | undefined>;

export function svgEl<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  parent?: Element,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  if (parent) parent.appendChild(node);
  return node;
}

/** Sets attributes, skipping those already equal (an equal write still dirties style). */
export function setAttrs(node: Element, attrs: Attrs): void {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined) {
      if (node.hasAttribute(k)) node.removeAttribute(k);
    } else setChanged(node, k, String(v));
  }
}

/** Sets an attribute only when its value changes (an equal write still dirties style). */
export function setChanged(node: Element, name: string, value: string): void {
  if (node.getAttribute(name) !== value) node.setAttribute(name, value);
}

export function text(parent: Element, x: number, y: number, content: string, attrs: Attrs = {}): SVGTextElement {
  const t = svgEl('text', { x, y, ...attrs }, parent);
  t.textContent = content;
  return t;
}

/** Formats a number for labels: short, but never hides a tiny or huge value. */
export function fmtNum(v: number, digits = 3): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'NaN' : v > 0 ? '∞' : '−∞';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) return v.toExponential(digits - 1).replace('-', '−');
  return Number(v.toPrecision(digits)).toString().replace('-', '−');
}

/** The colour classes the CSS maps to --vscode-charts-* variables. */
export type Hue = 'red' | 'blue' | 'green' | 'yellow' | 'orange' | 'purple' | 'fg';
