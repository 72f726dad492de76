/**
 * Snapshot form of an SVG: every decimal rounded to one place (so float noise and Plot's
 * arithmetic do not churn snapshots) and one tag per line (so diffs are readable).
 */
export function normaliseSvg(svg: string): string {
  return svg
    .replace(/-?\d+\.\d+(?:e[-+]?\d+)?/gi, (m) => {
      const r = Number(m).toFixed(1);
      return r === '-0.0' ? '0.0' : r;
    })
    .replace(/></g, '>\n<')
    .concat('\n');
}
