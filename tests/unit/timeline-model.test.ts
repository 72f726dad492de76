import { describe, expect, it } from 'vitest';
import { figureState } from '../../src/lib/model/figures.ts';
import { fromQuery, toQuery } from '../../src/lib/model/index.ts';
import { timeline } from '../../src/lib/timeline.ts';
import { byYear, entryQuery, outcome } from '../../src/lib/timeline-model.ts';

describe('the timeline in the model', () => {
  it('opens the model in a state that round-trips through the URL', () => {
    for (const e of timeline) {
      const q = entryQuery(e);
      if (e.model === null) {
        expect(q).toBeNull();
        continue;
      }
      const back = fromQuery(q ?? '');
      expect(back.changes, e.id).toEqual([]);
      for (const [k, v] of Object.entries(e.model.values)) expect(back.values[k as keyof typeof back.values], `${e.id}: ${k}`).toBe(v);
    }
  });

  it('puts only the changed values in a preset-plus-changes query', () => {
    const stateQuery = (preset: string, with_?: Record<string, string>) =>
      toQuery(figureState({ preset, ...(with_ ? { with: with_ } : {}) }));
    expect(stateQuery('quadrics-2002')).toBe('');
    expect(stateQuery('quadrics-2002', { rxMode: 'remap' })).toBe('rxMode=remap');
    expect(() => stateQuery('no-such-preset')).toThrow();
  });

  it('computes each state’s rates with the model: removing the receive copy lets the copying sender bind', () => {
    const zcrx = outcome(timeline.find((e) => e.id === 'io-uring-zcrx')!);
    expect(zcrx?.rxGbps).toBeGreaterThan(1.4);
    expect(zcrx?.bound).toBe('tx');
    const tso = outcome(timeline.find((e) => e.id === 'tso')!);
    expect(tso?.endToEndGbps).toBeCloseTo(0.9, 1); // a faster sender alone does not help: the receiver binds
    expect(outcome(timeline.find((e) => e.id === 'af-xdp')!)).toBeNull();
  });

  it('groups entries by year, ascending', () => {
    const groups = byYear(timeline);
    expect(groups.map((g) => g.year)).toEqual([...new Set(timeline.map((e) => e.year))]);
    expect(groups.flatMap((g) => g.entries)).toHaveLength(timeline.length);
  });
});
