// A line plot as a small SVG component on d3-scale and d3-shape: curves
// (thinned to min/max per pixel column), marked points for the user's numbers,
// shaded x-intervals, and a crosshair readout driven by the pointer or by the
// arrow keys when the plot has focus.
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { Curve } from '../curves/lossCurves';
import { PathCache } from '../curves/pathCache';
import { thinMinMax } from '../curves/thin';
import { setText } from '../ui/dom';
import { fmtNum, setAttrs, setChanged, svgEl, text, type Hue } from './svg';

export interface Series {
  label: string;
  curve: Curve;
  hue: Hue;
  dashed?: boolean;
}
export interface Marker {
  x: number;
  y: number;
  label: string;
  hue: Hue;
}
export interface Band {
  x0: number;
  x1: number;
  label: string;
}

export interface LinePlotSpec {
  width: number;
  xDomain: [number, number];
  yDomain: [number, number];
  series: Series[];
  markers?: Marker[];
  bands?: Band[];
  /** Labels x values in the readout and ticks (e.g. 10^t for a log10 axis). */
  xFormat?: (x: number) => string;
}

const MARGIN = { top: 10, right: 10, bottom: 30, left: 38 };

// Shared by all plots: a path depends on its curve, size and domains only.
const paths = new PathCache(48);

/** Linear interpolation of a curve at x (x ascending); NaN outside. */
export function valueAt(curve: Curve, x: number): number {
  const xs = curve.x;
  const n = xs.length;
  if (n === 0 || !(x >= xs[0]! && x <= xs[n - 1]!)) return NaN;
  let lo = 0,
    hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! <= x) lo = mid;
    else hi = mid;
  }
  const x0 = xs[lo]!,
    x1 = xs[hi]!;
  const t = x1 === x0 ? 0 : (x - x0) / (x1 - x0);
  return curve.y[lo]! + t * (curve.y[hi]! - curve.y[lo]!);
}

export class LinePlot {
  readonly svg: SVGSVGElement;
  readonly readout: HTMLElement;
  private spec: LinePlotSpec | null = null;
  private crosshairX: number | null = null;
  private readonly height: number;

  constructor(
    parent: HTMLElement,
    private readonly opts: {
      id: string;
      title: string;
      description: string;
      xLabel: string;
      yLabel: string;
      height?: number;
    },
  ) {
    this.height = opts.height ?? 180;
    const figure = document.createElement('figure');
    figure.className = 'plot';
    const caption = document.createElement('figcaption');
    caption.id = `${opts.id}-title`;
    caption.textContent = opts.title;
    figure.appendChild(caption);
    this.svg = svgEl('svg', {
      role: 'img',
      tabindex: 0,
      'aria-labelledby': caption.id,
      'aria-describedby': `${opts.id}-desc`,
      class: 'plot-svg',
      'data-plot': opts.id,
    });
    const desc = svgEl('desc', { id: `${opts.id}-desc` }, this.svg);
    desc.textContent = `${opts.description} Use the left and right arrow keys to move the readout.`;
    figure.appendChild(this.svg);
    this.readout = document.createElement('div');
    this.readout.className = 'readout';
    this.readout.setAttribute('aria-live', 'polite');
    figure.appendChild(this.readout);
    parent.appendChild(figure);

    this.svg.addEventListener('pointermove', (e) => this.onPointer(e));
    this.svg.addEventListener('pointerleave', () => {
      this.crosshairX = null;
      this.drawCrosshair();
    });
    this.svg.addEventListener('keydown', (e) => this.onKey(e));
  }

  private scales() {
    const spec = this.spec!;
    const x = scaleLinear()
      .domain(spec.xDomain)
      .range([MARGIN.left, spec.width - MARGIN.right]);
    const y = scaleLinear()
      .domain(spec.yDomain)
      .range([this.height - MARGIN.bottom, MARGIN.top]);
    return { x, y };
  }

  private staticKey = '';
  private readonly curveIds = new WeakMap<Curve, number>();
  private nextCurveId = 1;
  private staticLayer: SVGGElement | null = null;
  private markerLayer: SVGGElement | null = null;

  private curveId(c: Curve): number {
    let id = this.curveIds.get(c);
    if (id === undefined) {
      id = this.nextCurveId++;
      this.curveIds.set(c, id);
    }
    return id;
  }

  /**
   * Redraws the plot. Axes and curves are rebuilt only when they change (size,
   * domains, curves, bands); a slider move usually changes only the markers.
   */
  update(spec: LinePlotSpec): void {
    this.spec = spec;
    const key = JSON.stringify([
      spec.width,
      spec.xDomain,
      spec.yDomain,
      spec.bands ?? [],
      spec.series.map((s) => [this.curveId(s.curve), s.hue, s.dashed, s.label]),
    ]);
    if (key !== this.staticKey || !this.staticLayer) {
      this.staticKey = key;
      this.drawStatic(spec);
    }
    this.drawMarkers(spec);
    this.drawCrosshair();
  }

  private drawStatic(spec: LinePlotSpec): void {
    const { width } = spec;
    const h = this.height;
    const { x, y } = this.scales();
    const svg = this.svg;
    this.staticLayer?.remove();
    this.markerLayer?.remove();
    svg.setAttribute('viewBox', `0 0 ${width} ${h}`);
    svg.setAttribute('width', String(width));
    svg.setAttribute('height', String(h));
    const layer = svgEl('g', {}, svg);
    this.staticLayer = layer;
    this.markerLayer = svgEl('g', { class: 'markers' }, svg);
    const fx = spec.xFormat ?? ((v: number) => fmtNum(v));

    for (const b of spec.bands ?? []) {
      const x0 = x(Math.max(b.x0, spec.xDomain[0])),
        x1 = x(Math.min(b.x1, spec.xDomain[1]));
      if (!(x1 > x0)) continue;
      svgEl(
        'rect',
        { class: 'band', x: x0, y: MARGIN.top, width: x1 - x0, height: h - MARGIN.top - MARGIN.bottom },
        layer,
      );
      text(layer, x0 + 2, MARGIN.top + 10, b.label, { class: 'band-label' });
    }

    const axes = svgEl('g', { class: 'axis', 'aria-hidden': 'true' }, layer);
    svgEl('line', { x1: MARGIN.left, x2: width - MARGIN.right, y1: h - MARGIN.bottom, y2: h - MARGIN.bottom }, axes);
    svgEl('line', { x1: MARGIN.left, x2: MARGIN.left, y1: MARGIN.top, y2: h - MARGIN.bottom }, axes);
    for (const t of x.ticks(Math.max(2, Math.floor(width / 70)))) {
      svgEl('line', { x1: x(t), x2: x(t), y1: h - MARGIN.bottom, y2: h - MARGIN.bottom + 4 }, axes);
      text(axes, x(t), h - MARGIN.bottom + 14, fx(t), { 'text-anchor': 'middle' });
    }
    for (const t of y.ticks(4)) {
      svgEl('line', { class: 'grid', x1: MARGIN.left, x2: width - MARGIN.right, y1: y(t), y2: y(t) }, axes);
      text(axes, MARGIN.left - 4, y(t) + 3, fmtNum(t), { 'text-anchor': 'end' });
    }
    const midY = MARGIN.top + (h - MARGIN.top - MARGIN.bottom) / 2;
    text(axes, (MARGIN.left + width - MARGIN.right) / 2, h - 2, this.opts.xLabel, {
      'text-anchor': 'middle',
      class: 'axis-label',
    });
    text(axes, 10, midY, this.opts.yLabel, {
      'text-anchor': 'middle',
      class: 'axis-label',
      transform: `rotate(-90 10 ${midY})`,
    });

    // Curves, thinned to min/max per half pixel column; y clipped a little
    // beyond the domain so an infinite loss never reaches the path.
    svgEl('clipPath', { id: `${this.opts.id}-clip` }, layer).appendChild(
      svgEl('rect', {
        x: MARGIN.left,
        y: MARGIN.top,
        width: width - MARGIN.left - MARGIN.right,
        height: h - MARGIN.top - MARGIN.bottom,
      }),
    );
    const curves = svgEl('g', { 'clip-path': `url(#${this.opts.id}-clip)` }, layer);
    const [yLo, yHi] = spec.yDomain;
    const pad = (yHi - yLo) * 0.5;
    const columns = Math.max(1, Math.round((width - MARGIN.left - MARGIN.right) * 2));
    let pts: Float64Array = new Float64Array(0);
    const gen = line<number>()
      .digits(2)
      .x((i) => x(pts[i * 2]!))
      .y((i) => y(Math.min(yHi + pad, Math.max(yLo - pad, pts[i * 2 + 1]!))));
    const frame = JSON.stringify([width, this.height, spec.xDomain, spec.yDomain]);
    spec.series.forEach((s, k) => {
      const d = paths.get(`${this.curveId(s.curve)}|${this.opts.id}|${frame}`, () => {
        pts = thinMinMax(s.curve.x, s.curve.y, spec.xDomain[0], spec.xDomain[1], columns);
        const idx = Array.from({ length: pts.length / 2 }, (_, i) => i);
        return gen(idx) ?? '';
      });
      svgEl('path', { class: `series c-${s.hue}${s.dashed ? ' dashed' : ''}`, d, 'data-series': k }, curves);
    });

    const legend = svgEl('g', { class: 'legend', 'aria-hidden': 'true' }, layer);
    spec.series.forEach((s, k) => {
      const ly = MARGIN.top + 4 + k * 12;
      svgEl(
        'line',
        {
          class: `series c-${s.hue}${s.dashed ? ' dashed' : ''}`,
          x1: width - MARGIN.right - 110,
          x2: width - MARGIN.right - 96,
          y1: ly,
          y2: ly,
        },
        legend,
      );
      text(legend, width - MARGIN.right - 92, ly + 3, s.label);
    });
  }

  private drawMarkers(spec: LinePlotSpec): void {
    const layer = this.markerLayer!;
    const { x, y } = this.scales();
    const fx = spec.xFormat ?? ((v: number) => fmtNum(v));
    const [yLo, yHi] = spec.yDomain;
    const markers = (spec.markers ?? []).filter((m) => Number.isFinite(m.x) && Number.isFinite(m.y));
    while (layer.childNodes.length > markers.length) layer.lastChild!.remove();
    markers.forEach((m, i) => {
      let c = layer.childNodes[i] as SVGCircleElement | undefined;
      if (!c) {
        c = svgEl('circle', { r: 4 }, layer);
        svgEl('title', {}, c);
      }
      setChanged(c, 'class', `marker c-${m.hue}`);
      setChanged(c, 'cx', x(m.x).toFixed(2));
      setChanged(c, 'cy', y(Math.min(yHi, Math.max(yLo, m.y))).toFixed(2));
      setText(c.firstChild!, `${m.label}: (${fx(m.x)}, ${fmtNum(m.y)})`);
    });
  }

  private onPointer(e: PointerEvent): void {
    if (!this.spec) return;
    const rect = this.svg.getBoundingClientRect();
    const px = ((e.clientX - rect.left) / rect.width) * this.spec.width;
    const { x } = this.scales();
    const v = x.invert(px);
    this.crosshairX = Math.min(this.spec.xDomain[1], Math.max(this.spec.xDomain[0], v));
    this.drawCrosshair();
  }

  private onKey(e: KeyboardEvent): void {
    if (!this.spec || (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight')) return;
    e.preventDefault();
    const [a, b] = this.spec.xDomain;
    const step = (b - a) / 50;
    const cur = this.crosshairX ?? (a + b) / 2;
    this.crosshairX = Math.min(b, Math.max(a, cur + (e.key === 'ArrowRight' ? step : -step)));
    this.drawCrosshair();
  }

  private crosshair: SVGLineElement | null = null;

  // One crosshair line, moved in place (and kept on top of the static layer).
  private drawCrosshair(): void {
    if (!this.spec || this.crosshairX === null) {
      if (this.crosshair) this.crosshair.setAttribute('visibility', 'hidden');
      setText(this.readout, '');
      return;
    }
    const { x } = this.scales();
    const px = x(this.crosshairX);
    if (!this.crosshair) this.crosshair = svgEl('line', { class: 'crosshair' });
    if (this.crosshair.parentNode !== this.svg || this.svg.lastChild !== this.crosshair)
      this.svg.appendChild(this.crosshair);
    setAttrs(this.crosshair, {
      x1: px,
      x2: px,
      y1: MARGIN.top,
      y2: this.height - MARGIN.bottom,
      visibility: undefined,
    });
    const fx = this.spec.xFormat ?? ((v: number) => fmtNum(v));
    const parts = this.spec.series.map((s) => `${s.label} = ${fmtNum(valueAt(s.curve, this.crosshairX!))}`);
    setText(this.readout, `${this.opts.xLabel} = ${fx(this.crosshairX)}: ${parts.join(', ')}`);
  }
}
