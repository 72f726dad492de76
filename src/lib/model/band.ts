/**
 * Bands for what nobody knows: the model run over the ranges the table marks `unknown`
 * (node CPU, Elan IP MTU, driver checksum handling, memory), so figures draw a band
 * instead of pretending to a line.
 */
import { clamp } from './clamp.ts';
import { params, type Param, type ParamKey, type Values } from './params.ts';
import { PAGE_BYTES, receiveMBps, sendMBps } from './throughput.ts';

/** Smallest and largest value, 10^9 bit/s. */
export interface Range {
  readonly min: number;
  readonly max: number;
}

/** The spread of each output over the unknown ranges. */
export interface Band {
  readonly tx: Range;
  readonly rx: Range;
  readonly endToEnd: Range;
  /** The keys that were varied. */
  readonly keys: readonly ParamKey[];
  /** How many side evaluations it took. */
  readonly evaluations: number;
}

type Setting = Readonly<Record<string, number | string>>;

/**
 * Values worth trying for one unknown parameter. Rates fall monotonically as a cost rises or
 * a bandwidth falls, so the ends of the range suffice; the segment size is not monotonic
 * (remap works only on whole pages, refill is paid per started page), so the page
 * boundaries inside the range are tried too. The current value is kept when it lies outside
 * the range, or always for the segment size and for choices. Between page boundaries the
 * rate is monotonic in the segment size, so each boundary and its two neighbours suffice.
 */
function candidates(p: Param, current: number | string): readonly (number | string)[] {
  if (p.kind === 'choice') return [...new Set<string>([current as string, ...(p.unknown?.options ?? [])])];
  const u = p.unknown;
  if (u === undefined) return [current];
  const out = new Set<number>([u.min, u.max]);
  const c = current as number;
  if (c < u.min || c > u.max || p.key === 'mss') out.add(c);
  if (p.key === 'mss') {
    for (let page = Math.ceil(u.min / PAGE_BYTES) * PAGE_BYTES; page <= u.max; page += PAGE_BYTES) {
      for (const s of [page - 1, page, page + 1]) if (s >= u.min && s <= u.max) out.add(s);
    }
  }
  return [...out];
}

function combos(lists: readonly (readonly [string, readonly (number | string)[]])[]): Setting[] {
  let out: Setting[] = [{}];
  for (const [key, xs] of lists) out = out.flatMap((o) => xs.map((x) => ({ ...o, [key]: x })));
  return out;
}

const gbps = (mbps: number): number => (mbps * 8) / 1000;

/** The settings a band tries, worked out once for a state and a set of keys. */
interface Trials {
  readonly varied: readonly Param[];
  readonly shared: readonly Setting[];
  readonly sends: readonly Setting[];
  readonly receives: readonly Setting[];
}

function trials(v: Values, keys: ParamKey | readonly ParamKey[] | undefined): Trials {
  const wanted = keys === undefined ? undefined : new Set<string>(typeof keys === 'string' ? [keys] : keys);
  const varied = params.filter((p) => p.unknown !== undefined && (wanted === undefined || wanted.has(p.key)));
  const lists = (pick: (p: Param) => boolean): [string, readonly (number | string)[]][] =>
    varied.filter(pick).map((p) => [p.key, candidates(p, v[p.key])]);
  return {
    varied,
    shared: combos(lists((p) => p.group !== 'send' && p.group !== 'receive')),
    sends: combos(lists((p) => p.group === 'send')),
    receives: combos(lists((p) => p.group === 'receive')),
  };
}

/** The band of the clamped state `v` over the settings `t` (worked out for `v`'s varied values). */
function run(v: Values, t: Trials): Band {
  const { shared, sends, receives } = t;
  const tx = { min: Infinity, max: -Infinity };
  const rx = { min: Infinity, max: -Infinity };
  const e2e = { min: Infinity, max: -Infinity };
  // One working state, its varied keys overwritten in place (every setting of a list has the
  // same keys, and the three lists have none in common): a band is thousands of evaluations a
  // slider step, and copying the state for each was most of its cost.
  const w: Record<string, number | string> = { ...v };
  const restore = (settings: readonly Setting[]): void => {
    for (const k of Object.keys(settings[0] ?? {})) w[k] = v[k as ParamKey];
  };
  for (const s of shared) {
    Object.assign(w, s);
    let tMin = Infinity;
    let tMax = -Infinity;
    let rMin = Infinity;
    let rMax = -Infinity;
    for (const c of sends) {
      const x = sendMBps(Object.assign(w, c) as Values);
      tMin = Math.min(tMin, x);
      tMax = Math.max(tMax, x);
    }
    restore(sends);
    for (const c of receives) {
      const x = receiveMBps(Object.assign(w, c) as Values);
      rMin = Math.min(rMin, x);
      rMax = Math.max(rMax, x);
    }
    restore(receives);
    const win = (w['window'] as number) / (w['rtt'] as number);
    tx.min = Math.min(tx.min, tMin);
    tx.max = Math.max(tx.max, tMax);
    rx.min = Math.min(rx.min, rMin);
    rx.max = Math.max(rx.max, rMax);
    // Send and receive vary independently here, so the best end to end is the smaller best.
    e2e.min = Math.min(e2e.min, tMin, rMin, win);
    e2e.max = Math.max(e2e.max, Math.min(tMax, rMax, win));
  }
  const range = (m: { min: number; max: number }): Range => ({ min: gbps(m.min), max: gbps(m.max) });
  return {
    tx: range(tx),
    rx: range(rx),
    endToEnd: range(e2e),
    keys: t.varied.map((p) => p.key),
    evaluations: shared.length * (sends.length + receives.length),
  };
}

/**
 * The band of send, receive and end-to-end rates (Gbit/s) over every unknown range, or only
 * over the given keys (keys without an `unknown` range are ignored). Each range's extremes
 * are tried in every combination, with the current value, so the band always contains the
 * point value. Send depends only on shared and send keys, receive only on shared and
 * receive keys, so the two are swept apart for each shared combination.
 */
export function band(values: Readonly<Record<string, unknown>> = {}, keys?: ParamKey | readonly ParamKey[]): Band {
  const v = clamp(values).values;
  return run(v, trials(v, keys));
}

/**
 * `band({ ...values, [key]: x }, keys)` for each x, the same numbers for less work: when
 * `key` is not one of the varied keys, the combinations to try are the same at every x and
 * are worked out once (a figure draws a band at dozens of segment sizes on every slider step).
 */
export function bandAlong(
  values: Readonly<Record<string, unknown>>,
  keys: ParamKey | readonly ParamKey[] | undefined,
  key: ParamKey,
  xs: readonly number[],
): Band[] {
  const v = clamp(values).values;
  const t = trials(v, keys);
  if (t.varied.some((p) => p.key === key)) return xs.map((x) => band({ ...v, [key]: x }, keys));
  return xs.map((x) => run(clamp({ ...v, [key]: x }).values, t));
}
