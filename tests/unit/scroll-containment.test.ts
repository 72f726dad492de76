/**
 * Every box the site lets scroll is contained (`contain: content`, or at least paint
 * containment): Chromium gives a scroller with overflowing content a layer of its own on a
 * high-density screen or under an opaque background, and a layered scroller that is not a
 * stacking context made every later frame of an article re-layerize the whole page (issue 13:
 * 2.3–4.0 ms of each knob step's frame on copy-vs-zero-copy, 0.25 ms contained). Read from the
 * style sources: each rule that sets overflow to auto or scroll also sets containment.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.(css|astro)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** The CSS of a file: all of a .css file, the <style> blocks of an .astro one. */
function css(path: string): string {
  const text = readFileSync(path, 'utf8');
  if (path.endsWith('.css')) return text;
  return [...text.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n');
}

/** Each innermost `selector { declarations }` rule. */
function rules(source: string): { selector: string; body: string }[] {
  const out: { selector: string; body: string }[] = [];
  const stripped = source.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const m of stripped.matchAll(/([^{}]+)\{([^{}]*)\}/g)) out.push({ selector: m[1]!.trim(), body: m[2]! });
  return out;
}

const scrolls = (body: string): boolean => /(^|;|\s)overflow(-x|-y)?\s*:\s*[^;]*\b(auto|scroll)\b/.test(body);
const contained = (body: string): boolean => /(^|;|\s)contain\s*:\s*[^;]*\b(content|strict|paint)\b/.test(body);

describe('scrollers are contained', () => {
  const found = files('src').flatMap((path) =>
    rules(css(path))
      .filter((r) => scrolls(r.body))
      .map((r) => ({ path, ...r })),
  );

  it('finds the scrollers it checks (code listings, data tables, citations)', () => {
    const selectors = found.map((r) => r.selector).join('\n');
    expect(selectors).toContain('pre.astro-code');
    expect(selectors).toContain('details.data');
    expect(found.length).toBeGreaterThanOrEqual(5);
  });

  it('each scrolling rule sets containment', () => {
    const loose = found.filter((r) => !contained(r.body)).map((r) => `${r.path}: ${r.selector}`);
    expect(loose).toEqual([]);
  });

  it('tells a contained rule from a loose one', () => {
    expect(scrolls('margin: 0; overflow-x: auto;')).toBe(true);
    expect(scrolls('overflow: hidden')).toBe(false);
    expect(contained('overflow: auto; contain: content;')).toBe(true);
    expect(contained('overflow: auto; container: x;')).toBe(false);
  });
});
