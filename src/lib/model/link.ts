/**
 * The query string that opens the model at a preset with some values changed: what
 * `<ModelLink preset values>` and the timeline's links put in their URLs. Pure.
 */
import { figureState } from './figures.ts';
import type { Values } from './params.ts';
import { toQuery } from './query.ts';

/** A model state named the way prose names it: a preset id and values changed from it. */
export interface ModelState {
  /** Preset id (src/lib/model/presets.ts); unknown ids throw. */
  readonly preset: string;
  /** Values over the preset's (the table's keys). */
  readonly values?: Partial<Values>;
}

/** The query (no leading `?`) for a preset plus changes: only values that differ from the defaults. */
export function stateQuery(state: ModelState): string {
  return toQuery(figureState(state.values ? { preset: state.preset, with: state.values } : { preset: state.preset }));
}
