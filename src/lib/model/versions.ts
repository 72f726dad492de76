/**
 * The model's version history. An embed or export records the version it was made with
 * (`v=` in its URL, the source line of a file); when that is not the current version the
 * embed says so and links to this history, so a chart shown in a talk can be checked later.
 * Add an entry whenever the arithmetic, a default or a preset changes the numbers.
 */
import { MODEL_VERSION } from './index.ts';

/** One released version of the model. */
export interface ModelVersion {
  readonly version: string;
  /** ISO date. */
  readonly date: string;
  /** What changed, in a sentence or two. */
  readonly summary: string;
  /** Whether figures drawn at the previous version show different numbers at this one. */
  readonly changesNumbers: boolean;
}

/** Newest first; the first entry is MODEL_VERSION. */
export const MODEL_VERSIONS: readonly ModelVersion[] = [
  {
    version: '1.1.0',
    date: '2026-12-03',
    summary:
      'Memory traffic counted the same way on both sides: the DMA, the first CPU read of a just-received (cold) payload, and read-for-ownership plus write-back for each copy’s destination, so a copying receive costs 4 crossings per byte and a copying send 3; how many a copy’s destination costs is a new parameter (copyDstCrossings, default 2, unknown between 1 and 2 and drawn as a band). The 10GbE 2003 memory bus was refitted to its published result. tcp_mmap’s link is now the 40GbE payload rate at its MTU, with the unpublished limit near 34 Gbit/s fitted on the sender. Same-core zcrx runs added as presets, the epoll one a listed misfit. What-if presets no longer carry predictions.',
    changesNumbers: true,
  },
  {
    version: '1.0.0',
    date: '2026-11-25',
    summary:
      'First published model: per-side CPU, link, I/O-bus and memory-bus limits, copy / checksum-and-copy / remap / direct receive, copy / sendfile send, two receive cores, window ÷ RTT; presets calibrated to the thread and to published measurements.',
    changesNumbers: true,
  },
];

if (MODEL_VERSIONS[0]?.version !== MODEL_VERSION) {
  throw new Error(`versions.ts: the newest entry (${MODEL_VERSIONS[0]?.version}) is not MODEL_VERSION ${MODEL_VERSION}`);
}

/** What an embed made at `version` should tell its reader. */
export type VersionCheck =
  | { readonly status: 'current' }
  /** Made with a known older version; `changed` lists the later versions that changed numbers. */
  | { readonly status: 'older'; readonly changed: readonly ModelVersion[] }
  /** A version this site never published (a typo, or a newer site's link). */
  | { readonly status: 'unknown'; readonly given: string };

/** Compares an embed's recorded version with the current model. No version given counts as current. */
export function checkVersion(given: string | null | undefined): VersionCheck {
  if (given === null || given === undefined || given === '' || given === MODEL_VERSION) return { status: 'current' };
  const at = MODEL_VERSIONS.findIndex((v) => v.version === given);
  if (at < 0) return { status: 'unknown', given };
  return { status: 'older', changed: MODEL_VERSIONS.slice(0, at).filter((v) => v.changesNumbers) };
}
