/**
 * The mapping between a parameter's value and its range input. Log-scale parameters run the
 * slider over log10(value) with 100 steps a decade (about 2.3 % a step), and a slider
 * position maps back to a value rounded to three significant digits, then to the table's
 * step, so arrow keys give readable values. Pure; used at build time and in the browser.
 */
import type { NumberParam } from './index.ts';

/** Slider step in log10 units for log-scale parameters. */
export const LOG_STEP = 0.01;

const isLog = (p: NumberParam): boolean => p.scale === 'log' && p.min > 0;

/** Decimal places of a step (0.01 → 2). */
const places = (step: number): number => (String(step).split('.')[1] ?? '').length;

/** A value snapped to the parameter's step and range. */
export function snap(p: NumberParam, value: number): number {
  const stepped = Math.round(value / p.step) * p.step;
  const fixed = Number(stepped.toFixed(places(p.step)));
  return Math.min(p.max, Math.max(p.min, p.integer ? Math.round(fixed) : fixed));
}

/** The range input's min, max and step attributes. */
export function sliderAttrs(p: NumberParam): { min: number; max: number; step: number } {
  if (!isLog(p)) return { min: p.min, max: p.max, step: p.step };
  const min = Math.log10(p.min);
  // Whole steps from min, so that the last step reaches the maximum (fromSlider clamps).
  const steps = Math.ceil((Math.log10(p.max) - min) / LOG_STEP - 1e-9);
  return { min, max: min + steps * LOG_STEP, step: LOG_STEP };
}

/** The range input's position for a value. */
export function toSlider(p: NumberParam, value: number): number {
  return isLog(p) ? Math.log10(value) : value;
}

/** The value for a range input position. */
export function fromSlider(p: NumberParam, position: number): number {
  if (!isLog(p)) return snap(p, position);
  return snap(p, Number((10 ** position).toPrecision(3)));
}
