/**
 * The speaker's talk in this browser (localStorage), shared by the figures' "Add this state
 * to my talk" and the talk page. Storage can be missing or refuse (private windows, quota):
 * every call copes and says whether it kept the talk.
 */
import { addStep, emptyTalk, parseTalk, talkJson, type DecodedTalk, type Talk, type TalkStep } from '../../lib/talk/talk.ts';

const KEY = 'slowest-side:talk';
/** The talk a link replaced, kept so the speaker can go back to it. */
const PREVIOUS = 'slowest-side:talk:previous';

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): boolean {
  try {
    localStorage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

/** The stored talk (an empty one when there is none), with what could not be read back. */
export function loadTalk(): DecodedTalk {
  const json = read(KEY);
  return json === null ? { talk: emptyTalk(), problems: [] } : parseTalk(json);
}

/** Stores the talk; false when the browser would not keep it. */
export const saveTalk = (talk: Talk): boolean => write(KEY, talkJson(talk));

/** The talk a link replaced, if any. */
export function loadPrevious(): Talk | undefined {
  const json = read(PREVIOUS);
  return json === null ? undefined : parseTalk(json).talk;
}

export const savePrevious = (talk: Talk): boolean => write(PREVIOUS, talkJson(talk));

export function forgetPrevious(): void {
  try {
    localStorage.removeItem(PREVIOUS);
  } catch {
    // Nothing kept, nothing to forget.
  }
}

/** Adds a step to the stored talk: its new length, or undefined when it was full or not kept. */
export function appendStep(step: TalkStep): { talk: Talk; kept: boolean; added: boolean } {
  const { talk } = loadTalk();
  const next = addStep(talk, step);
  const added = next !== talk;
  return { talk: next, kept: added && saveTalk(next), added };
}
