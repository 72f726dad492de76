/**
 * The page's colour theme for code that draws (figures, exports, presenter mode): the one
 * the theme switch pinned (`data-theme` on <html>, set by public/theme.js), else the system's.
 */
import type { Theme } from '../lib/charts/types.ts';

const dark = matchMedia('(prefers-color-scheme: dark)');

/** Light or dark, as the page is showing now. */
export function pageTheme(): Theme {
  const pinned = document.documentElement.dataset['theme'];
  if (pinned === 'light' || pinned === 'dark') return pinned;
  return dark.matches ? 'dark' : 'light';
}

/** Calls `fn` when the theme may have changed (system setting or the switch); returns the unsubscribe. */
export function onThemeChange(fn: () => void): () => void {
  dark.addEventListener('change', fn);
  document.addEventListener('slowest-side:theme', fn);
  return () => {
    dark.removeEventListener('change', fn);
    document.removeEventListener('slowest-side:theme', fn);
  };
}
