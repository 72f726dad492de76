import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  band,
  clamp,
  defaults,
  evaluate,
  fromQuery,
  PAGE_BYTES,
  params,
  toQuery,
  type Result,
  type Values,
} from '../../../src/lib/model/index.ts';

/** Any complete state inside the table's ranges. */
const anyValues: fc.Arbitrary<Values> = fc.record(
  Object.fromEntries(
    params.map((p) => [
      p.key,
      p.kind === 'choice'
        ? fc.constantFrom(...p.options.map((o) => o.value))
        : p.integer
          ? fc.integer({ min: p.min, max: p.max })
          : fc.double({ min: p.min, max: p.max, noNaN: true, noDefaultInfinity: true }).map((x) => x + 0),
    ]),
  ),
) as unknown as fc.Arbitrary<Values>;

const numbersIn = (x: unknown, out: number[] = []): number[] => {
  if (typeof x === 'number') out.push(x);
  else if (x !== null && typeof x === 'object') for (const y of Object.values(x)) numbersIn(y, out);
  return out;
};

const linkMBps = (v: Values): number => (v.linkGbps * 1000) / 8;
const RUNS = { numRuns: 400 };

describe('any state within the table ranges', () => {
  it('gives finite, non-negative numbers and never beats the link', () => {
    fc.assert(
      fc.property(anyValues, (v) => {
        const r = evaluate(v);
        for (const n of numbersIn(r)) {
          expect(Number.isFinite(n)).toBe(true);
          expect(n).toBeGreaterThanOrEqual(0);
        }
        for (const s of [r.tx, r.rx, r.endToEnd]) {
          expect(s.mbps).toBeGreaterThan(0);
          expect(s.mbps).toBeLessThanOrEqual(linkMBps(v) * (1 + 1e-12));
        }
      }),
      RUNS,
    );
  });

  it('runs end to end at the slowest of send, receive and window ÷ RTT, and names it', () => {
    fc.assert(
      fc.property(anyValues, (v) => {
        const r = evaluate(v);
        const windowMBps = v.window / v.rtt;
        expect(r.endToEnd.mbps).toBeCloseTo(Math.min(r.tx.mbps, r.rx.mbps, windowMBps), 9);
        const named = { tx: r.tx.mbps, rx: r.rx.mbps, window: windowMBps }[r.endToEnd.bound];
        expect(named).toBeCloseTo(r.endToEnd.mbps, 9);
      }),
      RUNS,
    );
  });

  it('keeps units straight: Gbit/s = MB/s × 8 ÷ 1000', () => {
    fc.assert(
      fc.property(anyValues, (v) => {
        const r = evaluate(v);
        for (const s of [r.tx, r.rx, r.endToEnd]) expect(s.gbps).toBeCloseTo((s.mbps * 8) / 1000, 12);
      }),
      RUNS,
    );
  });

  it('uses at most one full core, and exactly one exactly when the CPU binds', () => {
    fc.assert(
      fc.property(anyValues, (v) => {
        const r = evaluate(v);
        for (const s of [r.tx, r.rx]) {
          expect(s.cpuUtilization).toBeGreaterThan(0);
          expect(s.cpuUtilization).toBeLessThanOrEqual(1);
          expect(s.cpuUtilization === 1).toBe(s.bound === 'cpu');
          expect(s.cpuUsPerMB).toBeCloseTo((s.cpuUtilization * 1e6) / s.mbps, 6);
        }
      }),
      RUNS,
    );
  });
});

describe('monotone in costs', () => {
  const pair = (key: keyof Values) => {
    const p = params.find((x) => x.key === key);
    if (p === undefined || p.kind !== 'number') throw new Error(key);
    const x = fc.double({ min: p.min, max: p.max, noNaN: true, noDefaultInfinity: true });
    return fc.tuple(x, x).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);
  };
  const never = (a: Result, b: Result, dir: 1 | -1): void => {
    for (const s of ['tx', 'rx', 'endToEnd'] as const) {
      if (dir === 1) expect(b[s].mbps).toBeGreaterThanOrEqual(a[s].mbps);
      else expect(b[s].mbps).toBeLessThanOrEqual(a[s].mbps);
    }
  };
  for (const key of ['rxCopyMBps', 'txCopyMBps', 'csumMBps', 'memMBps'] as const) {
    it(`more ${key} never lowers throughput`, () => {
      fc.assert(
        fc.property(anyValues, pair(key), (v, [lo, hi]) => {
          never(evaluate({ ...v, [key]: lo }), evaluate({ ...v, [key]: hi }), 1);
        }),
        RUNS,
      );
    });
  }
  for (const key of ['rxSegUs', 'txSegUs'] as const) {
    it(`a larger ${key} never raises throughput`, () => {
      fc.assert(
        fc.property(anyValues, pair(key), (v, [lo, hi]) => {
          never(evaluate({ ...v, [key]: lo }), evaluate({ ...v, [key]: hi }), -1);
        }),
        RUNS,
      );
    });
  }
});

describe('zero-copy against copy on the same side', () => {
  it('sendfile is never slower than a write() copy', () => {
    fc.assert(
      fc.property(anyValues, (v) => {
        const copy = evaluate({ ...v, txMode: 'copy' });
        const zc = evaluate({ ...v, txMode: 'sendfile' });
        expect(zc.tx.mbps).toBeGreaterThanOrEqual(copy.tx.mbps);
        expect(zc.endToEnd.mbps).toBeGreaterThanOrEqual(copy.endToEnd.mbps);
      }),
      RUNS,
    );
  });

  // Zero-copy removes the copy but adds page work, and a checksum folded into the copy needs
  // its own pass without it; when neither adds more than the copy took, it never loses.
  it("direct placement and page remap are never slower than copying when their page cost is at most the copy's", () => {
    const pages = fc.integer({ min: 1, max: 16 });
    fc.assert(
      fc.property(anyValues, pages, fc.constantFrom('offload', 'separate'), (v, n, csum) => {
        const state = { ...v, mss: n * PAGE_BYTES, rxCsum: csum } as Values;
        const copy = evaluate({ ...state, rxMode: 'copy' });
        const perPage = (copy.rx.segmentUs.copy / n) * 0.999999;
        for (const mode of ['direct', 'remap'] as const) {
          const zc = evaluate({
            ...state,
            rxMode: mode,
            directUs: Math.min(state.directUs, perPage),
            remapUs: Math.min(state.remapUs, perPage),
          });
          expect(zc.rx.mbps).toBeGreaterThanOrEqual(copy.rx.mbps);
          expect(zc.endToEnd.mbps).toBeGreaterThanOrEqual(copy.endToEnd.mbps);
        }
      }),
      RUNS,
    );
  });
});

describe('state handling', () => {
  it('round-trips through clamp, toQuery and fromQuery', () => {
    fc.assert(
      fc.property(anyValues, (v) => {
        expect(clamp(v)).toEqual({ values: v, changes: [], ignored: [] });
        const q = toQuery(v);
        const back = fromQuery(q);
        expect(back.values).toEqual(v);
        expect(back.changes).toEqual([]);
        const d = defaults() as Record<string, unknown>;
        for (const [k, x] of new URLSearchParams(q)) expect(String(d[k])).not.toBe(x);
      }),
      RUNS,
    );
  });

  it('ignores keys the table lacks', () => {
    const keys = new Set(params.map((p) => p.key as string));
    const stranger = fc.string({ minLength: 1 }).filter((k) => !keys.has(k));
    fc.assert(
      fc.property(anyValues, stranger, fc.anything(), (v, k, x) => {
        const c = clamp({ ...v, [k]: x });
        expect(c.values).toEqual(v);
        expect(c.changes).toEqual([]);
        expect(c.ignored).toEqual([k]);
        expect(fromQuery(`${toQuery(v)}&${encodeURIComponent(k)}=1`).values).toEqual(v);
      }),
      RUNS,
    );
  });

  it('clamps out-of-range numbers to the nearest end and reports it', () => {
    const numeric = params.filter((p) => p.kind === 'number');
    fc.assert(
      fc.property(fc.constantFrom(...numeric), fc.double({ min: 1e-6, max: 1e12, noNaN: true }), fc.boolean(), (p, by, above) => {
        const given = above ? p.max + by * Math.max(1, p.max) : p.min - by * Math.max(1, p.min);
        const c = clamp({ [p.key]: given });
        const to = above ? p.max : p.min;
        expect((c.values as Record<string, unknown>)[p.key]).toBe(to);
        expect(c.changes).toEqual([{ key: p.key, from: given, to, reason: above ? 'above maximum' : 'below minimum' }]);
      }),
      RUNS,
    );
  });

  it('replaces non-numeric values with the default and reports it', () => {
    const numeric = params.filter((p) => p.kind === 'number');
    const junk = fc.oneof(
      fc.string().filter((s) => Number.isNaN(Number(s)) || s.trim() === ''),
      fc.constantFrom(true, null, {}, [], Number.NaN, '0x10', '1,5'),
    );
    fc.assert(
      fc.property(fc.constantFrom(...numeric), junk, (p, x) => {
        const c = clamp({ [p.key]: x });
        expect((c.values as Record<string, unknown>)[p.key]).toBe(p.default);
        expect(c.changes).toEqual([{ key: p.key, from: x, to: p.default, reason: 'not a number' }]);
      }),
      RUNS,
    );
  });

  it('puts every point inside its band', () => {
    fc.assert(
      fc.property(anyValues, (v) => {
        const r = evaluate(v);
        const b = band(v);
        for (const s of ['tx', 'rx', 'endToEnd'] as const) {
          expect(b[s].min).toBeLessThanOrEqual(r[s].gbps);
          expect(r[s].gbps).toBeLessThanOrEqual(b[s].max);
        }
      }),
      { numRuns: 150 },
    );
  });
});
