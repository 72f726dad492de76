/**
 * Bands for what nobody knows: the model run over the ranges the table marks `unknown`
 * (node CPU, Elan IP MTU, driver checksum handling, memory), so figures draw a band
 * instead of pretending to a line.
 */
import { clamp } from './clamp.ts';
import { params, type Param, type ParamKey, type Values } from './params.ts';
import { PAGE_BYTES, receiveSide, sendSide } from './throughput.ts';

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

/**
 * The band of send, receive and end-to-end rates (Gbit/s) over every unknown range, or only
 * over the given keys (keys without an `unknown` range are ignored). Each range's extremes
 * are tried in every combination, with the current value, so the band always contains the
 * point value. Send depends only on shared and send keys, receive only on shared and
 * receive keys, so the two are swept apart for each shared combination.
 */
export function band(values: Readonly<Record<string, unknown>> = {}, keys?: ParamKey | readonly ParamKey[]): Band {
  const v = clamp(values).values;
  const wanted = keys === undefined ? undefined : new Set<string>(typeof keys === 'string' ? [keys] : keys);
  const varied = params.filter((p) => p.unknown !== undefined && (wanted === undefined || wanted.has(p.key)));
  const lists = (pick: (p: Param) => boolean): [string, readonly (number | string)[]][] =>
    varied.filter(pick).map((p) => [p.key, candidates(p, v[p.key])]);
  const shared = combos(lists((p) => p.group !== 'send' && p.group !== 'receive'));
  const sends = combos(lists((p) => p.group === 'send'));
  const receives = combos(lists((p) => p.group === 'receive'));
  const tx = { min: Infinity, max: -Infinity };
  const rx = { min: Infinity, max: -Infinity };
  const e2e = { min: Infinity, max: -Infinity };
  for (const s of shared) {
    const base = { ...v, ...s } as Values;
    const t = { min: Infinity, max: -Infinity };
    const r = { min: Infinity, max: -Infinity };
    for (const c of sends) {
      const x = sendSide({ ...base, ...c } as Values).mbps;
      t.min = Math.min(t.min, x);
      t.max = Math.max(t.max, x);
    }
    for (const c of receives) {
      const x = receiveSide({ ...base, ...c } as Values).mbps;
      r.min = Math.min(r.min, x);
      r.max = Math.max(r.max, x);
    }
    const w = base.window / base.rtt;
    tx.min = Math.min(tx.min, t.min);
    tx.max = Math.max(tx.max, t.max);
    rx.min = Math.min(rx.min, r.min);
    rx.max = Math.max(rx.max, r.max);
    // Send and receive vary independently here, so the best end to end is the smaller best.
    e2e.min = Math.min(e2e.min, t.min, r.min, w);
    e2e.max = Math.max(e2e.max, Math.min(t.max, r.max, w));
  }
  const range = (m: { min: number; max: number }): Range => ({ min: gbps(m.min), max: gbps(m.max) });
  return {
    tx: range(tx),
    rx: range(rx),
    endToEnd: range(e2e),
    keys: varied.map((p) => p.key),
    evaluations: shared.length * (sends.length + receives.length),
  };
}
