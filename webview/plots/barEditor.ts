// Draggable bars (the logits, or the predicted probabilities): each bar's top is
// a handle that the pointer drags and that is also an ARIA slider for the
// keyboard (arrows, Page Up/Down, Home/End). Elements are updated in place so
// a handle keeps focus and pointer capture while the whole view redraws.
import { scaleBand, scaleLinear } from 'd3-scale';
import { setText } from '../ui/dom';
import { fmtNum, setAttrs, svgEl, text, type Hue } from './svg';

export interface BarEditorSpec {
  width: number;
  values: number[];
  domain: [number, number];
  /** Keyboard step (arrow) and big step (Page Up/Down). */
  step: number;
  bigStep: number;
  hue: Hue;
  valueName: string;
  classLabels: string[];
}

const MARGIN = { top: 10, right: 8, bottom: 22, left: 38 };
const H = 150;

export class BarEditor {
  readonly svg: SVGSVGElement;
  private spec: BarEditorSpec | null = null;
  private bars: SVGRectElement[] = [];
  private handles: SVGRectElement[] = [];
  private labels: SVGTextElement[] = [];
  private axes: SVGGElement;
  private dragging: number | null = null;
  private axesKey = '';

  constructor(
    parent: HTMLElement,
    id: string,
    title: string,
    private readonly onChange: (index: number, value: number) => void,
  ) {
    const figure = document.createElement('figure');
    figure.className = 'plot';
    const caption = document.createElement('figcaption');
    caption.id = `${id}-title`;
    caption.textContent = title;
    figure.appendChild(caption);
    this.svg = svgEl('svg', {
      role: 'group',
      'aria-labelledby': caption.id,
      class: 'plot-svg editor',
      'data-plot': id,
    });
    this.axes = svgEl('g', { class: 'axis', 'aria-hidden': 'true' }, this.svg);
    figure.appendChild(this.svg);
    parent.appendChild(figure);
    this.svg.addEventListener('pointermove', (e) => this.onDrag(e));
    this.svg.addEventListener('pointerup', () => {
      this.dragging = null;
    });
    this.svg.addEventListener('pointercancel', () => {
      this.dragging = null;
    });
  }

  private scales() {
    const s = this.spec!;
    const y = scaleLinear()
      .domain(s.domain)
      .range([H - MARGIN.bottom, MARGIN.top])
      .clamp(true);
    const x = scaleBand<number>()
      .domain(s.values.map((_, i) => i))
      .range([MARGIN.left, s.width - MARGIN.right])
      .padding(0.25);
    return { x, y };
  }

  update(spec: BarEditorSpec): void {
    const rebuild = !this.spec || this.spec.values.length !== spec.values.length;
    this.spec = spec;
    const { x, y } = this.scales();
    // The axes depend on the size and the domain only: not redrawn during a drag.
    const axesKey = `${spec.width}|${spec.domain[0]}|${spec.domain[1]}`;
    if (axesKey !== this.axesKey) {
      this.axesKey = axesKey;
      setAttrs(this.svg, { viewBox: `0 0 ${spec.width} ${H}`, width: spec.width, height: H });
      this.axes.replaceChildren();
      for (const t of y.ticks(4)) {
        svgEl('line', { class: 'grid', x1: MARGIN.left, x2: spec.width - MARGIN.right, y1: y(t), y2: y(t) }, this.axes);
        text(this.axes, MARGIN.left - 4, y(t) + 3, fmtNum(t), { 'text-anchor': 'end' });
      }
      const zero = y(Math.min(spec.domain[1], Math.max(spec.domain[0], 0)));
      svgEl('line', { x1: MARGIN.left, x2: spec.width - MARGIN.right, y1: zero, y2: zero }, this.axes);
    }
    if (rebuild) this.build();
    spec.values.forEach((v, i) => {
      const top = y(Math.max(0, v)),
        bottom = y(Math.min(0, v));
      const bx = x(i)!,
        bw = x.bandwidth();
      setAttrs(this.bars[i]!, {
        x: bx,
        y: top,
        width: bw,
        height: Math.max(0.5, bottom - top),
        class: `bar c-${spec.hue}`,
      });
      const hy = y(v);
      setAttrs(this.handles[i]!, {
        x: bx - 2,
        y: hy - 5,
        width: bw + 4,
        height: 10,
        'aria-valuemin': spec.domain[0],
        'aria-valuemax': spec.domain[1],
        'aria-valuenow': v,
        'aria-valuetext': `${fmtNum(v, 4)}`,
        'aria-label': `${spec.valueName} of class ${spec.classLabels[i]}`,
      });
      setAttrs(this.labels[i]!, { x: bx + bw / 2, y: H - MARGIN.bottom + 12 });
      setText(this.labels[i]!, spec.classLabels[i] ?? String(i));
    });
  }

  private build(): void {
    for (const n of [...this.bars, ...this.handles, ...this.labels]) n.remove();
    const n = this.spec!.values.length;
    this.bars = [];
    this.handles = [];
    this.labels = [];
    for (let i = 0; i < n; i++) {
      // The bar body starts a drag too (the handle alone is a 10-pixel target):
      // the bar jumps to the pointer and its handle takes the keyboard focus.
      const bar = svgEl('rect', { class: 'bar' }, this.svg);
      bar.addEventListener('pointerdown', (e) => this.startDrag(i, e, true));
      this.bars.push(bar);
      this.labels.push(
        text(this.svg, 0, 0, '', { 'text-anchor': 'middle', class: 'tick-label', 'aria-hidden': 'true' }),
      );
    }
    for (let i = 0; i < n; i++) {
      const h = svgEl(
        'rect',
        { class: 'handle', role: 'slider', tabindex: 0, 'aria-orientation': 'vertical' },
        this.svg,
      );
      h.addEventListener('pointerdown', (e) => this.startDrag(i, e, false));
      h.addEventListener('keydown', (e) => this.onKey(i, e));
      this.handles.push(h);
    }
  }

  private startDrag(i: number, e: PointerEvent, jump: boolean): void {
    this.dragging = i;
    this.svg.setPointerCapture(e.pointerId);
    this.handles[i]?.focus();
    e.preventDefault();
    if (jump) this.onDrag(e);
  }

  private onDrag(e: PointerEvent): void {
    if (this.dragging === null || !this.spec) return;
    const rect = this.svg.getBoundingClientRect();
    const py = ((e.clientY - rect.top) / rect.height) * H;
    this.onChange(this.dragging, this.scales().y.invert(py));
  }

  private onKey(i: number, e: KeyboardEvent): void {
    const s = this.spec;
    if (!s) return;
    const v = s.values[i]!;
    let next: number;
    switch (e.key) {
      case 'ArrowUp':
      case 'ArrowRight':
        next = v + s.step;
        break;
      case 'ArrowDown':
      case 'ArrowLeft':
        next = v - s.step;
        break;
      case 'PageUp':
        next = v + s.bigStep;
        break;
      case 'PageDown':
        next = v - s.bigStep;
        break;
      case 'Home':
        next = s.domain[0];
        break;
      case 'End':
        next = s.domain[1];
        break;
      default:
        return;
    }
    e.preventDefault();
    this.onChange(i, Math.min(s.domain[1], Math.max(s.domain[0], next)));
  }
}
