/**
 * Snapshot form of an SVG: decimals in geometry rounded to one place (so float noise and
 * Plot's arithmetic do not churn snapshots) and one tag per line (so diffs are readable).
 * What a reader reads is kept exactly as drawn: text content (tick labels, values, the data
 * a figure prints) and the words of aria-label, aria-description, title and alt, so a caption
 * that says 0.90 Gbit/s where it said 0.91 is a changed snapshot, not the same 0.9.
 */
const WORDS = new Set(['aria-label', 'aria-description', 'title', 'alt']);

/** Every decimal in `value` to one place (-0.0 written as 0.0). */
function roundDecimals(value: string): string {
  return value.replace(/-?\d+\.\d+(?:e[-+]?\d+)?/gi, (m) => {
    const r = Number(m).toFixed(1);
    return r === '-0.0' ? '0.0' : r;
  });
}

/** A start tag with its geometry rounded and its words kept. */
function roundTag(tag: string): string {
  return tag.replace(/([\w:-]+)="([^"]*)"/g, (whole, name: string, value: string) =>
    WORDS.has(name) ? whole : `${name}="${roundDecimals(value)}"`,
  );
}

export function normaliseSvg(svg: string): string {
  return svg
    .replace(/<[^>]*>/g, (tag) => (tag.startsWith('</') ? tag : roundTag(tag)))
    .replace(/></g, '>\n<')
    .concat('\n');
}
