/**
 * Edges of the embed links, URL options and message protocol that the other embed tests do
 * not reach: limits (exactly at and one past), defaults left out of URLs, and what a start
 * state other than the defaults keeps. Found by mutation testing (docs/mutation.md).
 */
import { describe, expect, it } from 'vitest';
import { embedUrl, imgSnippet, presetOf } from '../../../src/lib/embed/links.ts';
import { parseEmbedOptions, SIZE_MAX, SIZE_MIN, shortValue, versionNotice } from '../../../src/lib/embed/options.ts';
import {
  applySet,
  MAX_KEYS,
  MAX_STRING,
  MESSAGE,
  parseHostMessage,
  parseStateMessage,
  stateMessage,
} from '../../../src/lib/embed/protocol.ts';
import { defaults, MODEL_VERSION, presetById, presetValues } from '../../../src/lib/model/index.ts';

const zcBoth = presetValues(presetById('quadrics-zc-both')!);
const gige = presetValues(presetById('gige-2002')!);

describe('embed links', () => {
  it('add the slash a site URL without one lacks', () => {
    expect(embedUrl('https://example.org', 'slowest-side', zcBoth, 'quadrics-zc-both')).toMatch(
      /^https:\/\/example\.org\/embed\/slowest-side\/quadrics-zc-both\/\?/,
    );
  });

  it('leave the default light theme out of the URL, but keep the others', () => {
    const theme = (t: 'light' | 'dark' | 'transparent') =>
      new URL(embedUrl('https://x.org/', 'memory-bus', zcBoth, undefined, { theme: t }));
    expect(theme('light').searchParams.has('theme')).toBe(false);
    expect(theme('transparent').searchParams.get('theme')).toBe('transparent');
  });

  it('write a size only when both sides are given', () => {
    const url = (o: { width?: number; height?: number }) => new URL(embedUrl('https://x.org/', 'memory-bus', zcBoth, undefined, o));
    expect(url({ width: 800 }).searchParams.has('size')).toBe(false);
    expect(url({ height: 600 }).searchParams.has('size')).toBe(false);
    expect(url({ width: 800, height: 600 }).searchParams.get('size')).toBe('800x600');
  });

  it('name no preset when none is given, even for a state that is one', () => {
    expect(presetOf(zcBoth)).toBeUndefined();
  });

  it('write an image snippet with escaped source and text and the static file’s size', () => {
    expect(imgSnippet('a.svg?x=1&y="2"', 'Bus < copy')).toBe(
      '<img src="a.svg?x=1&amp;y=&quot;2&quot;" alt="Bus &lt; copy" width="720" height="400">',
    );
  });
});

describe('embed URL options', () => {
  it('quote a value on one line, a run of controls becoming one space', () => {
    expect(shortValue('a\r\n\t\u200bb')).toBe('a b');
  });

  it('quote up to 40 characters whole and cut a longer value to 39 and an ellipsis', () => {
    expect(shortValue('x'.repeat(40))).toBe('x'.repeat(40));
    expect(shortValue('x'.repeat(41))).toBe(`${'x'.repeat(39)}…`);
  });

  it('treat an empty or blank key as absent, with no notice', () => {
    expect(parseEmbedOptions('theme=&size=%20%20')).toEqual({ theme: undefined, size: undefined, version: undefined, notices: [] });
  });

  it('accept each theme it names', () => {
    for (const t of ['light', 'dark', 'transparent']) expect(parseEmbedOptions(`theme=${t}`)).toMatchObject({ theme: t, notices: [] });
  });

  it('clamp a size when either side is out of bounds, and say so', () => {
    const inside = parseEmbedOptions(`size=${SIZE_MIN}x${SIZE_MAX}`);
    expect(inside.size).toEqual({ width: SIZE_MIN, height: SIZE_MAX });
    expect(inside.notices).toEqual([]);
    const wide = parseEmbedOptions(`size=${SIZE_MAX + 1}x500`);
    expect(wide.size).toEqual({ width: SIZE_MAX, height: 500 });
    expect(wide.notices).toHaveLength(1);
    const short = parseEmbedOptions(`size=500x${SIZE_MIN - 1}`);
    expect(short.size).toEqual({ width: 500, height: SIZE_MIN });
    expect(short.notices).toHaveLength(1);
  });

  it('drop only a leading "v" before a digit from the version', () => {
    expect(parseEmbedOptions('v=V1.1.0').version).toBe('1.1.0');
    expect(parseEmbedOptions('v=1.1.0-v2').version).toBe('1.1.0-v2');
  });

  it('say nothing of a version when none was given', () => {
    expect(versionNotice(undefined, { status: 'unknown', given: '9.9.9' })).toBeUndefined();
  });

  it('link "what changed" when an older version had the same numbers', () => {
    const notice = versionNotice('0.9.0', { status: 'older', changed: [] });
    expect(notice?.link).toBe('what changed');
    expect(notice?.text).toContain(`now v${MODEL_VERSION}, with the same numbers`);
  });
});

describe('embed messages from a host', () => {
  it('accept a record without a prototype, and refuse objects of other kinds', () => {
    const bare = Object.assign(Object.create(null) as object, { type: MESSAGE.get });
    expect(parseHostMessage(bare)).toEqual({ type: MESSAGE.get });
    class Message {
      type = MESSAGE.get;
    }
    expect(parseHostMessage(new Message())).toBeUndefined();
    expect(parseHostMessage(new Map([['type', MESSAGE.get]]))).toBeUndefined();
  });

  it(`take state strings of up to ${MAX_STRING} characters`, () => {
    const at = 'a'.repeat(MAX_STRING);
    expect(parseHostMessage({ type: MESSAGE.set, state: { txMode: at } })).toEqual({ type: MESSAGE.set, state: { txMode: at } });
    expect(parseHostMessage({ type: MESSAGE.set, state: { txMode: `${at}a` } })).toBeUndefined();
  });

  it(`take a state of up to ${MAX_KEYS} keys, known or not`, () => {
    const keys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]));
    expect(parseHostMessage({ type: MESSAGE.set, state: keys(MAX_KEYS) })).toEqual({ type: MESSAGE.set, state: {} });
    expect(parseHostMessage({ type: MESSAGE.set, state: keys(MAX_KEYS + 1) })).toBeUndefined();
  });

  it('accept every theme an embed has and nothing else', () => {
    for (const theme of ['light', 'dark', 'transparent'])
      expect(parseHostMessage({ type: MESSAGE.set, theme })).toEqual({ type: MESSAGE.set, theme });
    expect(parseHostMessage({ type: MESSAGE.set, theme: 'sepia' })).toBeUndefined();
    expect(parseHostMessage({ type: MESSAGE.set, theme: '' })).toBeUndefined();
  });
});

describe('applySet from a state other than the defaults', () => {
  it('keeps the starting value for a value that is no number or option', () => {
    // The zero-copy preset differs from the defaults in both modes, so "keep" and "reset" differ.
    expect(zcBoth.txMode).not.toBe(defaults().txMode);
    const r = applySet(zcBoth, { type: MESSAGE.set, state: { txMode: 'teleport', mss: 'lots' } });
    expect(r.values.txMode).toBe(zcBoth.txMode);
    expect(r.values.mss).toBe(zcBoth.mss);
    expect(r.changes.map((c) => [c.key, c.to])).toEqual([
      ['mss', zcBoth.mss],
      ['txMode', zcBoth.txMode],
    ]);
  });

  it('clamps a value out of range to the limit, not to the starting value', () => {
    const r = applySet(gige, { type: MESSAGE.set, state: { mss: 1 } });
    expect(r.values.mss).toBe(256);
    expect(r.changes).toEqual([{ key: 'mss', from: 1, to: 256, reason: 'below minimum' }]);
  });

  it('without a preset keeps none, even when the state equals one', () => {
    expect(applySet(zcBoth, { type: MESSAGE.set }).preset).toBeUndefined();
  });
});

describe('embed messages to a host', () => {
  const good = stateMessage('state', 'slowest-side', gige, 'gige-2002', []);
  const change = { key: 'mss', from: 1, to: 256, reason: 'below minimum' };

  it('carry every reason a change can have', () => {
    for (const reason of ['not a number', 'below minimum', 'above maximum', 'not a whole number', 'not an option']) {
      expect(parseStateMessage({ ...good, changes: [{ ...change, reason }] })?.changes).toEqual([{ ...change, reason }]);
    }
  });

  it('refuse a change with an unknown key, a missing reason, a non-record or a value that is no text or number', () => {
    for (const bad of [
      { ...change, key: 'nope' },
      { ...change, key: 7 },
      { ...change, reason: undefined },
      { ...change, to: { n: 1 } },
      { ...change, to: 'x'.repeat(MAX_STRING + 1) },
      'mss',
      [change],
    ]) {
      expect(parseStateMessage({ ...good, changes: [bad] }), JSON.stringify(bad)).toBeUndefined();
    }
    expect(parseStateMessage({ ...good, changes: [{ ...change, to: 'x'.repeat(MAX_STRING) }] })?.changes[0]?.to).toBe(
      'x'.repeat(MAX_STRING),
    );
  });

  it('read the first hundred changes and no more', () => {
    const many = Array.from({ length: MAX_KEYS + 5 }, () => change);
    expect(parseStateMessage({ ...good, changes: many })?.changes).toHaveLength(MAX_KEYS);
  });

  it('take a query of up to 4096 characters', () => {
    expect(parseStateMessage({ ...good, query: 'q'.repeat(4096) })?.query).toHaveLength(4096);
    expect(parseStateMessage({ ...good, query: 'q'.repeat(4097) })).toBeUndefined();
  });

  it('cut a long "from" text to the longest a message may carry, and drop one that is no text or number', () => {
    const m = stateMessage('state', 'slowest-side', gige, undefined, [
      { key: 'txMode', from: 'z'.repeat(MAX_STRING * 2), to: 'copy', reason: 'not an option' },
      { key: 'mss', from: true, to: 1448, reason: 'not a number' },
    ]);
    expect(m.changes.map((c) => c.from)).toEqual(['z'.repeat(MAX_STRING), null]);
  });

  it('refuse a figure the site does not have', () => {
    expect(parseStateMessage({ ...good, figure: 'no-such-figure' })).toBeUndefined();
    expect(parseStateMessage({ ...good, figure: 7 })).toBeUndefined();
  });
});
