/**
 * How figures put model numbers into words: rounding, limits, the unknown ranges.
 */
import { paramFor, params, type Bound, type EndToEnd, type ParamKey } from '../model/index.ts';
import { withBase } from '../routes.ts';
import type { Table, TableColumn } from './types.ts';

/** Gbit/s to two decimals ("0.90"). */
export const gbps = (x: number): string => x.toFixed(2);
/** µs: two decimals below 1, one below 100, else whole ("0.28", "16.4", "262"). */
export const micros = (x: number): string => (x === 0 ? '0' : x < 1 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : Math.round(x).toString());
const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
/** MB/s: one decimal below 10, whole below 10,000, then grouped ("24,375"). */
export const megabytes = (x: number): string =>
  x < 10 ? x.toFixed(1) : x < 10000 ? Math.round(x).toString() : GROUPED.format(Math.round(x));
/** A count of memory-bus crossings ("1 crossing", "4 crossings"). */
export const crossings = (n: number): string => `${n} crossing${n === 1 ? '' : 's'}`;
/** A fraction as a whole percentage ("82 %"). */
export const percent = (x: number): string => `${Math.round(x * 100)} %`;

/**
 * A figure's data table for reading: its unrounded series with the numbers of the named
 * columns rounded by their formatter, keeping only the columns in `keep` (default: all).
 */
export function readable(series: Table, format: Readonly<Record<string, (x: number) => string>>, keep?: readonly string[]): Table {
  const columns = keep === undefined ? series.columns : series.columns.filter((c) => keep.includes(c.key));
  return {
    columns,
    rows: series.rows.map((row) =>
      Object.fromEntries(
        columns.map(({ key }) => {
          const x = row[key] ?? '';
          const f = format[key];
          return [key, f !== undefined && typeof x === 'number' ? f(x) : x];
        }),
      ),
    ),
  };
}

/**
 * Where a table cell links (its column's `link` field of the row): an absolute URL as it is,
 * a site path joined with `base`; undefined for a plain cell.
 */
export function cellLink(row: Table['rows'][number], column: TableColumn, base: string): string | undefined {
  const target = column.link === undefined ? undefined : row[column.link];
  if (target === undefined || target === '') return undefined;
  const t = String(target);
  return /^[a-z][a-z0-9+.-]*:/i.test(t) ? t : withBase(base, t);
}

const LIMIT: Readonly<Record<Bound, string>> = {
  cpu: 'CPU',
  memory: 'the memory bus',
  bus: 'the I/O bus',
  link: 'the link',
};

/** "limited by CPU". */
export const limitedBy = (b: Bound): string => `limited by ${LIMIT[b]}`;
export { boundLabel } from '../model/words.ts';
/** "the receiver", "the sender", "window ÷ RTT". */
export const setBy = (b: EndToEnd['bound']): string => (b === 'rx' ? 'the receiver' : b === 'tx' ? 'the sender' : 'window ÷ RTT');

/** What each unknown parameter stands for, in the order captions list them. */
const UNKNOWN_NAMES: readonly (readonly [string, readonly ParamKey[]])[] = [
  ['node CPU', ['txSegUs', 'rxSegUs', 'txCopyMBps', 'rxCopyMBps', 'csumMBps']],
  ['Elan IP MTU', ['mss']],
  ['checksum handling', ['txCsum', 'rxCsum']],
  ['memory bus', ['memMBps']],
];

/** Every key the parameter table gives an unknown range. */
export const UNKNOWN_KEYS: readonly ParamKey[] = params.filter((p) => p.unknown !== undefined).map((p) => p.key);

/** The unknown keys that apply: the given ones that have a range, or all of them. */
export function activeUnknowns(bandKeys: readonly ParamKey[] | undefined): ParamKey[] {
  return bandKeys === undefined ? [...UNKNOWN_KEYS] : UNKNOWN_KEYS.filter((k) => bandKeys.includes(k));
}

/** "unknown node CPU, checksum handling and memory bus" (empty string for no keys). */
export function unknownWords(keys: readonly ParamKey[]): string {
  const names = UNKNOWN_NAMES.filter(([, ks]) => ks.some((k) => keys.includes(k))).map(([n]) => n);
  if (names.length === 0) return '';
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
  return `unknown ${list}`;
}

/** A numeric parameter's unknown range, if it has one. */
export function unknownRange(key: ParamKey): { min: number; max: number } | undefined {
  const p = paramFor(key);
  return p?.kind === 'number' && p.unknown !== undefined ? { min: p.unknown.min, max: p.unknown.max } : undefined;
}

/** Parses a comma-separated list of band keys (a `data-band-keys` attribute); undefined stays undefined. */
export function parseBandKeys(attr: string | undefined): ParamKey[] | undefined {
  if (attr === undefined) return undefined;
  const wanted = attr.split(',').map((s) => s.trim());
  return UNKNOWN_KEYS.filter((k) => wanted.includes(k));
}

/** The table's label for a send or receive mode ("read() copy", "sendfile() zero-copy"). */
export function modeLabel(key: 'txMode' | 'rxMode', value: string): string {
  const p = paramFor(key);
  return (p?.kind === 'choice' ? p.options.find((o) => o.value === value)?.label : undefined) ?? value;
}
