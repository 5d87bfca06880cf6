// Turns a received pair into per-row target distributions and prediction
// vectors the interactive view can edit: a 2-D batch becomes its rows, class
// indices become one-hot rows, probabilities become logits (log q).
import { classify, isMatrix } from '../../src/core/index';
import type { PairPayload } from '../../src/protocol/visualizer';

export interface PairRows {
  targets: number[][];
  predictions: number[][];
  predictionKind: 'probabilities' | 'logits';
  classes: number;
}

/** Floor for log q when probabilities are turned into draggable logits (log 0 = −∞ cannot be dragged). */
export const MIN_PROBABILITY_FOR_LOGIT = 1e-12;

/** Probabilities or one-hot rows are shown as they are; logits and log-probabilities go through softmax. */
function kindOf(predictions: number[][]): 'probabilities' | 'logits' {
  const kind = classify(predictions.length === 1 ? predictions[0]! : predictions).kind;
  return kind === 'probabilities' || kind === 'one-hot' ? 'probabilities' : 'logits';
}

function oneHot(index: number, classes: number, where: string): number[] {
  if (!Number.isInteger(index) || index < 0 || index >= classes) {
    throw new Error(`${where}: class index ${index} is not an integer in 0…${classes - 1}`);
  }
  const row = new Array<number>(classes).fill(0);
  row[index] = 1;
  return row;
}

/** Splits a pair into rows; throws an Error saying what is wrong and where. */
export function pairRows(pair: PairPayload): PairRows {
  const predictions = isMatrix(pair.prediction) ? pair.prediction : [pair.prediction];
  const classes = predictions[0]!.length;
  let targets: number[][];
  if (isMatrix(pair.target)) {
    targets = pair.target;
  } else if (
    isMatrix(pair.prediction) &&
    pair.target.length === predictions.length &&
    (pair.target.length !== classes || classify(pair.target).kind === 'class-indices')
  ) {
    // One class index per row of the batch (the core's classify settles a square batch).
    targets = pair.target.map((t, i) => oneHot(t, classes, `target[${i}]`));
  } else if (!isMatrix(pair.prediction) && pair.target.length === 1 && classes > 1) {
    targets = [oneHot(pair.target[0]!, classes, 'target')];
  } else {
    targets = [pair.target];
  }
  if (targets.length === 1 && predictions.length > 1) targets = predictions.map(() => targets[0]!);
  if (targets.length !== predictions.length) {
    throw new Error(`target has ${targets.length} rows but prediction has ${predictions.length}`);
  }
  targets.forEach((t, i) => {
    if (t.length !== classes) throw new Error(`target row ${i} has ${t.length} classes but prediction has ${classes}`);
    t.forEach((v, j) => {
      if (!(v >= 0 && v <= 1)) throw new Error(`target[${i}][${j}] = ${v} is not a probability in [0, 1]`);
    });
  });
  predictions.forEach((row, i) =>
    row.forEach((v, j) => {
      if (!Number.isFinite(v) && !(v === 0)) throw new Error(`prediction[${i}][${j}] = ${v} is not a finite number`);
    }),
  );
  const predictionKind = pair.predictionKind ?? kindOf(predictions);
  return { targets, predictions, predictionKind, classes };
}

/** The logits to edit for one prediction row: the row itself, or log q for probabilities. */
export function logitsOf(row: number[], kind: 'probabilities' | 'logits'): number[] {
  return kind === 'logits' ? row.slice() : row.map((q) => Math.log(Math.max(q, MIN_PROBABILITY_FOR_LOGIT)));
}
