import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_SIZE, pagePath, pageSize, pageWindow, runs } from '../../src/lib/paginate.ts';

describe('pagination', () => {
  it('reads a page size from the environment, falling back to the default', () => {
    expect(pageSize('5')).toBe(5);
    for (const bad of [undefined, '', '0', '-3', '2.5', 'abc']) expect(pageSize(bad)).toBe(DEFAULT_PAGE_SIZE);
  });

  it('keeps page 1 at the listing’s own address', () => {
    expect(pagePath('date/', 1)).toBe('date/');
    expect(pagePath('date/', 7)).toBe('date/7/');
  });

  it('shows the ends and a window round the current page, with gaps', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(10, 50)).toEqual([1, 'gap', 8, 9, 10, 11, 12, 'gap', 50]);
    // A gap of one page is shown as that page, not as "…".
    expect(pageWindow(4, 9)).toEqual([1, 2, 3, 4, 5, 6, 'gap', 9]);
    for (let last = 1; last < 200; last += 7) {
      for (const current of [1, Math.ceil(last / 2), last]) {
        const w = pageWindow(current, last);
        expect(w.length).toBeLessThanOrEqual(9);
        expect(w).toContain(current);
        const nums = w.filter((x): x is number => x !== 'gap');
        expect(nums).toEqual([...nums].sort((a, b) => a - b));
      }
    }
  });

  it('groups a page’s items into runs and marks one carried over from the page before', () => {
    const items = ['a1', 'a2', 'b1', 'c1', 'c2'];
    const key = (s: string): string => s[0]!;
    expect(runs(items, key).map((r) => [r.key, r.items.length, r.continued])).toEqual([
      ['a', 2, false],
      ['b', 1, false],
      ['c', 2, false],
    ]);
    expect(runs(items, key, 'a')[0]?.continued).toBe(true);
    expect(runs(items, key, 'z')[0]?.continued).toBe(false);
    expect(runs([], key)).toEqual([]);
  });
});
