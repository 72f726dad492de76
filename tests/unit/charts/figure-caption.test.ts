/**
 * A live redraw needs a figure's caption twice (the drawing's accessible name and the words
 * under it); `figureCaption` writes it once per state. It must give the figure's own caption
 * every time, and never a caption left over from another state or other bands.
 */
import { describe, expect, it } from 'vitest';
import { figures } from '../../../src/lib/charts/index.ts';
import { figureCaption } from '../../../src/lib/charts/render.ts';
import type { FigureDef } from '../../../src/lib/charts/types.ts';
import { presetById, presetValues, type Values } from '../../../src/lib/model/index.ts';

/** The throughput figure with a caption that counts its calls. */
function counted(): { def: FigureDef; calls: () => number } {
  const real = figures['throughput-vs-segment'];
  let calls = 0;
  const def: FigureDef = {
    ...real,
    caption: (values, context) => {
      calls += 1;
      return real.caption(values, context);
    },
  };
  return { def, calls: () => calls };
}

const start = presetValues(presetById('quadrics-2002')!);

describe('figureCaption', () => {
  it('is the figure’s caption, written once for one state and one set of bands', () => {
    const { def, calls } = counted();
    const context = { bandKeys: ['rxCopyMBps' as const] };
    const first = figureCaption(def, start, context);
    expect(first).toBe(figures['throughput-vs-segment'].caption(start, context));
    // A new context object naming the same bands is the same caption.
    expect(figureCaption(def, start, { bandKeys: ['rxCopyMBps'] })).toBe(first);
    expect(calls()).toBe(1);
  });

  it('is written anew for another state, other bands, or no bands named', () => {
    const { def, calls } = counted();
    const next: Values = { ...start, rxCopyMBps: (start.rxCopyMBps as number) * 2 };
    const a = figureCaption(def, start, { bandKeys: [] });
    const b = figureCaption(def, next, { bandKeys: [] });
    expect(b).toBe(figures['throughput-vs-segment'].caption(next, { bandKeys: [] }));
    expect(b).not.toBe(a);
    const none = figureCaption(def, next, { bandKeys: ['rxCopyMBps'] });
    expect(none).toBe(figures['throughput-vs-segment'].caption(next, { bandKeys: ['rxCopyMBps'] }));
    const every = figureCaption(def, next);
    expect(every).toBe(figures['throughput-vs-segment'].caption(next, undefined));
    expect(calls()).toBe(4);
    // Back to a state seen two captions ago: the cache holds one, so it is written again.
    expect(figureCaption(def, start, { bandKeys: [] })).toBe(a);
    expect(calls()).toBe(5);
  });
});
