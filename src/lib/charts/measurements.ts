/**
 * Published measurements, 2002 to 2024, each beside the model's number for it: one row per
 * published rate (a dot), with a mark for the model whose shape and label say whether a
 * parameter was fitted to that number (calibration), the model reproduced it without one, or
 * it missed. Everything comes from fitAll() (src/lib/model/fit.ts), the page /model/fit/'s
 * source: published values and sources are the presets' `expected`, model values are
 * computed. Only rates are drawn; CPU figures and numbers derived by arithmetic are in the
 * table. The reader's model state plays no part (`stateless`).
 */
import * as Plot from '@observablehq/plot';
import { fitAll, type FitRow, type FitStatus, type PresetFit } from '../model/fit.ts';
import type { Preset } from '../model/index.ts';
import { SOURCE_FACTS, sourceYear } from '../model/sources.ts';
import { chartKey } from './key.ts';
import { FONT_SIZE, textWidth } from './layout.ts';
import { palette } from './theme.ts';
import type { FigureDef, FigureSize, Table, Theme } from './types.ts';
import { gbps } from './words.ts';

/** One published number against the model, as the table lists it. */
export interface Measurement {
  readonly preset: Preset;
  readonly row: FitRow;
  /** Its place in the preset's `expected`. */
  readonly index: number;
  readonly year: number | undefined;
  /** Drawn on the chart: a measured rate. */
  readonly drawn: boolean;
  /** The chart row it is drawn on (one per published rate: a source's number compared in several states shares it). */
  readonly label: string;
}

/** One chart row: a published rate and every comparison of the model with it. */
export interface MeasurementGroup {
  readonly label: string;
  readonly published: number;
  readonly relation: 'about' | 'over';
  readonly source: string;
  readonly year: number | undefined;
  readonly members: readonly Measurement[];
}

/**
 * What a row is, in a few words, by preset (and side where a preset has two published
 * rates). A preset missing here is named by its title.
 */
const ROW_NAMES: Readonly<Record<string, string>> = {
  'quadrics-2002/tx': 'Quadrics, send',
  'quadrics-2002/rx': 'Quadrics, receive',
  'tengig-2003': '10-Gigabit Ethernet',
  'tcp-mmap-2018-copy': 'tcp_mmap, copy',
  'tcp-mmap-2018-mmap': 'tcp_mmap, mmap',
  'zcrx-2024-epoll': 'epoll, separate cores',
  'zcrx-2024-zcrx': 'zcrx, separate cores',
  'zcrx-2024-epoll-same-core': 'epoll, one core',
  'zcrx-2024-zcrx-same-core': 'zcrx, one core',
};

/** The name of a row, by preset and side. */
export function rowName(preset: Preset, side: string): string {
  return ROW_NAMES[`${preset.id}/${side}`] ?? ROW_NAMES[preset.id] ?? preset.title;
}

/** Every published number of every preset, in preset order, each against the model. */
export function measurements(fits: readonly PresetFit[] = allFits()): Measurement[] {
  const labels = new Map<string, string>();
  return fits.flatMap((f) =>
    f.rows.map((row, index) => {
      const e = row.expectation;
      const year = sourceYear(e.source);
      const drawn = e.metric === 'gbps' && e.basis === 'measurement';
      const key = `${e.source}|${e.value}`;
      if (drawn && !labels.has(key)) labels.set(key, `${year ?? ''} ${rowName(f.preset, e.side)}`.trim());
      return { preset: f.preset, row, index, year, drawn, label: drawn ? labels.get(key)! : '' };
    }),
  );
}

/** The chart's rows: the drawn measurements grouped by published number, in order of first appearance. */
export function measurementGroups(list: readonly Measurement[] = measurements()): MeasurementGroup[] {
  const groups = new Map<string, Measurement[]>();
  for (const m of list.filter((x) => x.drawn)) groups.set(m.label, [...(groups.get(m.label) ?? []), m]);
  return [...groups.entries()].map(([label, members]) => {
    const e = members[0]!.row.expectation;
    return { label, published: e.value, relation: e.relation, source: e.source, year: members[0]!.year, members };
  });
}

let cached: PresetFit[] | undefined;
/** fitAll() once: the presets and the model do not change while a page is open. */
function allFits(): PresetFit[] {
  cached ??= fitAll();
  return cached;
}

const UNIT: Readonly<Record<FitRow['expectation']['metric'], string>> = {
  gbps: 'Gbit/s',
  appUsPerMB: 'µs per MB',
  cpuUsPerMB: 'µs per MB',
};
const QUANTITY = { tx: 'send', rx: 'receive', endToEnd: 'end to end' } as const;
const STATUS_WORD: Readonly<Record<FitStatus, string>> = { fitted: 'fitted', reproduced: 'reproduced', misfit: 'misfit' };

/** A published number as the source gives it ("over 4", "1.4"). */
const publishedText = (value: number, relation: 'about' | 'over'): string => `${relation === 'over' ? 'over ' : ''}${value}`;
/** A model number in the published number's unit: rates to two decimals, CPU per MB whole. */
const modelText = (r: FitRow): string => (r.expectation.metric === 'gbps' ? gbps(r.model) : Math.round(r.model).toString());
/** A relative error as a signed percentage to one decimal ("+0.1 %", "−23.0 %"). */
export const errorText = (x: number): string => {
  const text = (Math.abs(x) * 100).toFixed(1);
  return text === '0.0' ? '0.0 %' : `${x > 0 ? '+' : '−'}${text} %`;
};
const quantity = (r: FitRow): string =>
  r.expectation.metric === 'gbps'
    ? QUANTITY[r.expectation.side]
    : r.expectation.metric === 'appUsPerMB'
      ? 'reading thread’s CPU'
      : 'busiest core’s CPU';

const MARGIN = { marginRight: 14, marginBottom: 38 };
/** A row's height when its name stands above it (px). */
const ROW_ABOVE = 36;

function options(_v: unknown, size: FigureSize, theme: Theme): Plot.PlotOptions {
  const colours = palette(theme);
  const groups = measurementGroups();
  const model = (s: FitStatus): string => (s === 'misfit' ? colours.send : colours.receive);
  // Row names stand left of the rows; on a narrow chart, where they would not fit there, above them.
  const nameWidth = Math.max(...groups.map((g) => textWidth(g.label))) + 16;
  const above = nameWidth > size.width * 0.42;
  const marginLeft = above ? 14 : nameWidth;
  const plotW = size.width - marginLeft - MARGIN.marginRight;
  const values = groups.flatMap((g) => [g.published, ...g.members.map((m) => m.row.model)]);
  const lo = Math.min(...values) / 1.6;
  const hi = Math.max(...values) * 1.6;
  const frac = (x: number): number => Math.log(x / lo) / Math.log(hi / lo);
  const compact = plotW < 330;
  const label = (g: MeasurementGroup): string => {
    const shown = [...new Set(g.members.map((m) => modelText(m.row)))].join(' / ');
    const statuses = [...new Set(g.members.map((m) => m.row.status))];
    const words = statuses.map((s) =>
      s === 'misfit' ? `misfit, ${errorText(g.members.find((m) => m.row.status === s)!.row.error)}` : STATUS_WORD[s],
    );
    return compact ? words.join(', ') : `${publishedText(g.published, g.relation)} · model ${shown} · ${words.join(', ')}`;
  };
  const labelled = groups.map((g) => {
    const xs = [g.published, ...g.members.map((m) => m.row.model)];
    const right = frac(Math.max(...xs)) < 0.55;
    return { g, text: label(g), x: right ? Math.max(...xs) : Math.min(...xs), right };
  });
  const points = groups.flatMap((g) =>
    g.members.map((m) => ({ label: g.label, published: g.published, model: m.row.model, status: m.row.status })),
  );
  const halo = { stroke: colours.background, strokeWidth: 4, paintOrder: 'stroke', fill: 'currentColor' } as const;
  const ticks = [0.1, 1, 10, 100, 1000, 10000].filter((t) => t >= lo && t <= hi);
  // Shapes tell the verdicts apart (with the words beside each point), so the chart carries a key.
  const ring = (status: FitStatus) => ({ r: 5, fill: 'none', stroke: model(status), strokeWidth: 2 });
  const key = chartKey(
    [
      { label: 'published', r: 4, fill: 'currentColor', stroke: 'none', strokeWidth: 0 },
      { label: 'model, fitted (calibration)', ...ring('fitted') },
      { label: 'model, reproduced', symbol: 'diamond', ...ring('reproduced') },
      { label: 'model, misfit', symbol: 'times', ...ring('misfit') },
    ],
    size.width - 16,
  );
  const marginTop = key.marginTop;
  // A row under its name needs the two lines' height: the drawing grows for them.
  const height = above
    ? Math.max(size.height, Math.ceil(marginTop + ROW_ABOVE * (groups.length + 0.35) + MARGIN.marginBottom))
    : size.height;
  const statusMarks = (status: FitStatus, symbol: 'circle' | 'diamond' | 'times'): Plot.Markish =>
    Plot.dot(
      points.filter((p) => p.status === status),
      {
        x: 'model',
        y: 'label',
        symbol,
        r: status === 'fitted' ? 7.5 : 6,
        stroke: model(status),
        strokeWidth: status === 'misfit' ? 2.5 : 2,
        fill: 'none',
      },
    );
  return {
    width: size.width,
    height,
    ...MARGIN,
    marginTop,
    marginLeft,
    style: { fontSize: `${FONT_SIZE}px` },
    x: {
      type: 'log',
      domain: [lo, hi],
      ticks,
      tickFormat: (d: number) => String(d),
      grid: true,
      label: 'Gbit/s (log scale)',
      labelAnchor: 'center',
      labelArrow: 'none',
    },
    y: { domain: groups.map((g) => g.label), label: null, padding: 0.35, tickSize: 0, axis: above ? null : 'left' },
    marks: [
      ...(above
        ? [
            Plot.text(groups, {
              y: 'label',
              text: 'label',
              frameAnchor: 'left',
              textAnchor: 'start',
              lineAnchor: 'bottom',
              dy: -9,
              ...halo,
            }),
          ]
        : []),
      Plot.ruleY(groups, { y: 'label', stroke: 'currentColor', strokeOpacity: 0.12 }),
      Plot.link(points, {
        x1: 'published',
        x2: 'model',
        y1: 'label',
        y2: 'label',
        stroke: (p: (typeof points)[number]) => model(p.status),
        strokeWidth: 1.5,
      }),
      Plot.dot(groups, { x: 'published', y: 'label', r: 4, fill: 'currentColor' }),
      statusMarks('fitted', 'circle'),
      statusMarks('reproduced', 'diamond'),
      statusMarks('misfit', 'times'),
      ...[true, false].map((right) =>
        Plot.text(
          labelled.filter((l) => l.right === right),
          {
            x: 'x',
            y: (l: (typeof labelled)[number]) => l.g.label,
            text: 'text',
            textAnchor: right ? 'start' : 'end',
            dx: right ? 12 : -12,
            ...halo,
          },
        ),
      ),
      ...key.marks(marginLeft),
    ],
  };
}

/** The numbers in words: counts and the misfits, all computed. */
function caption(): string {
  const list = measurements();
  const groups = measurementGroups(list);
  const drawn = list.filter((m) => m.drawn);
  const count = (s: FitStatus): number => drawn.filter((m) => m.row.status === s).length;
  const years = [...new Set(groups.map((g) => g.year).filter((y): y is number => y !== undefined))].sort((a, b) => a - b);
  const span = years.length === 0 ? '' : years.length === 1 ? ` from ${years[0]}` : ` from ${years[0]} to ${years.at(-1)}`;
  const misfits = drawn
    .filter((m) => m.row.status === 'misfit')
    .map((m) => `${m.label} (published ${m.row.expectation.value}, model ${modelText(m.row)} Gbit/s, ${errorText(m.row.error)})`);
  const reproduced = count('reproduced');
  return [
    `${groups.length} published rates${span}, each a dot beside the model’s number for it.`,
    `Of ${drawn.length} comparisons with the model, ${count('fitted')} hit a number a parameter was fitted to: calibration, not evidence (a ring).`,
    reproduced === 0
      ? 'None is reproduced without a fitted parameter.'
      : `${reproduced} ${reproduced === 1 ? 'is' : 'are'} reproduced without one (a diamond).`,
    misfits.length === 0
      ? 'None misses.'
      : `${misfits.length} ${misfits.length === 1 ? 'misses' : 'miss'} (a cross): ${misfits.join('; ')}.`,
    'CPU figures and numbers derived by arithmetic are in the table only.',
  ].join(' ');
}

/** Every published number against the model, unrounded: what the CSV export carries. */
function series(): Table {
  return {
    columns: [
      { key: 'published', label: 'Published' },
      { key: 'relation', label: 'Relation' },
      { key: 'unit', label: 'Unit' },
      { key: 'quantity', label: 'Quantity' },
      { key: 'year', label: 'Year' },
      { key: 'source', label: 'Source' },
      { key: 'url', label: 'Source URL' },
      { key: 'preset', label: 'Model state' },
      { key: 'model', label: 'Model' },
      { key: 'error', label: 'Error (model ÷ published − 1)' },
      { key: 'status', label: 'Status' },
      { key: 'fitted', label: 'Fitted parameters' },
      { key: 'basis', label: 'Basis' },
      { key: 'drawn', label: 'Drawn' },
    ],
    rows: measurements().map((m) => {
      const e = m.row.expectation;
      return {
        published: e.value,
        relation: e.relation,
        unit: UNIT[e.metric],
        quantity: quantity(m.row),
        year: m.year ?? '',
        source: SOURCE_FACTS[e.source]?.name ?? new URL(e.source).hostname,
        url: e.source,
        preset: m.preset.id,
        model: m.row.model,
        error: m.row.error,
        status: m.row.status,
        fitted: e.fitted.join(' '),
        basis: e.basis,
        drawn: m.drawn ? 'yes' : '',
      };
    }),
  };
}

/** The data table: every published number, its source (linked), the model's number, the error and the verdict. */
function table(): Table {
  return {
    columns: [
      { key: 'published', label: 'Published' },
      { key: 'quantity', label: 'Quantity' },
      { key: 'year', label: 'Year' },
      { key: 'source', label: 'Source', link: 'url' },
      { key: 'state', label: 'Model state' },
      { key: 'model', label: 'Model' },
      { key: 'error', label: 'Error' },
      { key: 'status', label: 'Status' },
      { key: 'drawn', label: 'Drawn' },
    ],
    rows: measurements().map((m) => {
      const e = m.row.expectation;
      const unit = UNIT[e.metric];
      const fitted = e.fitted.length > 0 ? `fitted to it (${e.fitted.join(', ')}): calibration, not evidence` : '';
      return {
        published: `${publishedText(e.value, e.relation)} ${unit}`,
        quantity: quantity(m.row),
        year: m.year ?? '—',
        source: SOURCE_FACTS[e.source]?.name ?? new URL(e.source).hostname,
        url: e.source,
        state: m.preset.title,
        model: `${modelText(m.row)} ${unit}`,
        error: errorText(m.row.error),
        status:
          m.row.status === 'fitted' ? fitted : m.row.status === 'misfit' ? `misfit: ${e.misfit ?? 'outside tolerance'}` : 'reproduced',
        drawn: m.drawn ? `yes: ${m.label}` : e.metric === 'gbps' ? 'no: derived by arithmetic' : 'no: CPU, not a rate',
      };
    }),
  };
}

/** Published measurements, 2002–2024, beside the model's number for each. */
export const measurementsFigure: FigureDef = {
  id: 'measurements',
  title: 'Published measurements and the model',
  options,
  caption,
  table,
  series,
  stateless: true,
};
