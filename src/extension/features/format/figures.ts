// Number and unit formatting shared by hover, lens, status bar and copy commands.
import type { Measure } from '../../../core';
import type { Unit } from '../../config';

/** The core reports nats; bits are nats / ln 2. */
export function inUnit(nats: number, unit: Unit): number {
  return unit === 'bits' ? nats / Math.LN2 : nats;
}

/** Short, stable rendering: 3 decimals, exponent for very small or large magnitudes, ∞ spelled out. */
export function fmt(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '∞';
  if (x === -Infinity) return '−∞';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a < 0.001 || a >= 1e5) return x.toExponential(2).replace('-', '−');
  return x.toFixed(3).replace('-', '−');
}

/** A figure (nats and bits) in the chosen unit. */
export function fmtIn(m: Measure, unit: Unit): string {
  return fmt(m[unit]);
}

/** Escapes text for Markdown so names or reasons cannot inject links, tables or HTML. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, (c) => `\\${c}`);
}

/** The label of an array in messages: its name, or where it is. */
export function arrayLabel(name: string | undefined, fallback: string): string {
  return name ? name : fallback;
}

/** A sum shown in a message: enough digits to see how far from 1 it is, no float noise (0.9, 0.98, 0.9999999). */
export function fmtSum(sum: number): string {
  return String(Number(sum.toPrecision(Math.abs(sum - 1) < 1e-3 ? 8 : 4)));
}
