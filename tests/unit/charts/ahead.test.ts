import { describe, expect, it } from 'vitest';
import { Ahead, drawKey } from '../../../src/lib/charts/ahead.ts';
import { defaults, paramFor, type NumberParam } from '../../../src/lib/model/index.ts';
import { stepParam } from '../../../src/lib/model/knob.ts';

describe('drawKey: everything a live drawing depends on', () => {
  const base = defaults();
  const key = drawKey(base, 720, 'light', ['rxCopyMBps']);

  it('is the same for an equal state in another object', () => {
    expect(drawKey({ ...base }, 720, 'light', ['rxCopyMBps'])).toBe(key);
  });

  it('differs with any parameter, the width, the theme or the bands', () => {
    const copy = paramFor('rxCopyMBps') as NumberParam;
    const others = [
      drawKey({ ...base, rxCopyMBps: stepParam(copy, base.rxCopyMBps, 1) as number }, 720, 'light', ['rxCopyMBps']),
      drawKey({ ...base, rxMode: 'remap' } as typeof base, 720, 'light', ['rxCopyMBps']),
      drawKey(base, 721, 'light', ['rxCopyMBps']),
      drawKey(base, 720, 'dark', ['rxCopyMBps']),
      drawKey(base, 720, 'light', []),
      drawKey(base, 720, 'light', ['rxCopyMBps', 'txCopyMBps']),
    ];
    expect(new Set([key, ...others]).size).toBe(others.length + 1);
  });
});

describe('Ahead: drawings kept for a few expected states', () => {
  it('hands a drawing out once', () => {
    const ahead = new Ahead<string>(4);
    ahead.put('a', 'drawing a');
    expect(ahead.has('a')).toBe(true);
    expect(ahead.take('a')).toBe('drawing a');
    expect(ahead.has('a')).toBe(false);
    expect(ahead.take('a')).toBeUndefined();
    expect(ahead.take('never put')).toBeUndefined();
  });

  it('keeps at most its cap, dropping the oldest put first; putting a key again makes it the newest', () => {
    const ahead = new Ahead<number>(2);
    ahead.put('a', 1);
    ahead.put('b', 2);
    ahead.put('a', 3);
    ahead.put('c', 4);
    expect(ahead.size).toBe(2);
    expect(ahead.has('b')).toBe(false);
    expect(ahead.take('a')).toBe(3);
    expect(ahead.take('c')).toBe(4);
    ahead.put('d', 5);
    ahead.clear();
    expect(ahead.size).toBe(0);
  });
});
