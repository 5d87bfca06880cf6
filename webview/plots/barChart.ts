// Read-only grouped bars per class (p and q, contributions, the gradient q − p),
// diverging from zero when values are negative. One <title> per bar for hover.
import { scaleBand, scaleLinear } from 'd3-scale';
import { fmtNum, svgEl, text, type Hue } from './svg';

export interface BarSeries { label: string; values: number[]; hue: Hue }

const MARGIN = { top: 14, right: 8, bottom: 22, left: 38 };

export class BarChart {
  readonly svg: SVGSVGElement;
  readonly caption: HTMLElement;

  constructor(parent: HTMLElement, private readonly opts: { id: string; title: string; description: string; height?: number }) {
    const figure = document.createElement('figure');
    figure.className = 'plot';
    this.caption = document.createElement('figcaption');
    this.caption.id = `${opts.id}-title`;
    this.caption.textContent = opts.title;
    figure.appendChild(this.caption);
    this.svg = svgEl('svg', { role: 'img', 'aria-labelledby': this.caption.id, class: 'plot-svg', 'data-plot': opts.id });
    svgEl('desc', {}, this.svg).textContent = opts.description;
    figure.appendChild(this.svg);
    parent.appendChild(figure);
  }

  update(width: number, series: BarSeries[], classLabels: string[], note?: string, domain?: [number, number]): void {
    const h = this.opts.height ?? 140;
    const svg = this.svg;
    while (svg.lastChild && svg.lastChild.nodeName !== 'desc') svg.removeChild(svg.lastChild);
    svg.setAttribute('viewBox', `0 0 ${width} ${h}`);
    svg.setAttribute('width', String(width));
    svg.setAttribute('height', String(h));
    let lo = 0, hi = 0;
    for (const s of series) for (const v of s.values) if (Number.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
    if (domain) [lo, hi] = domain;
    if (hi === lo) hi = lo + 1;
    const y = scaleLinear().domain([lo, hi]).nice().range([h - MARGIN.bottom, MARGIN.top]);
    const x = scaleBand<number>().domain(classLabels.map((_, i) => i)).range([MARGIN.left, width - MARGIN.right]).padding(0.2);
    const inner = scaleBand<number>().domain(series.map((_, k) => k)).range([0, x.bandwidth()]).padding(0.05);
    const axes = svgEl('g', { class: 'axis', 'aria-hidden': 'true' }, svg);
    for (const t of y.ticks(4)) {
      svgEl('line', { class: 'grid', x1: MARGIN.left, x2: width - MARGIN.right, y1: y(t), y2: y(t) }, axes);
      text(axes, MARGIN.left - 4, y(t) + 3, fmtNum(t), { 'text-anchor': 'end' });
    }
    svgEl('line', { x1: MARGIN.left, x2: width - MARGIN.right, y1: y(0), y2: y(0) }, axes);
    const labelEvery = Math.max(1, Math.ceil(classLabels.length / Math.max(1, (width - MARGIN.left) / 24)));
    classLabels.forEach((l, i) => { if (i % labelEvery === 0) text(axes, x(i)! + x.bandwidth() / 2, h - MARGIN.bottom + 12, l, { 'text-anchor': 'middle' }); });
    series.forEach((s, k) => {
      s.values.forEach((v, i) => {
        const val = Number.isFinite(v) ? v : v > 0 ? hi : lo;
        const top = y(Math.max(0, val)), bottom = y(Math.min(0, val));
        const r = svgEl('rect', { class: `bar c-${s.hue}`, x: x(i)! + inner(k)!, y: top, width: inner.bandwidth(), height: Math.max(0.5, bottom - top) }, svg);
        svgEl('title', {}, r).textContent = `class ${classLabels[i]}: ${s.label} = ${fmtNum(v, 4)}`;
      });
    });
    const legend = svgEl('g', { class: 'legend', 'aria-hidden': 'true' }, svg);
    series.forEach((s, k) => {
      svgEl('rect', { class: `bar c-${s.hue}`, x: MARGIN.left + 4 + k * 90, y: 2, width: 8, height: 8 }, legend);
      text(legend, MARGIN.left + 15 + k * 90, 10, s.label);
    });
    if (note) text(svg, width - MARGIN.right, 10, note, { 'text-anchor': 'end', class: 'note' });
  }
}
