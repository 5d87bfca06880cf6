// H(p, q) split into H(p) + KL(p‖q) as one horizontal stacked bar with numbers:
// the part of the loss no model can remove, and the part a better q would.
import { scaleLinear } from 'd3-scale';
import { fmtNum, svgEl, text } from './svg';

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

  update(width: number, entropy: number, kl: number): void {
    const h = 46;
    const svg = this.svg;
    svg.replaceChildren();
    svg.setAttribute('viewBox', `0 0 ${width} ${h}`);
    svg.setAttribute('width', String(width));
    svg.setAttribute('height', String(h));
    const total = entropy + kl;
    svgEl('title', {}, svg).textContent = `H(p, q) = ${fmtNum(total, 4)} nats = H(p) ${fmtNum(entropy, 4)} + KL ${fmtNum(kl, 4)}`;
    const x = scaleLinear().domain([0, Number.isFinite(total) && total > 0 ? total : 1]).range([8, width - 8]);
    const e = Number.isFinite(entropy) ? Math.max(0, entropy) : 0;
    const k = Number.isFinite(kl) ? Math.max(0, kl) : 0;
    svgEl('rect', { class: 'bar c-blue', x: x(0), y: 6, width: Math.max(0, x(e) - x(0)), height: 16 }, svg);
    svgEl('rect', { class: 'bar c-red', x: x(e), y: 6, width: Math.max(0, x(e + k) - x(e)), height: 16 }, svg);
    text(svg, 8, 38, `H(p) ${fmtNum(entropy, 4)}`, { class: 'label c-blue-text' });
    text(svg, width / 2, 38, `+ KL ${fmtNum(kl, 4)}`, { class: 'label c-red-text', 'text-anchor': 'middle' });
    text(svg, width - 8, 38, `= ${fmtNum(total, 4)} nats`, { 'text-anchor': 'end', class: 'label' });
  }
}
