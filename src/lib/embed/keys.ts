/**
 * The embed's own keys, for a reader who has clicked into it (a speaker in a deck): the keys
 * a slide tool steps with also step the embed's sequence, and Escape gives the keyboard back
 * to the host page. Pure: src/scripts/embed.ts listens, and only while the frame has focus,
 * so the host's keys are never taken before the reader chooses the embed.
 */

/** What a key does in an embed. */
export type KeyAction = 'next' | 'previous' | 'first' | 'last' | 'leave';

/** The parts of a keyboard event that decide it. */
export interface KeyPress {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly metaKey: boolean;
}

const KEYS: Readonly<Record<string, KeyAction>> = {
  ArrowRight: 'next',
  ArrowDown: 'next',
  PageDown: 'next',
  ' ': 'next',
  ArrowLeft: 'previous',
  ArrowUp: 'previous',
  PageUp: 'previous',
  Home: 'first',
  End: 'last',
  Escape: 'leave',
};

/**
 * The action of a key press, or undefined for a key the embed leaves alone (any key with
 * Control, Alt or Meta: those belong to the browser). Shift+Space steps back, as in decks.
 */
export function keyAction(press: KeyPress): KeyAction | undefined {
  if (press.ctrlKey || press.altKey || press.metaKey || !Object.hasOwn(KEYS, press.key)) return undefined;
  const action = KEYS[press.key];
  return press.key === ' ' && press.shiftKey ? 'previous' : action;
}

/** The step an action leads to from step `index` of `count` (count ≥ 1); 'leave' stays. */
export function stepAfter(action: KeyAction, index: number, count: number): number {
  const last = count - 1;
  switch (action) {
    case 'next':
      return Math.min(index + 1, last);
    case 'previous':
      return Math.max(index - 1, 0);
    case 'first':
      return 0;
    case 'last':
      return last;
    default:
      return index;
  }
}
