/**
 * The timeline (timeline.ts) in the model's terms, for the <Timeline> figure: the rates an
 * entry's state gives, the address that opens the model there, and the entries by year.
 */
import { figureState } from './model/figures.ts';
import { evaluate, toQuery } from './model/index.ts';
import type { TimelineEntry } from './timeline.ts';

/** What the model gives for an entry's state: receive and end-to-end rates, Gbit/s, and what binds. */
export interface Outcome {
  readonly rxGbps: number;
  readonly endToEndGbps: number;
  readonly bound: 'tx' | 'rx' | 'window';
}

/** The complete model state an entry opens, or null when the model cannot express it. */
const entryState = (entry: TimelineEntry): Record<string, unknown> | null =>
  entry.model ? figureState({ preset: entry.model.preset, with: entry.model.values }) : null;

/** The model's rates for an entry's state, or null when the entry has none. */
export function outcome(entry: TimelineEntry): Outcome | null {
  const state = entryState(entry);
  if (!state) return null;
  const r = evaluate(state);
  return { rxGbps: r.rx.gbps, endToEndGbps: r.endToEnd.gbps, bound: r.endToEnd.bound };
}

/** The query string (no `?`) that opens the model at an entry's state, or null. */
export function entryQuery(entry: TimelineEntry): string | null {
  const state = entryState(entry);
  return state ? toQuery(state) : null;
}

/** Entries grouped by year, years ascending (the figure draws one mark per year). */
export function byYear(entries: readonly TimelineEntry[]): { year: number; entries: TimelineEntry[] }[] {
  const years = [...new Set(entries.map((e) => e.year))].sort((a, b) => a - b);
  return years.map((year) => ({ year, entries: entries.filter((e) => e.year === year) }));
}
