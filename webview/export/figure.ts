// Exporting the figure: the plots' SVGs are cloned into one standalone SVG
// whose colours are the theme's resolved values (a saved file has no
// --vscode-* variables), and the PNG is that SVG drawn onto a canvas.
import { SVG_NS } from '../plots/svg';

const PAINT_PROPS = [
  'fill',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'opacity',
  'fill-opacity',
  'stroke-opacity',
  'font-family',
  'font-size',
  'font-weight',
] as const;

// Presentation attributes inherit like the CSS properties, so a value equal to
// the parent's is left out (opacity alone does not inherit: kept unless 1).
function inlineComputed(original: Element, clone: Element, parent: CSSStyleDeclaration | null): void {
  const cs = getComputedStyle(original);
  for (const p of PAINT_PROPS) {
    const v = cs.getPropertyValue(p);
    if (!v) continue;
    if (p === 'opacity' ? v !== '1' : !parent || parent.getPropertyValue(p) !== v) clone.setAttribute(p, v);
  }
  clone.removeAttribute('class');
  clone.removeAttribute('tabindex');
  const a = original.children,
    b = clone.children;
  for (let i = 0; i < a.length; i++) inlineComputed(a[i]!, b[i]!, cs);
}

/** One standalone SVG of the given plots stacked vertically, with a background. */
export function composeFigure(
  svgs: SVGSVGElement[],
  background: string,
  foreground: string,
): { svg: string; width: number; height: number } {
  const gap = 8;
  const captionHeight = 16;
  let width = 0,
    height = gap;
  const root = document.createElementNS(SVG_NS, 'svg');
  root.setAttribute('xmlns', SVG_NS);
  const bg = document.createElementNS(SVG_NS, 'rect');
  root.appendChild(bg);
  for (const s of svgs) {
    const w = Number(s.getAttribute('width')) || 320;
    const h = Number(s.getAttribute('height')) || 150;
    // The plot's caption (its figcaption) as a heading above it.
    const caption = document.getElementById(s.getAttribute('aria-labelledby') ?? '')?.textContent ?? '';
    if (caption) {
      const t = document.createElementNS(SVG_NS, 'text');
      t.setAttribute('x', '8');
      t.setAttribute('y', String(height + 12));
      t.setAttribute('fill', foreground);
      t.setAttribute('font-family', getComputedStyle(document.body).fontFamily);
      t.setAttribute('font-size', '12');
      t.textContent = caption;
      root.appendChild(t);
      height += captionHeight;
    }
    const clone = s.cloneNode(true) as SVGSVGElement;
    inlineComputed(s, clone, null);
    clone.setAttribute('x', '8');
    clone.setAttribute('y', String(height));
    root.appendChild(clone);
    width = Math.max(width, w + 16);
    height += h + gap;
  }
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  bg.setAttribute('width', String(width));
  bg.setAttribute('height', String(height));
  bg.setAttribute('fill', background);
  return { svg: new XMLSerializer().serializeToString(root), width, height };
}

/** Rasterizes SVG markup to a PNG, returned as base64 (no data: prefix). */
export async function svgToPngBase64(svg: string, width: number, height: number, scale = 2): Promise<string> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.width = width;
    img.height = height;
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the figure could not be rendered as an image'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2-D canvas context');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
  } finally {
    URL.revokeObjectURL(url);
  }
}
