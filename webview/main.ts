// Entry of the visualizer webview (bundled to dist/webview.js, loaded by nonce).
// Wires the state, the view and the host channel together.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-radio/index.js';
import '@vscode-elements/elements/dist/vscode-radio-group/index.js';
import type { HostToWebview } from '../src/protocol/visualizer';
import { composeFigure, svgToPngBase64 } from './export/figure';
import { HostChannel } from './host';
import { debouncedSave } from './model/debouncedSave';
import { dataTables, toCsv, toMarkdown } from './model/exportData';
import { pairKey, reduce, restoreState, stateForPair, type Action, type ViewState } from './model/state';
import { frameScheduler } from './ui/frameScheduler';
import { CURVE_POINTS, VisualizerView } from './view';

const channel = new HostChannel(onHostMessage);
let state: ViewState = restoreState(channel.getState());

const root = document.getElementById('app') ?? document.body;
const view = new VisualizerView(root, {
  dispatch,
  selectRow(row) {
    frame.flush();
    const cur = view.current;
    if (!cur) return;
    dispatch({ type: 'selectRow', row, rows: cur.derived.rows });
    const src = state.pair.source;
    const range = src?.rowRanges?.[row] ?? src?.predictionRange;
    if (src && range) channel.post({ type: 'reveal', uri: src.uri, range });
  },
  exportFigure: (format) => void exportFigure(format),
  copyData(format) {
    frame.flush();
    const cur = view.current;
    if (!cur) return;
    const tables = dataTables(cur.derived, state.temperature, state.labelSmoothing);
    channel.post({ type: 'copyData', format, text: format === 'csv' ? toCsv(tables) : toMarkdown(tables) });
  },
});

// One redraw per frame, whatever the number of input events in it; the
// `redraw` performance measure lets the benchmark (or DevTools) time it.
function render(): void {
  performance.mark('redraw-start');
  try {
    view.render(state);
  } catch (e) {
    view.setMessage(`Cannot draw this pair: ${(e as Error).message}`);
  }
  performance.measure('redraw', 'redraw-start');
}
const frame = frameScheduler(render);
// Keep only the latest measures: the view lives for hours.
new PerformanceObserver(() => {
  if (performance.getEntriesByName('redraw').length > 1000) performance.clearMeasures('redraw');
}).observe({ entryTypes: ['measure'] });

// Drags dispatch dozens of actions a second; store the state once they settle,
// and at once when the page is hidden or thrown away.
const saver = debouncedSave(() => channel.setState(state), 150);
const persist = () => saver.request();
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') saver.flush();
});
window.addEventListener('pagehide', () => saver.flush());

function dispatch(action: Action): void {
  const next = reduce(state, action);
  if (next === state) return;
  state = next;
  frame.schedule();
  persist();
}

function onHostMessage(msg: HostToWebview): void {
  switch (msg.type) {
    case 'showPair': {
      // The host re-sends the last pair when the view comes back; keep the user's edits then.
      if (pairKey(msg.pair) === state.pairKey) return;
      try {
        state = stateForPair(msg.pair, state);
        view.setMessage('');
      } catch (e) {
        view.setMessage(`Cannot show this pair: ${(e as Error).message}`);
        return;
      }
      frame.schedule();
      persist();
      return;
    }
    case 'exportResult':
    case 'copyResult':
      view.setStatus(msg.detail);
      return;
  }
}

async function exportFigure(format: 'svg' | 'png'): Promise<void> {
  frame.flush();
  try {
    const body = getComputedStyle(document.body);
    const fig = composeFigure(
      view.figureSvgs().filter((s) => !s.closest('[hidden]')),
      body.backgroundColor || 'white',
      body.color || 'black',
    );
    const suggestedName = `entropy-lens-figure.${format}`;
    if (format === 'svg') channel.post({ type: 'saveFigure', format, svg: fig.svg, suggestedName });
    else
      channel.post({
        type: 'saveFigure',
        format,
        pngBase64: await svgToPngBase64(fig.svg, fig.width, fig.height),
        suggestedName,
      });
  } catch (e) {
    view.setStatus(`Export failed: ${(e as Error).message}`);
  }
}

// Size the plots to their section (the whole view, or one column of a wide
// one); redraw on theme change so high-contrast rules apply.
const plotArea = root.querySelector('section') ?? root;
const plotWidth = () => Math.max(220, Math.min(900, Math.floor(plotArea.clientWidth || document.body.clientWidth) - 4));
function measure(): void {
  const w = plotWidth();
  if (w !== view.width) {
    view.width = w;
    frame.schedule();
  }
}
new ResizeObserver(measure).observe(plotArea);
new MutationObserver(() => frame.schedule()).observe(document.body, { attributes: true, attributeFilter: ['class'] });

view.width = plotWidth();
render(); // the first draw is immediate: nothing to coalesce yet
document.body.dataset.curvePoints = String(CURVE_POINTS);
channel.post({ type: 'ready' });
