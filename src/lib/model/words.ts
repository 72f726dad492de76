/**
 * Words for parameter values and results: the text of `aria-valuetext`, unit labels, the live
 * summary, what limits a side, and notices for values the model could not take. Pure; used
 * at build time (Controls.astro) and in the browser (controls.ts, knobs, figures); the
 * charts' own words (src/lib/charts/words.ts) take their bound labels from here.
 */
import type { Bound, Change, NumberParam, Param, Result } from './index.ts';

const WORDS: Record<string, readonly [singular: string, plural: string]> = {
  B: ['byte', 'bytes'],
  'Gbit/s': ['gigabit per second', 'gigabits per second'],
  'MB/s': ['megabyte per second', 'megabytes per second'],
  µs: ['microsecond', 'microseconds'],
  copies: ['copy', 'copies'],
  cores: ['core', 'cores'],
};

const plain = new Intl.NumberFormat('en', { maximumFractionDigits: 3 });

/** A value as digits with thousands separators ("65,535"). */
export function digits(value: number): string {
  return plain.format(value);
}

/** A parameter's unit in words, for a value ("megabytes per second"). */
export function unitWords(p: NumberParam, value = 2): string {
  const w = WORDS[p.unit];
  if (!w) return p.unit;
  return value === 1 ? w[0] : w[1];
}

/** A value in words for `aria-valuetext`: "250 megabytes per second", "70 percent". */
export function valueText(p: NumberParam, value: number): string {
  if (p.unit === 'fraction') return `${digits(Math.round(value * 1000) / 10)} percent`;
  return `${digits(value)} ${unitWords(p, value)}`;
}

const BOUND: Readonly<Record<Bound, string>> = {
  cpu: 'CPU-bound',
  memory: 'memory-bound',
  bus: 'I/O-bus-bound',
  link: 'link-bound',
};

/** What limits a side, as one word: "CPU-bound", "memory-bound". The charts say it the same way. */
export const boundLabel = (b: Bound): string => BOUND[b];

const SIDE = { rx: 'the receiver binds', tx: 'the sender binds', window: 'the window binds' } as const;

const gbps = (x: number): string => x.toFixed(2);

/** One sentence on a result: "Receive 0.90 Gbit/s (CPU-bound), send 1.40 (CPU-bound), end to end 0.90: the receiver binds." */
export function summary(r: Result): string {
  return (
    `Receive ${gbps(r.rx.gbps)} Gbit/s (${boundLabel(r.rx.bound)}), send ${gbps(r.tx.gbps)} (${boundLabel(r.tx.bound)}), ` +
    `end to end ${gbps(r.endToEnd.gbps)}: ${SIDE[r.endToEnd.bound]}.`
  );
}

const REASON: Record<Change['reason'], string> = {
  'not a number': 'is not a number',
  'below minimum': 'is below the minimum',
  'above maximum': 'is above the maximum',
  'not a whole number': 'is not a whole number',
  'not an option': 'is not an option',
};

/** A short notice for a value that had to be clamped: "99999 is above the maximum; using 65,536 B." */
export function changeNotice(p: Param, c: Change): string {
  const raw = typeof c.from === 'string' || typeof c.from === 'number' ? String(c.from) : undefined;
  // A hostile link can carry anything; quote only the start of it, and only what it said.
  const given = raw === undefined ? 'That value' : raw === '' ? 'An empty value' : `“${raw.length > 24 ? `${raw.slice(0, 24)}…` : raw}”`;
  const to =
    p.kind === 'choice'
      ? (p.options.find((o) => o.value === c.to)?.label ?? String(c.to))
      : `${digits(Number(c.to))} ${p.unit === 'fraction' ? '' : p.unit}`.trim();
  return `${given} ${REASON[c.reason]}; using ${to}.`;
}

/**
 * One notice for every value a link asked for and the model could not take, naming each
 * parameter: "Adjusted from the link: Receive copy bandwidth “99999” is above …". '' if none.
 */
export function linkNotice(changes: readonly Change[], lookup: (key: string) => Param | undefined): string {
  const parts = changes.flatMap((c) => {
    const p = lookup(c.key);
    return p ? [`${p.label}: ${changeNotice(p, c)}`] : [];
  });
  return parts.length === 0 ? '' : `Adjusted from the link. ${parts.join(' ')}`;
}
