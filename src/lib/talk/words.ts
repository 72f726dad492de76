/**
 * A talk step in words, for the talk page's list: which figure, which state. Pure.
 */
import { figures } from '../charts/index.ts';
import { knobText } from '../model/knob.ts';
import { params, presetById, presetValues, defaults } from '../model/index.ts';
import { stepState, type TalkStep } from './talk.ts';

/** "Label value unit" for one parameter, as the knobs print it. */
function setting(key: string, value: number | string): string {
  const p = params.find((x) => x.key === key)!;
  const unit = p.kind === 'number' ? (p.unit === 'fraction' ? ' %' : ` ${p.unit}`) : '';
  return `${p.label.toLowerCase()} ${knobText(p, value)}${unit}`;
}

/** The state of a step against where it started: the preset's title and the values changed from it. */
export function stateWords(step: TalkStep): string {
  if (figures[step.figure].stateless === true) return 'published numbers';
  const { values } = stepState(step);
  const preset = presetById(step.origin) ?? presetById(new URLSearchParams(step.state).get('preset') ?? '');
  const from = preset ? presetValues(preset) : defaults();
  const changed = params.filter((p) => values[p.key] !== from[p.key]).map((p) => setting(p.key, values[p.key]));
  const start = preset ? `preset “${preset.title}”` : 'the model’s defaults';
  return changed.length === 0 ? start : `${start}, with ${changed.join(', ')}`;
}

/** "Figure title: state words". */
export const stepWhat = (step: TalkStep): string => `${figures[step.figure].title}: ${stateWords(step)}`;

/** Lower-case ASCII words of `text` (accents dropped, µ as u) joined by `-`, as many whole words as fit in `max` characters. */
export function slug(text: string, max: number): string {
  const words = text
    .replace(/[µμ]/g, 'u')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let out = '';
  for (const w of words) {
    const next = out ? `${out}-${w}` : w;
    if (next.length > max) break;
    out = next;
  }
  return out || (words[0] ?? '').slice(0, max);
}
