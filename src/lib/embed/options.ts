/**
 * The display options an embed URL carries besides the model state (`theme`, `size`, `v`),
 * read from an untrusted query. Pure: the embed script applies the result. Nothing here is
 * markup: notices are plain text, and every value quoted in one is shortened first, so a
 * hostile URL can neither inject an element nor flood the frame with text.
 */
import { MODEL_VERSION, presetById } from '../model/index.ts';
import type { VersionCheck } from '../model/versions.ts';
import { paths } from '../routes.ts';
import type { EmbedTheme } from './links.ts';

/** Smallest drawing side a `size` may ask for, in CSS px (below it Plot's axes collide). */
export const SIZE_MIN = 240;
/** Largest drawing side a `size` may ask for, in CSS px. */
export const SIZE_MAX = 2400;

/** The themes an embed knows. */
export const EMBED_THEMES: readonly EmbedTheme[] = ['light', 'dark', 'transparent'];

/** What an embed query asks for besides the model state. */
export interface EmbedQueryOptions {
  /** Undefined: follow the reader's colour scheme. */
  readonly theme: EmbedTheme | undefined;
  /** Drawing size in CSS px (within SIZE_MIN–SIZE_MAX); undefined: fill the frame. */
  readonly size: { readonly width: number; readonly height: number } | undefined;
  /** The model version the embed was made with (`v`, a leading "v" dropped); undefined when absent. */
  readonly version: string | undefined;
  /** Plain-text notices for options that were wrong and what is shown instead. */
  readonly notices: readonly string[];
}

/** Characters of an untrusted value a notice quotes before cutting it short. */
const QUOTE_MAX = 40;

/** An untrusted value as short plain text for a notice: at most 40 characters, then "…". */
export function shortValue(x: unknown): string {
  const s = typeof x === 'string' ? x : typeof x === 'number' ? String(x) : '';
  // Controls and line breaks would only garble a one-line notice.
  const flat = s.replace(/[\p{Cc}\p{Cf}]+/gu, ' ');
  return flat.length > QUOTE_MAX ? `${flat.slice(0, QUOTE_MAX - 1)}…` : flat;
}

const SIZE = /^(\d{1,6})[x×](\d{1,6})$/i;
const fit = (n: number): number => Math.min(SIZE_MAX, Math.max(SIZE_MIN, n));

/** The first non-empty value of a key (URLs repeat keys; the first one counts, as for the model keys). */
const first = (q: URLSearchParams, key: string): string | undefined => {
  const v = q.get(key)?.trim();
  return v === undefined || v === '' ? undefined : v;
};

/**
 * Reads `theme`, `size` and `v` from a query string (a leading `?` is fine). Bad values are
 * dropped with a notice: an unknown theme follows the reader's colour scheme, a size that is
 * not `<width>x<height>` fills the frame, a size out of bounds is clamped into them. A
 * `preset` this site does not have is noticed too (the state then starts from the page's own).
 * Other keys are left to the model (its keys) or ignored.
 */
export function parseEmbedOptions(search: string): EmbedQueryOptions {
  const q = new URLSearchParams(search);
  const notices: string[] = [];

  let theme: EmbedTheme | undefined;
  const t = first(q, 'theme');
  if (t !== undefined) {
    theme = EMBED_THEMES.find((x) => x === t);
    if (theme === undefined) {
      notices.push(`Theme “${shortValue(t)}” is not light, dark or transparent; following the reader’s colour scheme.`);
    }
  }

  let size: EmbedQueryOptions['size'];
  const s = first(q, 'size');
  if (s !== undefined) {
    const m = SIZE.exec(s);
    if (m === null) {
      notices.push(`Size “${shortValue(s)}” is not width×height in pixels; filling the frame.`);
    } else {
      const [w, h] = [Number(m[1]), Number(m[2])];
      size = { width: fit(w), height: fit(h) };
      if (size.width !== w || size.height !== h) {
        notices.push(`Size ${w}×${h} is outside ${SIZE_MIN}–${SIZE_MAX} pixels a side; using ${size.width}×${size.height}.`);
      }
    }
  }

  const v = first(q, 'v');
  const version = v === undefined ? undefined : v.replace(/^v(?=\d)/i, '');

  const p = first(q, 'preset');
  if (p !== undefined && presetById(p) === undefined) {
    notices.push(`There is no preset “${shortValue(p)}”; showing this page’s state.`);
  }

  return { theme, size, version, notices };
}

/** A notice ending in a link to the model's version history. */
export interface VersionNotice {
  /** Plain text before the link. */
  readonly text: string;
  /** The link's text. */
  readonly link: string;
  /** Site-relative URL of the link: the changes page at a version's anchor. */
  readonly path: string;
}

const changesAt = (version: string): string => `${paths.modelChanges()}#${paths.modelVersionAnchor(version)}`;

/**
 * What to tell the reader of an embed made with model version `given`, given
 * `checkVersion(given)`; undefined when it is the current version (or none was given).
 */
export function versionNotice(given: string | undefined, check: VersionCheck): VersionNotice | undefined {
  if (check.status === 'current' || given === undefined) return undefined;
  const was = shortValue(given);
  if (check.status === 'unknown') {
    return {
      text: `Model version ${was} is not one this site published; showing v${MODEL_VERSION}.`,
      link: 'Model versions',
      path: changesAt(MODEL_VERSION),
    };
  }
  // The newest version that changed the numbers says most about what the reader now sees.
  const newest = check.changed[0];
  return newest === undefined
    ? {
        text: `Made with model v${was}; now v${MODEL_VERSION}, with the same numbers —`,
        link: 'what changed',
        path: changesAt(MODEL_VERSION),
      }
    : {
        text: `Made with model v${was}; numbers now come from v${MODEL_VERSION} —`,
        link: 'what changed',
        path: changesAt(newest.version),
      };
}
