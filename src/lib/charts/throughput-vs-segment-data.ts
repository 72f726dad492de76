/**
 * The numbers of the throughput-against-segment-size figure (throughput-vs-segment.ts draws
 * them): its four lines (each side's current mode and its alternative) and their rates, the
 * segment sizes the lines and the bands are computed at, and the data table and series it
 * exports.
 */
import { band, bandAlong, type Band, clamp, PAGE_BYTES, paramFor, type ParamKey, type Values } from '../model/index.ts';
// One side at a time and no clamp per point: a line is ~100 points on every slider step.
import { receiveMBps, sendMBps } from '../model/throughput.ts';
import { lastOne, stateKey } from './memo.ts';
import type { FigureContext, Table } from './types.ts';
import { activeUnknowns, gbps } from './words.ts';

const MSS = paramFor('mss');
export const [X_MIN, X_MAX] = MSS?.kind === 'number' ? [MSS.min, MSS.max] : [256, 65536];
/** Line points per doubling of the segment size (plus every whole page and the current size). */
const LINE_STEPS = 8;
/**
 * Band points per doubling: band() tries every combination of unknowns at each point (80 side
 * evaluations for 2002's), so this is the figure's main cost; 3 keeps the kinks.
 */
const BAND_STEPS = 3;
/** Segment sizes the data table lists (the current size is added); all lie on the band grid. */
export const TABLE_SEGMENTS: readonly number[] = [512, 1024, 1448, 2048, 4096, 8192, 16384, 32768, 65536];

export type Side = 'tx' | 'rx';
export interface Line {
  readonly side: Side;
  readonly current: boolean;
  /** Direct label at the line's end. */
  readonly label: string;
  readonly patch: Partial<Values>;
  /** Page remap: the line only exists at whole pages (elsewhere the model copies). */
  readonly pagesOnly: boolean;
}

const SHORT: Readonly<Record<string, string>> = {
  copy: 'copy',
  sendfile: 'sendfile',
  'csum-copy': 'csum-copy',
  remap: 'remap',
  direct: 'direct',
};

/** The four lines: each side's current mode and its alternative. */
export function lineSpecs(v: Values): Line[] {
  const txAlt: Partial<Values> = v.txMode === 'copy' ? { txMode: 'sendfile', txCsum: 'offload' } : { txMode: 'copy' };
  const rxAlt: Partial<Values> = v.rxMode === 'copy' || v.rxMode === 'csum-copy' ? { rxMode: 'direct' } : { rxMode: 'copy' };
  const spec = (side: Side, current: boolean, patch: Partial<Values>): Line => {
    const mode = side === 'tx' ? (patch.txMode ?? v.txMode) : (patch.rxMode ?? v.rxMode);
    return {
      side,
      current,
      patch,
      label: `${side === 'tx' ? 'send' : 'receive'}, ${SHORT[mode] ?? mode}`,
      pagesOnly: side === 'rx' && mode === 'remap',
    };
  };
  return [spec('tx', true, {}), spec('tx', false, txAlt), spec('rx', true, {}), spec('rx', false, rxAlt)];
}

/** X_MIN × 2^(k/steps) up to X_MAX, rounded: every power of two in range is on it. */
function logGrid(steps: number): number[] {
  const n = Math.round(Math.log2(X_MAX / X_MIN) * steps);
  return Array.from({ length: n + 1 }, (_, k) => Math.round(X_MIN * 2 ** (k / steps)));
}

const pages = (): number[] => Array.from({ length: Math.floor(X_MAX / PAGE_BYTES) }, (_, i) => (i + 1) * PAGE_BYTES);
const sorted = (xs: Iterable<number>): number[] => [...new Set(xs)].sort((a, b) => a - b);
/** The segment sizes the lines are drawn at (the current size included). */
export const lineGrid = (v: Values): number[] => sorted([...logGrid(LINE_STEPS), ...pages(), v.mss]);

/** Keys the bands vary: the segment size is the x axis here, so it is shaded, not banded. */
export const bandKeysOf = (context: FigureContext | undefined): ParamKey[] => activeUnknowns(context?.bandKeys).filter((k) => k !== 'mss');

/**
 * A line's rates (Gbit/s) at each segment size of `xs`; `v` must be clamped (see `clamp`). One
 * working state is changed in place from size to size: a line has dozens of points a step.
 */
export function lineRates(v: Values, line: Line, xs: readonly number[]): number[] {
  const w: Values = { ...v, ...line.patch };
  const mbps = line.side === 'tx' ? sendMBps : receiveMBps;
  return xs.map((mss) => {
    w.mss = mss;
    return (mbps(w) * 8) / 1000;
  });
}

/** A line's rate at one segment size (see `lineRates`). */
export const rate = (v: Values, line: Line, mss: number): number => lineRates(v, line, [mss])[0]!;

/** Whole-page points only for remap lines (elsewhere remap falls back to copying). */
export const onLine = (line: Line, x: number): boolean => !line.pagesOnly || x % PAGE_BYTES === 0;

interface BandRow {
  x: number;
  txMin: number;
  txMax: number;
  rxMin: number;
  rxMax: number;
}

const toRow = (x: number, b: Band): BandRow => ({ x, txMin: b.tx.min, txMax: b.tx.max, rxMin: b.rx.min, rxMax: b.rx.max });
const bandRow = (v: Values, keys: readonly ParamKey[], x: number): BandRow => toRow(x, band({ ...v, mss: x }, keys));

/** The bands over the grid; independent of the current segment size, so a segment-size drag reuses them. */
export const bandRows = lastOne(
  (v: Values, keys: readonly ParamKey[]) => `${stateKey(v, 'mss')}/${keys.join()}`,
  (v: Values, keys: readonly ParamKey[]): BandRow[] => {
    const xs = sorted([...logGrid(BAND_STEPS), ...TABLE_SEGMENTS, ...(v.rxMode === 'remap' ? pages() : [])]);
    const bands = bandAlong(v, keys, 'mss', xs);
    return xs.map((x, i) => toRow(x, bands[i]!));
  },
);

/** The table's segment sizes for a state: the fixed sizes plus the current one. */
export function tableSegments(values: Values): number[] {
  return sorted([...TABLE_SEGMENTS, clamp(values).values.mss]);
}

/** A column label from a line's direct label: "Send, copy (Gbit/s)". */
const lineColumn = (l: Line): string => `${l.label.replace(/^./, (c) => c.toUpperCase())} (Gbit/s)`;

/** The band columns of the table and the series, when bands are drawn. */
const BAND_COLUMNS = [
  { key: 'txMin', label: 'Send band low (Gbit/s)' },
  { key: 'txMax', label: 'Send band high (Gbit/s)' },
  { key: 'rxMin', label: 'Receive band low (Gbit/s)' },
  { key: 'rxMax', label: 'Receive band high (Gbit/s)' },
];

export function table(values: Values, context?: FigureContext): Table {
  const v = clamp(values).values;
  const specs = lineSpecs(v);
  const keys = bandKeysOf(context);
  const columns = [{ key: 'mss', label: 'Segment payload (B)' }, ...specs.map((l, i) => ({ key: `line${i}`, label: lineColumn(l) }))];
  if (keys.length > 0) {
    columns.push(...BAND_COLUMNS);
  }
  const bands = keys.length === 0 ? [] : bandRows(v, keys);
  const rows = tableSegments(v).map((mss) => {
    const row: Record<string, string | number> = { mss };
    specs.forEach((l, i) => {
      row[`line${i}`] = gbps(rate(v, l, mss));
    });
    if (keys.length > 0) {
      const b = bands.find((r) => r.x === mss) ?? bandRow(v, keys, mss);
      Object.assign(row, { txMin: gbps(b.txMin), txMax: gbps(b.txMax), rxMin: gbps(b.rxMin), rxMax: gbps(b.rxMax) });
    }
    return row;
  });
  return { columns, rows };
}

/**
 * Every plotted point, unrounded: the lines at every segment size either the lines or the
 * bands are drawn at (the lines are exact model values anywhere; page remap only at whole
 * pages, blank elsewhere), the bands where they are computed (blank elsewhere).
 */
export function series(values: Values, context?: FigureContext): Table {
  const v = clamp(values).values;
  const specs = lineSpecs(v);
  const keys = bandKeysOf(context);
  const bands = keys.length === 0 ? [] : bandRows(v, keys);
  const columns = [{ key: 'mss', label: 'Segment payload (bytes)' }, ...specs.map((l, i) => ({ key: `line${i}`, label: lineColumn(l) }))];
  if (keys.length > 0) {
    columns.push(...BAND_COLUMNS);
  }
  const rows = sorted([...lineGrid(v), ...bands.map((b) => b.x)]).map((mss) => {
    const row: Record<string, string | number> = { mss };
    specs.forEach((l, i) => {
      row[`line${i}`] = onLine(l, mss) ? rate(v, l, mss) : '';
    });
    const b = bands.find((r) => r.x === mss);
    if (keys.length > 0) {
      const rxDrawn = b !== undefined && (v.rxMode !== 'remap' || mss % PAGE_BYTES === 0);
      Object.assign(row, {
        txMin: b?.txMin ?? '',
        txMax: b?.txMax ?? '',
        rxMin: rxDrawn ? b.rxMin : '',
        rxMax: rxDrawn ? b.rxMax : '',
      });
    }
    return row;
  });
  return { columns, rows };
}
