/**
 * Colours. Text is always `currentColor` so the page's CSS decides it; only marks carry
 * explicit colours. The light palette is also the one the build-time (no-JS) figure uses,
 * so each of its colours keeps at least 3:1 (WCAG non-text contrast) against both page
 * backgrounds; the dark palette only needs it against the dark one.
 * Marks drawn in the background colour (text halos, rings, gaps) carry paint-order="stroke",
 * so a page can repaint them with its own background (Figure.astro does).
 */
import type { Theme } from './types.ts';

/** The page background each theme is drawn on (site.css `--bg`). */
export const BACKGROUND: Readonly<Record<Theme, string>> = { light: '#fffdf8', dark: '#15171a' };

/** Mark colours for one theme. */
export interface Palette {
  /** Page background, for text halos (the page CSS may override it). */
  readonly background: string;
  readonly send: string;
  readonly receive: string;
  /** Window ÷ RTT and other neutral marks. */
  readonly neutral: string;
  /** Time-breakdown kinds. */
  readonly protocol: string;
  readonly copy: string;
  readonly checksum: string;
  readonly remap: string;
}

const PALETTES: Readonly<Record<Theme, Palette>> = {
  light: {
    background: BACKGROUND.light,
    send: '#d55e00',
    receive: '#0072b2',
    neutral: '#7a7a7a',
    protocol: '#7a7a7a',
    copy: '#9467bd',
    checksum: '#2f8f5b',
    remap: '#b8860b',
  },
  dark: {
    background: BACKGROUND.dark,
    send: '#f28e2b',
    receive: '#56b4e9',
    neutral: '#9d9d9d',
    protocol: '#9d9d9d',
    copy: '#b48ce0',
    checksum: '#4cbb7f',
    remap: '#d4a72c',
  },
};

/** The palette for a theme. */
export function palette(theme: Theme): Palette {
  return PALETTES[theme];
}

const channel = (hex: string, i: number): number => {
  const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
};

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  return 0.2126 * channel(hex, 0) + 0.7152 * channel(hex, 1) + 0.0722 * channel(hex, 2);
}

/** WCAG contrast ratio of two #rrggbb colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/** Black or white, whichever reads better on a filled mark. */
export function inkOn(fill: string): '#000000' | '#ffffff' {
  return contrast(fill, '#000000') >= contrast(fill, '#ffffff') ? '#000000' : '#ffffff';
}
