/**
 * Pagination of the long listings (indexes by date, author and subject; the thread list), so
 * no page grows with the size of the archive. Pure; pages use Astro's `paginate()` for the
 * routes and these helpers for the pager and the groups on one page.
 */

/** Items per index page unless the build sets INDEX_PAGE_SIZE. */
export const DEFAULT_PAGE_SIZE = 200;

/** A page size from an environment value: a whole number ≥ 1, else the default. */
export function pageSize(env: string | undefined): number {
  const n = Number(env);
  return Number.isInteger(n) && n >= 1 ? n : DEFAULT_PAGE_SIZE;
}

/** The site-relative path of page `n` of a listing at `base` (`date/` → `date/`, `date/2/` …). */
export function pagePath(base: string, n: number): string {
  return n <= 1 ? base : `${base}${n}/`;
}

/**
 * The page numbers a pager shows: the first, the last, and `radius` either side of the
 * current one, with 'gap' where numbers are left out. Bounded: at most 2 × radius + 5 entries.
 */
export function pageWindow(current: number, last: number, radius = 2): (number | 'gap')[] {
  const keep = new Set([1, last]);
  for (let n = current - radius; n <= current + radius; n += 1) if (n >= 1 && n <= last) keep.add(n);
  const out: (number | 'gap')[] = [];
  let prev = 0;
  for (const n of [...keep].sort((a, b) => a - b)) {
    if (n - prev === 2) out.push(n - 1);
    else if (n - prev > 2) out.push('gap');
    out.push(n);
    prev = n;
  }
  return out;
}

/** A run of consecutive items with the same key; `continued` when the previous page ended inside it. */
export interface Run<T> {
  key: string;
  items: T[];
  continued: boolean;
}

/**
 * Consecutive items of one page grouped by key, in order. `before` is the key of the item
 * just before this page (undefined on the first page), so a group split across pages is
 * marked as continued.
 */
export function runs<T>(items: readonly T[], key: (item: T) => string, before?: string): Run<T>[] {
  const out: Run<T>[] = [];
  for (const item of items) {
    const k = key(item);
    const last = out.at(-1);
    if (last && last.key === k) last.items.push(item);
    else out.push({ key: k, items: [item], continued: out.length === 0 && k === before });
  }
  return out;
}
