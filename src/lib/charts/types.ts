/**
 * The contract between chart specs (src/lib/charts), the build-time renderer
 * (charts/static.ts, for Figure.astro and the rest) and the browser upgrade
 * (src/scripts/model-figure.ts).
 */
import type { PlotOptions } from '@observablehq/plot';
import type { ParamKey, Values } from '../model/index.ts';

/** Every figure the site draws from the model. */
export type FigureId =
  | 'throughput-vs-segment'
  | 'time-breakdown'
  | 'memory-bus'
  | 'slowest-side'
  | 'receive-path'
  | 'measurements'
  | 'thread-numbers';

/** Pixel size a figure is drawn at. */
export interface FigureSize {
  width: number;
  height: number;
}

export type Theme = 'light' | 'dark';

/** One column of a table. */
export interface TableColumn {
  key: string;
  label: string;
  /**
   * The row field holding where this column's cells link to: an absolute URL, or a site path
   * (`m/<slug>/#p1`) that the page joins with its base. A row without it shows plain text.
   */
  link?: string;
}

/** The data a figure shows, as a table (its text alternative). */
export interface Table {
  columns: TableColumn[];
  rows: Record<string, string | number>[];
}

/** One entry of the legend an exported file draws (the page's figures label their marks directly). */
export interface LegendEntry {
  label: string;
  /** A #rrggbb colour from the palette, or 'currentColor' for text-coloured marks. */
  colour: string;
  /** How the swatch is drawn: a filled bar, a solid or dashed line, or a light band. */
  swatch: 'bar' | 'line' | 'dashed' | 'band';
}

/** What a figure needs besides the state. */
export interface FigureContext {
  /**
   * The unknown ranges that apply, drawn as bands (a preset's `bandKeys`).
   * Undefined: every range the parameter table marks unknown. []: none (no band is drawn).
   */
  bandKeys?: readonly ParamKey[] | undefined;
}

/** One figure: pure functions of the model state. */
export interface FigureDef {
  id: FigureId;
  /** Short title, e.g. "Throughput against segment size". */
  title: string;
  /**
   * Plot options for this state; marks built with Plot's mark functions. No DOM access. Laid
   * out for `size.width` as given; `height` is `size.height`, or more where a narrow width puts
   * words on lines of their own (the drawing then grows: pages show it at its own height, an
   * exported file scales it into its room).
   */
  options(values: Values, size: FigureSize, theme: Theme, context?: FigureContext): PlotOptions;
  /** One or two sentences stating the key numbers of this state, for the caption. */
  caption(values: Values, context?: FigureContext): string;
  /** The numbers drawn, rounded for reading. */
  table(values: Values, context?: FigureContext): Table;
  /**
   * The series drawn, as exported to CSV: numbers unrounded (the model's own), one row per
   * plotted point or bar. Absent: the CSV export uses `table()`.
   */
  series?(values: Values, context?: FigureContext): Table;
  /**
   * A diagram read one row at a time: its marks carry `step-row step-row-N` per row and its data
   * table lists the rows in order, so the page offers a stepper (`<figure-stepper>`).
   */
  stepped?: true;
  /**
   * Draws published numbers, not the model: every state gives the same chart, caption and
   * table, so the page's controls leave it alone (width and theme still redraw it), and an
   * exported file names no preset.
   */
  stateless?: true;
  /** The legend of an exported file: the series shown and their colours. Absent: no legend. */
  legend?(values: Values, theme: Theme, context?: FigureContext): LegendEntry[];
}
