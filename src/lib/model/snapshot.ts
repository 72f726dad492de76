/**
 * What a model version computed for every preset: the numbers a reader of an older embed or
 * article saw. `npm run model-snapshot` writes the current version's file; the changes page
 * compares each recorded version with the one after it, so it can say which numbers moved
 * and by how much without anyone typing them. A unit test fails when the current model no
 * longer matches its own snapshot: changing the numbers means a new MODEL_VERSION. Pure.
 */
import { evaluate, presets, type Result } from './index.ts';

/** The numbers recorded per preset. */
export interface PresetSnapshot {
  readonly tx: { readonly gbps: number; readonly bound: string; readonly cpuUsPerMB: number };
  readonly rx: { readonly gbps: number; readonly bound: string; readonly cpuUsPerMB: number };
  readonly endToEnd: { readonly gbps: number; readonly bound: string };
}

/** One version's snapshot: preset id → numbers. */
export interface Snapshot {
  readonly version: string;
  readonly presets: Readonly<Record<string, PresetSnapshot>>;
}

/** Six significant digits: enough to see any real change, stable against float noise. */
const sig = (x: number): number => Number(x.toPrecision(6));

const side = (s: Result['tx']) => ({ gbps: sig(s.gbps), bound: s.bound, cpuUsPerMB: sig(s.cpuUsPerMB) });

/** The current model's snapshot at `version`. */
export function takeSnapshot(version: string, model: (values: Record<string, unknown>) => Result = evaluate): Snapshot {
  const out: Record<string, PresetSnapshot> = {};
  for (const p of presets) {
    const r = model(p.values);
    out[p.id] = { tx: side(r.tx), rx: side(r.rx), endToEnd: { gbps: sig(r.endToEnd.gbps), bound: r.endToEnd.bound } };
  }
  return { version, presets: out };
}

/** One number that differs between two snapshots. */
export interface Moved {
  readonly preset: string;
  /** e.g. `rx.gbps`, `endToEnd.bound`. */
  readonly at: string;
  readonly from: number | string | null;
  readonly to: number | string | null;
}

/** Every number and bound that differs from `before` to `after`; presets added or removed show as null. */
export function compareSnapshots(before: Snapshot, after: Snapshot): Moved[] {
  const moved: Moved[] = [];
  const ids = [...new Set([...Object.keys(after.presets), ...Object.keys(before.presets)])];
  for (const id of ids) {
    const a = before.presets[id];
    const b = after.presets[id];
    for (const s of ['tx', 'rx', 'endToEnd'] as const) {
      for (const k of ['gbps', 'cpuUsPerMB', 'bound'] as const) {
        if (s === 'endToEnd' && k === 'cpuUsPerMB') continue;
        const from = a ? ((a[s] as Record<string, number | string>)[k] ?? null) : null;
        const to = b ? ((b[s] as Record<string, number | string>)[k] ?? null) : null;
        if (from !== to) moved.push({ preset: id, at: `${s}.${k}`, from, to });
      }
    }
  }
  return moved;
}
