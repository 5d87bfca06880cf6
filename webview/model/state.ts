// The visualizer's state and the pure transitions the controls cause. The state
// is what getState/setState persist, so it holds only plain JSON data.
import { validatePair, type PairPayload } from '../../src/protocol/visualizer';
import { CLIP_RULES, type ClipRule } from '../curves/lossCurves';
import { logitsOf, pairRows, type PairRows } from './rows';
import { rowLosses } from './derive';

export interface ViewState {
  version: 1;
  pair: PairPayload;
  /** Identity of the received pair, to tell a re-sent pair from a new one. */
  pairKey: string;
  row: number;
  /** The editable logits of the selected row (user edits included). */
  logits: number[];
  temperature: number;
  labelSmoothing: number;
  /** Total of the "shift all logits" moves since the pair arrived. */
  shift: number;
  clip: ClipRule;
  gradientLabel: 0 | 1;
  dragMode: 'logits' | 'probabilities';
}

export const TEMPERATURE_RANGE = { min: 0.1, max: 5 } as const;
export const SMOOTHING_RANGE = { min: 0, max: 0.5 } as const;
export const LOGIT_RANGE = { min: -12, max: 12 } as const;
export const PROBABILITY_RANGE = { min: 1e-6, max: 1 - 1e-6 } as const;

/** Shown before any pair arrives: three classes, true class 1, a fairly sure right guess. */
export const EXAMPLE_PAIR: PairPayload = {
  target: [0, 1, 0],
  prediction: [1.0, 2.5, -0.5],
  predictionKind: 'logits',
  label: 'example',
};

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

export function pairKey(pair: PairPayload): string {
  return JSON.stringify([pair.target, pair.prediction, pair.predictionKind ?? null, pair.source?.uri ?? null]);
}

/** The row a batch opens on: the worst loss, the top of the batch list (row 0 where the losses cannot be had). */
function firstRow(rows: PairRows): number {
  if (rows.predictions.length <= 1) return 0;
  try {
    return rowLosses(rows)[0]?.row ?? 0;
  } catch {
    return 0;
  }
}

/** A fresh state for a pair, on its worst row; throws (with a clear message) if the pair cannot be shown. */
export function stateForPair(pair: PairPayload, previous?: ViewState): ViewState {
  const rows = pairRows(pair);
  const row = firstRow(rows);
  return {
    version: 1,
    pair,
    pairKey: pairKey(pair),
    row,
    logits: logitsOf(rows.predictions[row]!, rows.predictionKind),
    temperature: 1,
    labelSmoothing: 0,
    shift: 0,
    clip: previous?.clip ?? 'math',
    gradientLabel: previous?.gradientLabel ?? 1,
    dragMode: previous?.dragMode ?? 'logits',
  };
}

export const initialState = (): ViewState => stateForPair(EXAMPLE_PAIR);

export type Action =
  | { type: 'setLogit'; index: number; value: number }
  | { type: 'setProbability'; index: number; value: number; current: number[] }
  | { type: 'shiftAll'; delta: number }
  | { type: 'setTemperature'; value: number }
  | { type: 'setLabelSmoothing'; value: number }
  | { type: 'setClip'; value: ClipRule }
  | { type: 'setGradientLabel'; value: 0 | 1 }
  | { type: 'setDragMode'; value: 'logits' | 'probabilities' }
  | { type: 'selectRow'; row: number; rows: PairRows }
  | { type: 'resetRow'; rows: PairRows };

export function reduce(state: ViewState, action: Action): ViewState {
  switch (action.type) {
    case 'setLogit': {
      if (!(action.index >= 0 && action.index < state.logits.length) || !Number.isFinite(action.value)) return state;
      const logits = state.logits.slice();
      logits[action.index] = clamp(action.value, LOGIT_RANGE.min, LOGIT_RANGE.max);
      return { ...state, logits };
    }
    case 'setProbability': {
      // Set q_i and rescale the other classes so q still sums to 1, then store
      // logits z = T·log q so that softmax(z / T) reproduces exactly that q.
      const { index, current } = action;
      if (!(index >= 0 && index < current.length) || !Number.isFinite(action.value) || current.length < 2) return state;
      const qi = clamp(action.value, PROBABILITY_RANGE.min, PROBABILITY_RANGE.max);
      const rest = current.reduce((s, v, j) => (j === index ? s : s + v), 0);
      const others = current.length - 1;
      const q = current.map((v, j) => (j === index ? qi : rest > 0 ? (v / rest) * (1 - qi) : (1 - qi) / others));
      const logits = q.map((v) => state.temperature * Math.log(Math.max(v, 1e-300)) + state.shift);
      return { ...state, logits };
    }
    case 'shiftAll': {
      if (!Number.isFinite(action.delta)) return state;
      return { ...state, logits: state.logits.map((z) => z + action.delta), shift: state.shift + action.delta };
    }
    case 'setTemperature':
      return Number.isFinite(action.value)
        ? { ...state, temperature: clamp(action.value, TEMPERATURE_RANGE.min, TEMPERATURE_RANGE.max) }
        : state;
    case 'setLabelSmoothing':
      return Number.isFinite(action.value)
        ? { ...state, labelSmoothing: clamp(action.value, SMOOTHING_RANGE.min, SMOOTHING_RANGE.max) }
        : state;
    case 'setClip':
      return CLIP_RULES.includes(action.value) ? { ...state, clip: action.value } : state;
    case 'setGradientLabel':
      return { ...state, gradientLabel: action.value === 0 ? 0 : 1 };
    case 'setDragMode':
      return { ...state, dragMode: action.value === 'probabilities' ? 'probabilities' : 'logits' };
    case 'selectRow': {
      const { row, rows } = action;
      if (!(Number.isInteger(row) && row >= 0 && row < rows.predictions.length)) return state;
      return { ...state, row, shift: 0, logits: logitsOf(rows.predictions[row]!, rows.predictionKind) };
    }
    case 'resetRow':
      return {
        ...state,
        shift: 0,
        temperature: 1,
        labelSmoothing: 0,
        logits: logitsOf(action.rows.predictions[state.row] ?? action.rows.predictions[0]!, action.rows.predictionKind),
      };
  }
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Restores a state saved with setState. Anything that does not check out (an
 * older version, hand-edited storage) gives the initial state instead.
 */
export function restoreState(saved: unknown): ViewState {
  try {
    if (typeof saved !== 'object' || saved === null) return initialState();
    const s = saved as Record<string, unknown>;
    if (s.version !== 1) return initialState();
    const pair = validatePair(s.pair);
    const base = stateForPair(pair);
    const rows = pairRows(pair);
    const row =
      Number.isInteger(s.row) && (s.row as number) >= 0 && (s.row as number) < rows.predictions.length
        ? (s.row as number)
        : 0;
    const logits =
      Array.isArray(s.logits) && s.logits.length === rows.classes && s.logits.every(isNum)
        ? (s.logits as number[])
        : logitsOf(rows.predictions[row]!, rows.predictionKind);
    return {
      ...base,
      row,
      logits,
      temperature: isNum(s.temperature) ? clamp(s.temperature, TEMPERATURE_RANGE.min, TEMPERATURE_RANGE.max) : 1,
      labelSmoothing: isNum(s.labelSmoothing) ? clamp(s.labelSmoothing, SMOOTHING_RANGE.min, SMOOTHING_RANGE.max) : 0,
      shift: isNum(s.shift) ? s.shift : 0,
      clip: CLIP_RULES.includes(s.clip as ClipRule) ? (s.clip as ClipRule) : 'math',
      gradientLabel: s.gradientLabel === 0 ? 0 : 1,
      dragMode: s.dragMode === 'probabilities' ? 'probabilities' : 'logits',
    };
  } catch {
    return initialState();
  }
}
