/**
 * The check of the timeline (timeline.ts) the unit test runs: ids, years and their order,
 * sources, texts, and each entry's model state against the parameter table and the presets.
 */
import { paramFor, presetById } from './model/index.ts';
import type { TimelineEntry } from './timeline.ts';

/** Everything wrong with a timeline, one line each ([] when it is sound). */
export function timelineProblems(entries: readonly TimelineEntry[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  entries.forEach((e, i) => {
    const at = `${e.id || `entry ${i}`}:`;
    if (!/^[a-z0-9-]+$/.test(e.id)) problems.push(`${at} id must be lower-case words joined by "-"`);
    if (ids.has(e.id)) problems.push(`${at} id repeated`);
    ids.add(e.id);
    if (!Number.isInteger(e.year) || e.year < 2002 || e.year > 2026) problems.push(`${at} year ${e.year} outside 2002..2026`);
    const before = entries[i - 1];
    if (before && before.year > e.year) problems.push(`${at} out of order after ${before.id}`);
    for (const s of [e.source, ...e.more]) {
      if (!URL.canParse(s.url) || !/^https?:$/.test(new URL(s.url).protocol)) problems.push(`${at} not a web address: ${s.url}`);
      if (!s.label.trim()) problems.push(`${at} source without a label`);
    }
    if (!e.source.url.startsWith('https://')) problems.push(`${at} main source must be https`);
    if (!e.kernel.trim() || !e.title.trim() || !e.summary.trim() || !e.checkNote.trim()) problems.push(`${at} empty text`);
    for (const k of e.params) if (!paramFor(k)) problems.push(`${at} unknown parameter ${k}`);
    if (e.model === null) {
      if (!e.reason?.trim()) problems.push(`${at} no model state and no reason`);
      return;
    }
    if (e.reason !== undefined) problems.push(`${at} has both a model state and a reason`);
    if (!presetById(e.model.preset)) problems.push(`${at} unknown preset ${e.model.preset}`);
    if (!e.model.note.trim()) problems.push(`${at} model state without a note`);
    for (const [k, v] of Object.entries(e.model.values)) {
      const p = paramFor(k);
      if (!p) {
        problems.push(`${at} unknown parameter ${k}`);
        continue;
      }
      if (!e.params.includes(p.key)) problems.push(`${at} changes ${k} but does not list it`);
      if (p.kind === 'choice') {
        if (!p.options.some((o) => o.value === v)) problems.push(`${at} ${k} has no option ${String(v)}`);
      } else if (typeof v !== 'number' || v < p.min || v > p.max || (p.integer && !Number.isInteger(v))) {
        problems.push(`${at} ${k} = ${String(v)} outside ${p.min}..${p.max}`);
      }
    }
  });
  return problems;
}
