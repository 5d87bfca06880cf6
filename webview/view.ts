// The visualizer view: lays out the sections once, then `render` redraws every
// component from the derived numbers after each state change.
import {
  bceVsLog10Prediction,
  bceVsPrediction,
  binaryCrossEntropy,
  CLIP_LABELS,
  departureBelow,
  gradientVsLogit,
  lossVsTrueClassProbability,
  type ClipRule,
} from './curves/lossCurves';
import { derive, type Derived } from './model/derive';
import { LOGIT_RANGE, SMOOTHING_RANGE, TEMPERATURE_RANGE, type Action, type ViewState } from './model/state';
import { BarChart } from './plots/barChart';
import { BarEditor } from './plots/barEditor';
import { LinePlot } from './plots/linePlot';
import { StackedBar } from './plots/stackedBar';
import { fmtNum } from './plots/svg';
import { BatchList } from './ui/batchList';
import { button, radioGroup, slider, type Choice, type Slider } from './ui/controls';
import { DataTable } from './ui/dataTable';
import { h, setText } from './ui/dom';
import { crossEntropyFormula, softmaxGradientFormula } from './ui/mathml';

/** Samples per curve before thinning to the pixel columns. */
export const CURVE_POINTS = 10_000;
const MAX_EDITABLE_CLASSES = 64;

export interface ViewActions {
  dispatch(action: Action): void;
  selectRow(row: number): void;
  exportFigure(format: 'svg' | 'png'): void;
  copyData(format: 'csv' | 'markdown'): void;
}

// Curves depend only on the clip rule and label, so they are sampled once each.
const memo = new Map<string, unknown>();
function cached<T>(key: string, f: () => T): T {
  if (!memo.has(key)) memo.set(key, f());
  return memo.get(key) as T;
}

export class VisualizerView {
  width = 320;
  private readonly title: HTMLElement;
  private readonly loss: HTMLElement;
  private readonly message: HTMLElement;
  private readonly dragMode: Choice<'logits' | 'probabilities'>;
  private readonly temperature: Slider;
  private readonly smoothing: Slider;
  private readonly shiftNote: HTMLElement;
  private readonly editor: BarEditor;
  private readonly editorNote: HTMLElement;
  private readonly pq: BarChart;
  private readonly contrib: BarChart;
  private readonly grad: BarChart;
  private readonly stacked: StackedBar;
  private readonly batch: BatchList;
  private readonly lossPlot: LinePlot;
  private readonly clip: Choice<ClipRule>;
  private readonly bcePlot: LinePlot;
  private readonly zoomPlot: LinePlot;
  private readonly gradLabel: Choice<'0' | '1'>;
  private readonly gradPlot: LinePlot;
  private readonly status: HTMLElement;
  private readonly table: DataTable;
  private last: { state: ViewState; derived: Derived } | null = null;

  constructor(
    root: HTMLElement,
    private readonly actions: ViewActions,
  ) {
    const head = h('header', { class: 'summary' }, root);
    this.title = h('p', { class: 'pair-title' }, head);
    this.loss = h('p', { class: 'loss', id: 'loss-readout', attrs: { 'aria-live': 'polite' } }, head);
    this.message = h('p', { class: 'message', attrs: { role: 'status' } }, head);

    const interact = h('section', { attrs: { 'aria-labelledby': 'interact-title' } }, root);
    h('h2', { id: 'interact-title', text: 'The current pair' }, interact);
    const controls = h('div', { class: 'controls' }, interact);
    this.dragMode = radioGroup(
      controls,
      'Drag',
      [
        { value: 'logits', label: 'logits' },
        { value: 'probabilities', label: 'probabilities' },
      ],
      (v) => actions.dispatch({ type: 'setDragMode', value: v }),
    );
    this.temperature = slider(
      controls,
      'temperature',
      'Temperature T',
      TEMPERATURE_RANGE.min,
      TEMPERATURE_RANGE.max,
      0.05,
      (v) => actions.dispatch({ type: 'setTemperature', value: v }),
    );
    this.smoothing = slider(
      controls,
      'smoothing',
      'Label smoothing ε',
      SMOOTHING_RANGE.min,
      SMOOTHING_RANGE.max,
      0.01,
      (v) => actions.dispatch({ type: 'setLabelSmoothing', value: v }),
    );
    const shiftRow = h('div', { class: 'control-row buttons' }, controls);
    h('span', { class: 'control-label', text: 'Shift all logits' }, shiftRow);
    button(shiftRow, '−1', () => actions.dispatch({ type: 'shiftAll', delta: -1 }), {
      'aria-label': 'Shift all logits by minus one',
      id: 'shift-down',
    });
    button(shiftRow, '+1', () => actions.dispatch({ type: 'shiftAll', delta: 1 }), {
      'aria-label': 'Shift all logits by plus one',
      id: 'shift-up',
    });
    button(shiftRow, 'Reset', () => actions.dispatch({ type: 'resetRow', rows: this.last!.derived.rows }), {
      secondary: '',
      id: 'reset',
    });
    this.shiftNote = h('p', { class: 'note', attrs: { 'aria-live': 'polite' } }, controls);

    this.editor = new BarEditor(interact, 'editor', 'Drag a bar (or focus it and use the arrow keys)', (i, v) =>
      this.onEdit(i, v),
    );
    this.editorNote = h('p', { class: 'note' }, interact);
    this.pq = new BarChart(interact, {
      id: 'pq',
      title: 'Target p and prediction q per class',
      description: 'Grouped bars of the target probability and the predicted probability for each class.',
    });
    this.contrib = new BarChart(interact, {
      id: 'contrib',
      title: 'Each class’s share of the loss, −p log q',
      description: 'Bars of each class contribution to the cross-entropy.',
    });
    softmaxGradientFormula(interact);
    this.grad = new BarChart(interact, {
      id: 'grad',
      title: 'Gradient of the loss with respect to the logits: q − p',
      description: 'Bars of softmax output minus target per class; they sum to zero.',
    });
    this.stacked = new StackedBar(interact, 'stacked');
    crossEntropyFormula(interact);
    this.batch = new BatchList(root, (row) => actions.selectRow(row));

    const curves = h('section', { attrs: { 'aria-labelledby': 'curves-title' } }, root);
    h('h2', { id: 'curves-title', text: 'Why cross-entropy' }, curves);
    this.lossPlot = new LinePlot(curves, {
      id: 'loss-vs-p',
      title: 'Loss against the probability of the true class',
      description:
        'Cross-entropy −log p rises without bound as p goes to 0; squared error (1 − p)² stays below 1. The dots are the current pair.',
      xLabel: 'p',
      yLabel: 'loss',
    });
    this.clip = radioGroup(
      curves,
      'Framework',
      (Object.keys(CLIP_LABELS) as ClipRule[]).map((r) => ({ value: r, label: CLIP_LABELS[r] })),
      (v) => actions.dispatch({ type: 'setClip', value: v }),
    );
    this.bcePlot = new LinePlot(curves, {
      id: 'bce',
      title: 'Binary cross-entropy against ŷ',
      description: 'BCE for label 1 is −log ŷ, for label 0 −log(1 − ŷ).',
      xLabel: 'ŷ',
      yLabel: 'BCE',
    });
    this.zoomPlot = new LinePlot(curves, {
      id: 'bce-zoom',
      title: 'Near ŷ = 0: where frameworks stop following the formula',
      description:
        'BCE for label 1 against log10 ŷ down to 1e-50; the shaded region is where the chosen framework clips or clamps, so the loss goes flat.',
      xLabel: 'log10 ŷ',
      yLabel: 'BCE',
    });
    this.gradLabel = radioGroup(
      curves,
      'Label y',
      [
        { value: '1', label: 'y = 1' },
        { value: '0', label: 'y = 0' },
      ],
      (v) => actions.dispatch({ type: 'setGradientLabel', value: v === '0' ? 0 : 1 }),
    );
    this.gradPlot = new LinePlot(curves, {
      id: 'grad-vs-z',
      title: 'Gradient against the logit z (sigmoid output)',
      description:
        'Cross-entropy gives σ(z) − y; squared error gives 2(σ(z) − y)σ(z)(1 − σ(z)), which vanishes when the sigmoid saturates even for a wrong answer.',
      xLabel: 'z',
      yLabel: '∂loss/∂z',
    });

    const out = h('section', { class: 'export', attrs: { 'aria-labelledby': 'export-title' } }, root);
    h('h2', { id: 'export-title', text: 'Export' }, out);
    const row = h('div', { class: 'control-row buttons' }, out);
    button(row, 'Save SVG', () => actions.exportFigure('svg'), { id: 'save-svg' });
    button(row, 'Save PNG', () => actions.exportFigure('png'), { id: 'save-png' });
    button(row, 'Copy CSV', () => actions.copyData('csv'), { secondary: '', id: 'copy-csv' });
    button(row, 'Copy Markdown', () => actions.copyData('markdown'), { secondary: '', id: 'copy-md' });
    this.status = h('p', { class: 'note', attrs: { role: 'status' } }, out);
    this.table = new DataTable(root);
  }

  /** The SVGs that make up the exported figure. */
  figureSvgs(): SVGSVGElement[] {
    return [
      this.editor.svg,
      this.pq.svg,
      this.contrib.svg,
      this.grad.svg,
      this.stacked.svg,
      this.lossPlot.svg,
      this.bcePlot.svg,
      this.zoomPlot.svg,
      this.gradPlot.svg,
    ];
  }

  setMessage(text: string): void {
    setText(this.message, text);
  }
  setStatus(text: string): void {
    this.status.textContent = text;
  }
  get current() {
    return this.last;
  }

  private onEdit(index: number, value: number): void {
    const last = this.last;
    if (!last) return;
    if (last.state.dragMode === 'logits') this.actions.dispatch({ type: 'setLogit', index, value });
    else this.actions.dispatch({ type: 'setProbability', index, value, current: last.derived.probabilities });
  }

  render(state: ViewState): Derived {
    const d = derive(state);
    this.last = { state, derived: d };
    const w = this.width;
    const labels = d.probabilities.map((_, i) => String(i));
    const src = state.pair.source;
    const rowsNote = d.rows.predictions.length > 1 ? ` · row ${state.row} of ${d.rows.predictions.length}` : '';
    setText(
      this.title,
      `${state.pair.label ?? 'pair'}${src ? ` · ${decodeURIComponent(src.uri.split('/').pop() ?? '')}` : ''}${rowsNote} · ${d.classes} classes, prediction as ${d.rows.predictionKind}`,
    );
    setText(this.loss, `H(p, q) = ${fmtNum(d.crossEntropy, 5)} nats`);
    setText(this.message, d.warnings.join(' '));

    this.dragMode.set(state.dragMode);
    this.temperature.set(state.temperature, state.temperature.toFixed(2));
    this.smoothing.set(state.labelSmoothing, state.labelSmoothing.toFixed(2));
    setText(
      this.shiftNote,
      state.shift === 0
        ? 'Adding the same number to every logit leaves softmax unchanged — try it.'
        : `Logits shifted by ${fmtNum(state.shift)}; softmax changed by at most ${fmtNum(d.shiftEffect, 2)} (rounding only).`,
    );

    const editable = d.classes <= MAX_EDITABLE_CLASSES;
    this.editor.svg.parentElement!.hidden = !editable;
    setText(
      this.editorNote,
      editable ? '' : `${d.classes} classes are too many to drag; the bars below and the data table show them all.`,
    );
    if (editable) {
      const logits = state.dragMode === 'logits';
      this.editor.update({
        width: w,
        values: logits ? d.logits : d.probabilities,
        domain: logits ? [LOGIT_RANGE.min, LOGIT_RANGE.max] : [0, 1],
        step: logits ? 0.1 : 0.01,
        bigStep: logits ? 1 : 0.1,
        hue: logits ? 'purple' : 'orange',
        valueName: logits ? 'logit' : 'probability',
        classLabels: labels,
      });
    }
    this.pq.update(
      w,
      [
        { label: 'target p', values: d.target, hue: 'blue' },
        { label: 'prediction q', values: d.probabilities, hue: 'orange' },
      ],
      labels,
      undefined,
      [0, 1],
    );
    this.contrib.update(
      w,
      [{ label: '−p log q', values: d.contributions, hue: 'red' }],
      labels,
      `Σ = ${fmtNum(d.crossEntropy, 4)}`,
    );
    this.grad.update(
      w,
      [{ label: 'q − p', values: d.gradient, hue: 'green' }],
      labels,
      `Σ = ${fmtNum(Math.abs(d.gradientSum) < 1e-12 ? 0 : d.gradientSum, 2)}${state.temperature !== 1 ? ` (÷T for ∂/∂z)` : ''}`,
    );
    this.stacked.update(w, d.entropy, d.kl);
    this.batch.update(d.rowLosses, state.row);

    const p = Math.min(1, Math.max(0, d.trueClassProbability));
    const lossCurves = cached('loss', () => lossVsTrueClassProbability(CURVE_POINTS));
    this.lossPlot.update({
      width: w,
      xDomain: [0, 1],
      yDomain: [0, 5],
      series: [
        { label: '−log p', curve: lossCurves.crossEntropy, hue: 'red' },
        { label: '(1 − p)²', curve: lossCurves.squaredError, hue: 'blue' },
      ],
      markers: [
        { x: p, y: -Math.log(p), label: 'cross-entropy', hue: 'red' },
        { x: p, y: (1 - p) * (1 - p), label: 'squared error', hue: 'blue' },
      ],
    });

    this.clip.set(state.clip);
    const bce = cached(`bce-${state.clip}`, () => bceVsPrediction(CURVE_POINTS, state.clip));
    this.bcePlot.update({
      width: w,
      xDomain: [0, 1],
      yDomain: [0, 8],
      series: [
        { label: 'y = 1', curve: bce.y1, hue: 'red' },
        { label: 'y = 0', curve: bce.y0, hue: 'blue' },
      ],
      markers: [{ x: p, y: binaryCrossEntropy(1, p, state.clip), label: 'current p (y = 1)', hue: 'red' }],
    });
    const zoomMath = cached('zoom-math', () => bceVsLog10Prediction(CURVE_POINTS, 'math'));
    const zoom = cached(`zoom-${state.clip}`, () => bceVsLog10Prediction(CURVE_POINTS, state.clip));
    const below = departureBelow(state.clip);
    const logP = Math.log10(Math.max(p, 1e-50));
    this.zoomPlot.update({
      width: w,
      xDomain: [-50, 0],
      yDomain: [0, 120],
      series:
        state.clip === 'math'
          ? [{ label: 'formula', curve: zoomMath, hue: 'red' }]
          : [
              { label: 'formula', curve: zoomMath, hue: 'fg', dashed: true },
              { label: state.clip, curve: zoom, hue: 'red' },
            ],
      bands: below === null ? [] : [{ x0: -50, x1: Math.log10(below), label: `${state.clip}: flat` }],
      markers: [{ x: logP, y: binaryCrossEntropy(1, Math.pow(10, logP), state.clip), label: 'current p', hue: 'red' }],
      xFormat: (t) => `${fmtNum(t)}`,
    });

    this.gradLabel.set(state.gradientLabel === 1 ? '1' : '0');
    const g = cached(`grad-${state.gradientLabel}`, () => gradientVsLogit(CURVE_POINTS, state.gradientLabel));
    const zEff = Math.log(p / (1 - p));
    this.gradPlot.update({
      width: w,
      xDomain: [-10, 10],
      yDomain: [-1.05, 1.05],
      series: [
        { label: 'CE: σ(z) − y', curve: g.crossEntropy, hue: 'red' },
        { label: 'MSE', curve: g.squaredError, hue: 'blue' },
      ],
      markers:
        state.gradientLabel === 1
          ? [
              { x: zEff, y: p - 1, label: 'current (CE)', hue: 'red' },
              { x: zEff, y: 2 * (p - 1) * p * (1 - p), label: 'current (MSE)', hue: 'blue' },
            ]
          : [],
    });
    this.table.update(d);
    return d;
  }
}
