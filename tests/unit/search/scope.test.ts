import { describe, expect, it } from 'vitest';
import { ALL_PAGES, isIndexed, scopeGlob } from '../../../src/lib/search/scope.ts';

describe('isIndexed', () => {
  it('finds data-pagefind-body on an element, not in text or other attributes', () => {
    expect(isIndexed('<main id="content" data-pagefind-body>')).toBe(true);
    expect(isIndexed('<main data-pagefind-body="">')).toBe(true);
    expect(isIndexed('<main id="content">see data-pagefind-body in the docs</main>')).toBe(false);
    expect(isIndexed('<main data-pagefind-body-like>')).toBe(false);
    expect(isIndexed('<code>&lt;main data-pagefind-body&gt;</code>')).toBe(false);
  });
});

describe('scopeGlob', () => {
  it('names the top folders that hold indexed pages', () => {
    expect(scopeGlob(['m/a/index.html', 'notes/x/index.html', 'm/b/index.html'])).toBe('{m,notes}/**/*.{html}');
    expect(scopeGlob(['m/a/index.html'])).toBe('m/**/*.{html}');
  });

  it('keeps every page when an indexed page sits at the root, or none is indexed', () => {
    expect(scopeGlob(['index.html', 'm/a/index.html'])).toBe(ALL_PAGES);
    expect(scopeGlob([])).toBe(ALL_PAGES);
  });
});
