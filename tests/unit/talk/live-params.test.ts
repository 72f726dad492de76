import { describe, expect, it } from 'vitest';
import { figureIds, figures } from '../../../src/lib/charts/index.ts';
import { paramFor, params, presetById, presetValues } from '../../../src/lib/model/index.ts';
import { FIGURE_PARAMS, liveParams, MAX_LIVE } from '../../../src/lib/talk/live-params.ts';

const quadrics = presetValues(presetById('quadrics-2002')!);
const order = params.map((p) => p.key);

describe('the parameters a speaker moves live', () => {
  it('are a few real parameters for every model figure, and none for published numbers', () => {
    for (const id of figureIds) {
      const keys = liveParams(id, quadrics, 'quadrics-2002');
      if (figures[id].stateless) expect(keys, id).toEqual([]);
      else {
        expect(keys.length, id).toBeGreaterThan(0);
        expect(keys.length, id).toBeLessThanOrEqual(MAX_LIVE);
        for (const k of FIGURE_PARAMS[id]) expect(paramFor(k), `${id}: ${k}`).toBeDefined();
      }
    }
  });

  it('at a preset, are the figure’s own, in the parameter table’s order', () => {
    expect(liveParams('receive-path', quadrics, 'quadrics-2002')).toEqual(['rxMode', 'rxCopyMBps', 'rxCsum']);
  });

  it('include what the step sets away from its preset, before the figure’s own when there is no room', () => {
    const withBus = liveParams('slowest-side', { ...quadrics, memMBps: quadrics.memMBps * 2 }, 'quadrics-2002');
    expect(withBus).toContain('memMBps');
    const many = { ...quadrics, memMBps: quadrics.memMBps * 2, busEff: 0.5, csumMBps: quadrics.csumMBps * 2 };
    const keys = liveParams('slowest-side', many, 'quadrics-2002');
    expect(keys).toHaveLength(MAX_LIVE);
    for (const k of ['memMBps', 'busEff', 'csumMBps']) expect(keys).toContain(k);
    expect([...keys].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(keys);
    // Without a preset to compare with, only the figure's own.
    expect(liveParams('slowest-side', many, '')).toEqual(['mss', 'rtt', 'txMode', 'rxMode']);
  });
});
