import { describe, expect, it } from 'vitest';
import { keyAction, stepAfter, type KeyPress } from '../../../src/lib/embed/keys.ts';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...mods,
});

describe('keyAction', () => {
  it('steps with the keys decks step with, and leaves on Escape', () => {
    expect(['ArrowRight', 'ArrowDown', 'PageDown', ' '].map((k) => keyAction(press(k)))).toEqual(['next', 'next', 'next', 'next']);
    expect(['ArrowLeft', 'ArrowUp', 'PageUp'].map((k) => keyAction(press(k)))).toEqual(['previous', 'previous', 'previous']);
    expect(keyAction(press(' ', { shiftKey: true }))).toBe('previous');
    expect(keyAction(press('ArrowRight', { shiftKey: true }))).toBe('next');
    expect([keyAction(press('Home')), keyAction(press('End')), keyAction(press('Escape'))]).toEqual(['first', 'last', 'leave']);
  });

  it('leaves other keys, and any key with Control, Alt or Meta, to the browser', () => {
    for (const key of ['Tab', 'Enter', 'a', 'f', 'b', 'toString', '__proto__', 'constructor', '']) {
      expect(keyAction(press(key)), key).toBeUndefined();
    }
    for (const mod of ['ctrlKey', 'altKey', 'metaKey'] as const) {
      expect(keyAction(press('ArrowRight', { [mod]: true })), mod).toBeUndefined();
      expect(keyAction(press('Escape', { [mod]: true })), mod).toBeUndefined();
    }
  });
});

describe('stepAfter', () => {
  it('moves one step, or to either end, and stops there', () => {
    expect(stepAfter('next', 0, 3)).toBe(1);
    expect(stepAfter('next', 2, 3)).toBe(2);
    expect(stepAfter('previous', 2, 3)).toBe(1);
    expect(stepAfter('previous', 0, 3)).toBe(0);
    expect(stepAfter('first', 2, 3)).toBe(0);
    expect(stepAfter('last', 0, 3)).toBe(2);
    expect(stepAfter('leave', 1, 3)).toBe(1);
    expect(stepAfter('next', 0, 1)).toBe(0);
  });
});
