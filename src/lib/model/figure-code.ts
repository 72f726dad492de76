/**
 * Model numbers in Markdown, where no component can run: inline code of the form
 *
 *   `model STATE PATH DIGITS [UNIT]`
 *
 * STATE is a preset id, optionally with changed values (`quadrics-zc-both+mss=24576`); PATH is
 * a path into the model's result (figures.ts), optionally `/OTHER.PATH` (divide by another
 * number of the same state), `@PRESET` (divide by the same number of another preset) and
 * `*SCALE` (multiply), in that order; UNIT is the rest (`×` is written before the number).
 * `model quadrics-zc-rx rx.gbps 2 Gbit/s` prints "1.60 Gbit/s" while the model says so. The
 * Markdown pipeline (src/lib/model-values.ts) replaces the code with the number. Pure.
 */
import { figureValue, formatFigure, type ModelFigure } from './figures.ts';

/** What a `model …` code names: the figure, the digits and the unit. */
export interface FigureCode {
  readonly figure: ModelFigure;
  readonly digits: number;
  readonly unit: string | undefined;
}

const CODE = /^model\s+(\S+)\s+(\S+)\s+(\d)(?:\s+(.+))?$/;
const PATH = /^([A-Za-z][\w.]*)(?:\/([A-Za-z][\w.]*))?(?:@([a-z0-9-]+))?(?:\*([\d.]+))?$/;

/** Parses inline code; undefined when it is not a `model …` code. Throws on a malformed one. */
export function parseFigureCode(text: string): FigureCode | undefined {
  const t = text.trim();
  if (!/^model\s/.test(t)) return undefined;
  const m = CODE.exec(t);
  if (!m) throw new Error(`model value \`${t}\`: write \`model STATE PATH DIGITS [UNIT]\``);
  const [preset = '', ...changes] = (m[1] ?? '').split('+');
  const changed: Record<string, number | string> = {};
  for (const c of changes) {
    const [k, v] = c.split('=');
    if (!k || v === undefined || v === '') throw new Error(`model value \`${t}\`: "${c}" is not key=value`);
    changed[k] = /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
  }
  const p = PATH.exec(m[2] ?? '');
  if (!p) throw new Error(`model value \`${t}\`: "${m[2]}" is not PATH[/PATH][@PRESET][*SCALE]`);
  const figure: ModelFigure = {
    preset,
    at: p[1] ?? '',
    ...(changes.length > 0 ? { with: changed } : {}),
    ...(p[2] ? { over: p[2] } : {}),
    ...(p[3] ? { relativeTo: p[3] } : {}),
    ...(p[4] ? { scale: Number(p[4]) } : {}),
  };
  return { figure, digits: Number(m[3]), unit: m[4]?.trim() };
}

/** The text a figure prints: `1.60 Gbit/s`, `×1.8`, `64`. */
export function figureText(value: number, digits: number, unit: string | undefined): string {
  const n = formatFigure(value, digits);
  return unit === undefined ? n : unit === '×' ? `×${n}` : `${n} ${unit}`;
}

/** The attributes a printed model number carries, the same for <ModelValue> and `model …` code. */
export function figureAttributes(figure: ModelFigure): Record<string, string> {
  const changed = figure.with && Object.keys(figure.with).length > 0 ? figure.with : undefined;
  return {
    class: 'model-value',
    'data-preset': figure.preset,
    'data-at': figure.at,
    ...(changed ? { 'data-with': JSON.stringify(changed) } : {}),
    ...(figure.relativeTo ? { 'data-relative-to': figure.relativeTo } : {}),
    ...(figure.over ? { 'data-over': figure.over } : {}),
    ...(figure.scale === undefined ? {} : { 'data-scale': String(figure.scale) }),
    title: `computed by the model for the preset ${figure.preset}${changed ? ' with changes' : ''}${figure.relativeTo ? `, relative to ${figure.relativeTo}` : ''}`,
  };
}

/** Parses and evaluates a `model …` code: its text and attributes, or undefined for other code. */
export function renderFigureCode(text: string): { text: string; attributes: Record<string, string> } | undefined {
  const code = parseFigureCode(text);
  if (!code) return undefined;
  return { text: figureText(figureValue(code.figure), code.digits, code.unit), attributes: figureAttributes(code.figure) };
}
