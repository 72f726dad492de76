/**
 * Figures drawn at build time, all through here: article figures, embed pages, the
 * downloadable files and the Open Graph cards. Names a state (a preset and/or values over
 * it), resolves it and its bands by one rule, and draws with one linkedom document, made on
 * first use and reused (renderFigure's output does not depend on what was drawn before).
 */
import { parseHTML } from 'linkedom';
import { clamp, defaults, presetById, presetValues, type ParamKey, type Preset, type Values } from '../model/index.ts';
import { bandKeysFor, presetMatching } from '../model/compare.ts';
import { exportSvg, SVG_LAYOUT, type ExportOptions } from './export.ts';
import { figures, isFigureId } from './index.ts';
import { renderFigure } from './render.ts';
import type { FigureDef, FigureId, FigureSize, Table, Theme } from './types.ts';
import { toXml } from './xml.ts';

/** A state to draw a figure at. */
export interface StaticState {
  /** A preset id: its values are the base, and its bands the figure's own list (see `resolveFigure`). */
  readonly preset?: string | undefined;
  /** Values over the base (the preset's, else the model defaults); clamped to the model's ranges. */
  readonly values?: Partial<Values> | undefined;
  /** The figure's own list of bands: the bands drawn are narrowed to it. Default: the preset's. */
  readonly bandKeys?: readonly ParamKey[] | undefined;
}

/** A figure at a state, resolved. */
export interface ResolvedFigure {
  readonly id: FigureId;
  readonly def: FigureDef;
  /** The named preset, if any. */
  readonly preset: Preset | undefined;
  /** The complete state drawn. */
  readonly values: Values;
  /** The unknown ranges drawn as bands (see `resolveFigure`). */
  readonly bandKeys: ParamKey[];
  /**
   * The list the bands are narrowed to (given, else the preset's; undefined: no narrowing).
   * A live figure narrows the page's bands to it (Figure.astro writes it as `data-band-keys`).
   */
  readonly ownBandKeys: readonly ParamKey[] | undefined;
}

/**
 * Resolves a figure and a state; throws on an unknown figure or preset.
 *
 * The band rule: the bands the live code draws on a page whose starting state is this one,
 * `bandKeysFor(values, presetMatching(values), values)`: the bands of the preset the values
 * equal, named or not (no two presets hold the same values), else every unknown range;
 * narrowed to the figure's own list as figure-live.ts narrows to `data-band-keys`. So the
 * static drawing is what the first live redraw draws, in articles and embeds alike.
 */
export function resolveFigure(id: string, state: StaticState = {}): ResolvedFigure {
  if (!isFigureId(id)) throw new Error(`staticFigure: unknown figure "${id}"`);
  const preset = state.preset === undefined ? undefined : presetById(state.preset);
  if (state.preset !== undefined && preset === undefined) throw new Error(`staticFigure ${id}: unknown preset "${state.preset}"`);
  const values = clamp({ ...(preset ? presetValues(preset) : defaults()), ...state.values }).values;
  const ownBandKeys = state.bandKeys ?? preset?.bandKeys;
  const live = bandKeysFor(values, presetMatching(values), values);
  const bandKeys = ownBandKeys === undefined ? live : live.filter((k) => ownBandKeys.includes(k));
  return { id, def: figures[id], preset, values, bandKeys, ownBandKeys };
}

let shared: Document | undefined;
/** The one build-time document every figure is drawn with (talk files draw their steps with it too). */
export function buildDocument(): Document {
  shared ??= parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
  return shared;
}

/** What to draw: the state, and how. */
export interface StaticOptions extends StaticState {
  /** Drawing size, px. Default the article size (`SVG_LAYOUT`, 720 × 400). */
  readonly size?: FigureSize | undefined;
  /** Palette. Default light. */
  readonly theme?: Theme | undefined;
  /** `html` (default): markup for a page. `xml`: well-formed XML, for an SVG document that nests it. */
  readonly markup?: 'html' | 'xml' | undefined;
}

/** A figure drawn at build time, with what a page shows beside it. */
export interface StaticFigure extends ResolvedFigure {
  readonly title: string;
  /** The <svg> markup. */
  readonly svg: string;
  readonly caption: string;
  readonly table: Table;
}

/** Draws a figure at a state (see `resolveFigure` for the state and its bands). */
export function staticFigure(id: string, options: StaticOptions = {}): StaticFigure {
  const figure = resolveFigure(id, options);
  const { def, values } = figure;
  const context = { bandKeys: figure.bandKeys };
  const svg = renderFigure(def, values, options.size ?? SVG_LAYOUT, options.theme ?? 'light', buildDocument(), context);
  return {
    ...figure,
    title: def.title,
    svg: options.markup === 'xml' ? toXml(svg) : svg.outerHTML,
    caption: def.caption(values, context),
    table: def.table(values, context),
  };
}

/** A figure at a state as a standalone SVG file (see `exportSvg`), drawn with the build document. */
export function staticFile(id: string, state: StaticState, options: Omit<ExportOptions, 'preset' | 'context' | 'document'>): string {
  const { def, values, preset, bandKeys } = resolveFigure(id, state);
  return exportSvg(def, values, { ...options, preset: preset?.id, context: { bandKeys }, document: buildDocument() });
}
