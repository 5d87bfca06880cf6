// H(p, q) split into H(p) + KL(p‖q) as one horizontal stacked bar with numbers:
// the part of the loss no model can remove, and the part a better q would.
import { scaleLinear } from 'd3-scale';
import { setText } from '../ui/dom';
import { fmtNum, setAttrs, setChanged, svgEl, text } from './svg';

export class StackedBar {
  readonly svg: SVGSVGElement;

  constructor(parent: HTMLElement, id: string) {
    const figure = document.createElement('figure');
    figure.className = 'plot';
    const caption = document.createElement('figcaption');
    caption.id = `${id}-title`;
    caption.textContent = 'Cross-entropy H(p, q) = entropy H(p) + KL(p‖q)';
    figure.appendChild(caption);
    this.svg = svgEl('svg', { role: 'img', 'aria-labelledby': caption.id, class: 'plot-svg', 'data-plot': id });
    figure.appendChild(this.svg);
    parent.appendChild(figure);
  }

  private nodes: {
    title: SVGTitleElement;
    h: SVGRectElement;
    kl: SVGRectElement;
    hText: SVGTextElement;
    klText: SVGTextElement;
    total: SVGTextElement;
  } | null = null;
  private width = -1;

  /** Built once; a redraw only moves the two rectangles and rewrites the numbers. */
  update(width: number, entropy: number, kl: number): void {
    const h = 46;
    const svg = this.svg;
    if (!this.nodes) {
      this.nodes = {
        title: svgEl('title', {}, svg),
        h: svgEl('rect', { class: 'bar c-blue', y: 6, height: 16 }, svg),
        kl: svgEl('rect', { class: 'bar c-red', y: 6, height: 16 }, svg),
        hText: text(svg, 8, 38, '', { class: 'label c-blue-text' }),
        klText: text(svg, 0, 38, '', { class: 'label c-red-text', 'text-anchor': 'middle' }),
        total: text(svg, 0, 38, '', { 'text-anchor': 'end', class: 'label' }),
      };
    }
    const n = this.nodes;
    if (width !== this.width) {
      this.width = width;
      setAttrs(svg, { viewBox: `0 0 ${width} ${h}`, width, height: h });
      setAttrs(n.klText, { x: width / 2 });
      setAttrs(n.total, { x: width - 8 });
    }
    const total = entropy + kl;
    setText(n.title, `H(p, q) = ${fmtNum(total, 4)} nats = H(p) ${fmtNum(entropy, 4)} + KL ${fmtNum(kl, 4)}`);
    const x = scaleLinear()
      .domain([0, Number.isFinite(total) && total > 0 ? total : 1])
      .range([8, width - 8]);
    const e = Number.isFinite(entropy) ? Math.max(0, entropy) : 0;
    const k = Number.isFinite(kl) ? Math.max(0, kl) : 0;
    setChanged(n.h, 'x', x(0).toFixed(2));
    setChanged(n.h, 'width', Math.max(0, x(e) - x(0)).toFixed(2));
    setChanged(n.kl, 'x', x(e).toFixed(2));
    setChanged(n.kl, 'width', Math.max(0, x(e + k) - x(e)).toFixed(2));
    setText(n.hText, `H(p) ${fmtNum(entropy, 4)}`);
    setText(n.klText, `+ KL ${fmtNum(kl, 4)}`);
    setText(n.total, `= ${fmtNum(total, 4)} nats`);
  }
}
