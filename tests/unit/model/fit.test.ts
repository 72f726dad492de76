import { describe, expect, it } from 'vitest';
import { fitAll, fitCounts, fitRow } from '../../../src/lib/model/fit.ts';
import { evaluate, presets, type Expectation } from '../../../src/lib/model/index.ts';

const expectation = (over: Partial<Expectation>): Expectation => ({
  side: 'rx',
  metric: 'gbps',
  value: 1,
  relation: 'about',
  tolerance: 0.05,
  basis: 'measurement',
  source: 'https://example.org/',
  note: 'A published number.',
  fitted: [],
  ...over,
});

describe('fit rows', () => {
  const r = evaluate(); // receive ≈ 0.90 Gbit/s at the defaults
  it('reproduced: within tolerance with nothing fitted to it', () => {
    const row = fitRow(expectation({ value: r.rx.gbps * 1.03 }), r);
    expect(row.status).toBe('reproduced');
    expect(row.error).toBeCloseTo(1 / 1.03 - 1, 12);
  });
  it('fitted: within tolerance because a parameter was chosen for it', () => {
    expect(fitRow(expectation({ value: r.rx.gbps, fitted: ['rxSegUs'] }), r).status).toBe('fitted');
  });
  it('misfit: outside tolerance, fitted or not', () => {
    expect(fitRow(expectation({ value: r.rx.gbps * 1.2 }), r).status).toBe('misfit');
    expect(fitRow(expectation({ value: r.rx.gbps * 1.2, fitted: ['rxSegUs'] }), r).status).toBe('misfit');
  });
  it('"over" only requires not coming out below', () => {
    expect(fitRow(expectation({ value: r.rx.gbps / 2, relation: 'over' }), r).within).toBe(true);
    expect(fitRow(expectation({ value: r.rx.gbps * 1.01, relation: 'over' }), r).within).toBe(false);
  });
  it("reads the reading thread's CPU from the app stage, not the busiest core", () => {
    const row = fitRow(expectation({ metric: 'appUsPerMB', value: r.rx.usPerMB.app }), r);
    expect(row.model).toBe(r.rx.usPerMB.app);
    expect(row.model).not.toBe(r.rx.cpuUsPerMB);
  });
});

describe('the shipped presets', () => {
  const fits = fitAll();
  it('covers every preset, what-ifs marked as having nothing published', () => {
    expect(fits.map((f) => f.preset.id)).toEqual(presets.map((p) => p.id));
    for (const f of fits) expect(f.whatIf).toBe(f.preset.expected.length === 0);
  });
  it('every misfit is a listed one, and every listed one is shown as a misfit', () => {
    for (const f of fits) {
      for (const row of f.rows) expect(row.status === 'misfit').toBe(row.expectation.misfit !== undefined);
    }
  });
  it('shows the same-core epoll run as the misfit it is', () => {
    const row = fits.find((f) => f.preset.id === 'zcrx-2024-epoll-same-core')?.rows[0];
    expect(row?.status).toBe('misfit');
    expect(row?.error).toBeLessThan(-0.05);
  });
  it('the 2002 numbers are fitted, not evidence', () => {
    const q = fits.find((f) => f.preset.id === 'quadrics-2002');
    expect(q?.rows.map((r) => r.status)).toEqual(['fitted', 'fitted', 'fitted']);
  });
  it('counts add up', () => {
    const c = fitCounts(fits);
    expect(c.reproduced + c.fitted + c.misfit).toBe(fits.reduce((n, f) => n + f.rows.length, 0));
    expect(c.whatIf).toBe(fits.filter((f) => f.whatIf).length);
  });
});
