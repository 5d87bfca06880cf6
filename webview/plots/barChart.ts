// Read-only grouped bars per class (p and q, contributions, the gradient q − p),
// diverging from zero when values are negative. One <title> per bar for hover.
import { scaleBand, scaleLinear } from 'd3-scale';
import { setText } from '../ui/dom';
import { fmtNum, setAttrs, setChanged, svgEl, text, type Hue } from './svg';

export interface BarSeries {
  label: string;
  values: number[];
  hue: Hue;
}

const MARGIN = { top: 14, right: 8, bottom: 22, left: 38 };

export class BarChart {
  readonly svg: SVGSVGElement;
  readonly caption: HTMLElement;

  constructor(
    parent: HTMLElement,
    private readonly opts: { id: string; title: string; description: string; height?: number },
  ) {
    const figure = document.createElement('figure');
    figure.className = 'plot';
    this.caption = document.createElement('figcaption');
    this.caption.id = `${opts.id}-title`;
    this.caption.textContent = opts.title;
    figure.appendChild(this.caption);
    this.svg = svgEl('svg', {
      role: 'img',
      'aria-labelledby': this.caption.id,
      class: 'plot-svg',
      'data-plot': opts.id,
    });
    svgEl('desc', {}, this.svg).textContent = opts.description;
    figure.appendChild(this.svg);
    parent.appendChild(figure);
  }

  private axesKey = '';
  private axes: SVGGElement | null = null;
  private legend: SVGGElement | null = null;
  private bars: SVGRectElement[] = [];
  private noteNode: SVGTextElement | null = null;

  /**
   * Redraws in place: the axes and legend are rebuilt only when the size, the
   * value range (after rounding to nice ticks), the classes or the series
   * change; the bars are reused and only their geometry and titles are written.
   */
  update(width: number, series: BarSeries[], classLabels: string[], note?: string, domain?: [number, number]): void {
    const h = this.opts.height ?? 140;
    const svg = this.svg;
    let lo = 0,
      hi = 0;
    for (const s of series)
      for (const v of s.values)
        if (Number.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
    if (domain) [lo, hi] = domain;
    if (hi === lo) hi = lo + 1;
    const y = scaleLinear()
      .domain([lo, hi])
      .nice()
      .range([h - MARGIN.bottom, MARGIN.top]);
    const [ylo, yhi] = y.domain() as [number, number];
    const x = scaleBand<number>()
      .domain(classLabels.map((_, i) => i))
      .range([MARGIN.left, width - MARGIN.right])
      .padding(0.2);
    const inner = scaleBand<number>()
      .domain(series.map((_, k) => k))
      .range([0, x.bandwidth()])
      .padding(0.05);

    const key = JSON.stringify([width, h, ylo, yhi, classLabels, series.map((s) => [s.label, s.hue])]);
    if (key !== this.axesKey || !this.axes) {
      this.axesKey = key;
      setAttrs(svg, { viewBox: `0 0 ${width} ${h}`, width, height: h });
      this.axes?.remove();
      this.legend?.remove();
      const axes = svgEl('g', { class: 'axis', 'aria-hidden': 'true' });
      svg.insertBefore(axes, svg.firstChild!.nextSibling); // after <desc>, under the bars
      this.axes = axes;
      for (const t of y.ticks(4)) {
        svgEl('line', { class: 'grid', x1: MARGIN.left, x2: width - MARGIN.right, y1: y(t), y2: y(t) }, axes);
        text(axes, MARGIN.left - 4, y(t) + 3, fmtNum(t), { 'text-anchor': 'end' });
      }
      svgEl('line', { x1: MARGIN.left, x2: width - MARGIN.right, y1: y(0), y2: y(0) }, axes);
      const labelEvery = Math.max(1, Math.ceil(classLabels.length / Math.max(1, (width - MARGIN.left) / 24)));
      classLabels.forEach((l, i) => {
        if (i % labelEvery === 0)
          text(axes, x(i)! + x.bandwidth() / 2, h - MARGIN.bottom + 12, l, { 'text-anchor': 'middle' });
      });
      const legend = svgEl('g', { class: 'legend', 'aria-hidden': 'true' }, svg);
      this.legend = legend;
      series.forEach((s, k) => {
        svgEl('rect', { class: `bar c-${s.hue}`, x: MARGIN.left + 4 + k * 90, y: 2, width: 8, height: 8 }, legend);
        text(legend, MARGIN.left + 15 + k * 90, 10, s.label);
      });
    }

    const count = series.length * classLabels.length;
    while (this.bars.length > count) this.bars.pop()!.remove();
    let n = 0;
    series.forEach((s, k) => {
      s.values.forEach((v, i) => {
        let r = this.bars[n];
        if (!r) {
          r = svgEl('rect', {});
          svgEl('title', {}, r);
          svg.insertBefore(r, this.legend);
          this.bars.push(r);
        }
        n++;
        const val = Number.isFinite(v) ? v : v > 0 ? yhi : ylo;
        const top = y(Math.max(0, val)),
          bottom = y(Math.min(0, val));
        setChanged(r, 'class', `bar c-${s.hue}`);
        setChanged(r, 'x', (x(i)! + inner(k)!).toFixed(2));
        setChanged(r, 'y', top.toFixed(2));
        setChanged(r, 'width', inner.bandwidth().toFixed(2));
        setChanged(r, 'height', Math.max(0.5, bottom - top).toFixed(2));
        setText(r.firstChild!, `class ${classLabels[i]}: ${s.label} = ${fmtNum(v, 4)}`);
      });
    });

    if (note) {
      if (!this.noteNode) this.noteNode = text(svg, 0, 10, '', { 'text-anchor': 'end', class: 'note' });
      setChanged(this.noteNode, 'x', String(width - MARGIN.right));
      setText(this.noteNode, note);
      this.noteNode.removeAttribute('visibility');
    } else if (this.noteNode) this.noteNode.setAttribute('visibility', 'hidden');
  }
}
