/**
 * Which built files Pagefind needs to read. Pages opt into the index with
 * `data-pagefind-body` (src/layouts/Page.astro); once any page does, Pagefind skips the
 * rest, but it still reads and parses every HTML file to find out. On a 10,000-message
 * archive the thread and listing pages are some 60 MB of HTML that holds no indexed page,
 * so the glob handed to Pagefind names only the top folders that hold one.
 */

/** Whether a built page opts into the search index. */
export function isIndexed(html: string): boolean {
  return /<[a-z][^>]*\sdata-pagefind-body(?=[\s=>])/i.test(html);
}

/** Pagefind's own default: every HTML file. */
export const ALL_PAGES = '**/*.{html}';

/**
 * A Pagefind glob over the top-level folders of the `indexed` pages (paths relative to the
 * site root, `/`-separated). A page at the root, or no page at all, keeps the default, so
 * the glob never leaves out an indexed page.
 */
export function scopeGlob(indexed: readonly string[]): string {
  const tops = new Set<string>();
  for (const path of indexed) {
    const slash = path.indexOf('/');
    if (slash <= 0) return ALL_PAGES;
    tops.add(path.slice(0, slash));
  }
  if (tops.size === 0) return ALL_PAGES;
  const names = [...tops].sort();
  return names.length === 1 ? `${names[0]}/**/*.{html}` : `{${names.join(',')}}/**/*.{html}`;
}
