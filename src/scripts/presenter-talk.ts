/**
 * Presenter mode on a talk (lib/talk/talk.ts): each step on its own figure at its own state,
 * with its caption and notes, and live controls for a few key parameters of the step on
 * screen. Touches no page store, URL or history: what the talk page calls, and what the
 * offline talk file runs.
 */
import { stepState, type Talk, type TalkStep } from '../lib/talk/talk.ts';
import { present, type Slide } from './presenter-core.ts';

/** A talk step as presenter mode shows it. */
export function talkSlide(step: TalkStep): Slide {
  const { values, bandKeys } = stepState(step);
  return { figure: step.figure, values, bandKeys, origin: step.origin, sentence: step.caption, notes: step.notes, fragment: '' };
}

/**
 * Presents `talk` from step `start` (default the first); focus returns to `opener` (default:
 * what had focus) on closing. Does nothing for a talk without steps, or while a presenter is open.
 */
export function presentTalk(talk: Talk, opener?: HTMLElement, start = 0): void {
  present(talk.steps.map(talkSlide), { opener, start, live: true });
}
