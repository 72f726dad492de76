/**
 * Passages and text directives at their edges (passages.ts): region labels for every kind of
 * anchor, excerpt bounds, the phrase's first word as the linked hit, ties, and the context a
 * directive takes. Found by mutation testing (docs/mutation.md).
 */
import { describe, expect, it } from 'vitest';
import { passagesOf, textDirective } from '../../../src/lib/search/passages.ts';
import { QUOTE_WEIGHT, wordsOf, type Anchor, type ResultData } from '../../../src/lib/search/result.ts';

/** A page of `n` numbered words (w0 w1 …), with anchors and hits (word index → weight). */
function numbered(n: number, anchors: Anchor[], hits: Record<number, number>, url = '/sub/page/'): ResultData {
  return {
    url,
    content: Array.from({ length: n }, (_, k) => `w${k}`).join(' '),
    meta: { title: 'T' },
    filters: {},
    anchors,
    weighted_locations: Object.entries(hits).map(([at, weight]) => ({ location: Number(at), weight, balanced_score: weight })),
  };
}
/** An anchor on a div. */
const div = (id: string, location: number): Anchor => ({ element: 'div', id, location });
const text = (ws: { text: string }[] | undefined) => ws?.map((w) => w.text).join(' ');

describe('passage labels', () => {
  it('name a paragraph, a message segment and a heading found above the region', () => {
    const anchors: Anchor[] = [
      { element: 'H2', id: 'stage', text: '  Stage one ', location: 0 },
      div('p12', 10),
      div('s3', 20),
      div('box', 30),
      div('xp4', 40),
    ];
    const ps = passagesOf(numbered(50, anchors, { 5: 6, 15: 5, 25: 4, 35: 3, 45: 2 }), { max: 5 });
    expect(ps.map((p) => [p.anchor, p.label])).toEqual([
      ['stage', 'Stage one'],
      ['p12', 'Paragraph 12'],
      ['s3', 'Message text'],
      ['box', 'Stage one'],
      ['xp4', 'Stage one'],
    ]);
  });

  it('use no heading that comes after the region, and no label without one', () => {
    const anchors: Anchor[] = [div('box', 5), { element: 'h3', id: 'later', text: 'Later', location: 20 }];
    const [p] = passagesOf(numbered(30, anchors, { 8: 1 }));
    expect(p?.anchor).toBe('box');
    expect(p?.label).toBe('');
  });

  it('tell an h1–h6 from other elements whose name starts or ends alike', () => {
    const anchors: Anchor[] = [
      { element: 'h7', id: 'a', text: 'Not a heading', location: 0 },
      { element: 'xh2', id: 'b', text: 'Nor this', location: 10 },
      { element: 'h2x', id: 'c', text: 'Nor that', location: 20 },
    ];
    const ps = passagesOf(numbered(30, anchors, { 5: 3, 15: 2, 25: 1 }));
    expect(ps.map((p) => p.label)).toEqual(['', '', '']);
  });

  it('label a region quoted only when every hit in it is quoted', () => {
    const anchors: Anchor[] = [div('part', 0)];
    const mixed = passagesOf(numbered(10, anchors, { 2: QUOTE_WEIGHT, 3: 1 }));
    expect(mixed.map((p) => [p.quoted, p.label])).toEqual([[false, '']]);
    const quoted = passagesOf(numbered(10, anchors, { 2: QUOTE_WEIGHT }));
    expect(quoted.map((p) => [p.quoted, p.label])).toEqual([[true, 'Quoted text']]);
  });
});

describe('passage regions', () => {
  it('are cut by anchors in page order, not by the page root, and own a hit at their first word', () => {
    const anchors: Anchor[] = [div('p2', 20), { element: 'main', id: 'main', location: 0 }, div('content', 0), div('p1', 10)];
    const ps = passagesOf(numbered(30, anchors, { 3: 3, 10: 2, 20: 1 }));
    expect(ps.map((p) => p.anchor)).toEqual([null, 'p1', 'p2']);
    expect(ps[0]?.href).toBe('/sub/page/#:~:text=w2-,w3,-w4');
    expect(ps[1]?.words[0]).toEqual({ text: 'w10', mark: true });
  });

  it('rank regions of equal weight in page order', () => {
    const anchors: Anchor[] = [div('p1', 10), div('p2', 20)];
    const hits = { 25: 1, 15: 1 };
    expect(passagesOf(numbered(30, anchors, hits)).map((p) => p.anchor)).toEqual(['p1', 'p2']);
  });

  it('give at most `max` passages', () => {
    const anchors: Anchor[] = [div('p1', 10)];
    const hits = { 5: 1, 15: 1 };
    expect(passagesOf(numbered(20, anchors, hits), { max: 1 })).toHaveLength(1);
  });

  it('link to the page without its own fragment, and encode the anchor', () => {
    const [p] = passagesOf(numbered(10, [div('p 1', 0)], { 3: 1 }, '/sub/page/#old'));
    expect(p?.href).toBe('/sub/page/#p%201:~:text=w2-,w3,-w4');
  });
});

describe('passage excerpts', () => {
  it('put the hit a third of the way in and say where the page was cut', () => {
    const [p] = passagesOf(numbered(40, [], { 20: 1 }), { length: 6 });
    expect(text(p?.words)).toBe('w18 w19 w20 w21 w22 w23');
    expect(p?.words.map((w) => w.mark)).toEqual([false, false, true, false, false, false]);
    expect([p?.cutBefore, p?.cutAfter]).toEqual([true, true]);
  });

  it('are not cut on a page shorter than the excerpt', () => {
    const [p] = passagesOf(numbered(5, [], { 2: 1 }), { length: 6 });
    expect(text(p?.words)).toBe('w0 w1 w2 w3 w4');
    expect([p?.cutBefore, p?.cutAfter]).toEqual([false, false]);
  });

  it('stay inside their region at its end', () => {
    const anchors: Anchor[] = [div('p2', 10)];
    const [p] = passagesOf(numbered(20, anchors, { 9: 1 }), { length: 6 });
    expect(text(p?.words)).toBe('w4 w5 w6 w7 w8 w9');
    expect([p?.cutBefore, p?.cutAfter]).toEqual([true, true]);
  });
});

describe('a passage with no hits', () => {
  it('starts at the first paragraph, within it', () => {
    const anchors: Anchor[] = [div('xp1', 3), div('p10', 8), div('p11', 12)];
    const [p] = passagesOf(numbered(20, anchors, {}), { length: 10 });
    expect(text(p?.words)).toBe('w8 w9 w10 w11');
    expect(p).toMatchObject({ anchor: null, label: '', quoted: false, cutBefore: true, cutAfter: true, href: '/sub/page/' });
  });

  it('starts at the first region with words when there is no paragraph', () => {
    const anchors: Anchor[] = [div('a', 0), div('b', 0)];
    const [p] = passagesOf(numbered(4, anchors, {}), { length: 10 });
    expect(text(p?.words)).toBe('w0 w1 w2 w3');
  });
});

describe('passages for a phrase', () => {
  /** One region: "zero-copy receive path" far from a heavier hit on "sendfile". */
  const data: ResultData = {
    url: '/p/',
    content: 'We tried sendfile first. Later the zero-copy receive path won.',
    meta: {},
    filters: {},
    anchors: [],
    weighted_locations: [
      { location: 2, weight: 3, balanced_score: 3 },
      { location: 6, weight: 1, balanced_score: 1 },
      { location: 7, weight: 1, balanced_score: 1 },
    ],
  };

  it('link the hit where the phrase starts, even inside a word, rather than the heaviest', () => {
    expect(passagesOf(data, { phrases: ['copy receive'] })[0]?.href).toBe('/p/#:~:text=the-,zero%2Dcopy,-receive');
    expect(passagesOf(data, { phrases: ['receive path'] })[0]?.href).toBe('/p/#:~:text=zero%2Dcopy-,receive,-path');
    expect(passagesOf(data)[0]?.href).toBe('/p/#:~:text=tried-,sendfile,-first');
  });

  it('link the heaviest hit when the phrase starts at no hit', () => {
    expect(passagesOf(data, { phrases: ['path won'] })[0]?.href).toBe('/p/#:~:text=tried-,sendfile,-first');
  });

  it('put a region holding any one of the phrases first, and ignore blank phrases', () => {
    const page = numbered(20, [div('p1', 10)], { 5: 5, 15: 1 });
    expect(passagesOf(page, { phrases: ['w14 w15', 'nowhere at all', ' '] }).map((p) => p.anchor)).toEqual(['p1', null]);
    expect(passagesOf(page, { phrases: [' ', '—'] }).map((p) => p.anchor)).toEqual([null, 'p1']);
  });
});

describe('textDirective context', () => {
  const at = (words: string[], i: number, start = 0, end = words.length) => textDirective(words, i, start, end);

  it('strips a run of punctuation from either end of the word, and keeps digits', () => {
    expect(at(['the', '“(zero', 'path'], 1)).toBe(':~:text=zero,-path');
    expect(at(['in', '2002'], 1)).toBe(':~:text=in-,2002');
  });

  it('takes no word before one that starts with punctuation', () => {
    expect(at(['the', '(copy', 'path'], 1)).toBe(':~:text=copy,-path');
  });

  it('takes no word after that starts with punctuation, and drops a run of it from the last', () => {
    expect(at(['copy', '(zero', 'x'], 0)).toBe(':~:text=copy');
    expect(at(['zero', 'copy', 'path),'], 1)).toBe(':~:text=zero-,copy,-path');
  });

  it('stops at the region’s end', () => {
    expect(at(['a', 'copy', 'path'], 1, 0, 2)).toBe(':~:text=a-,copy');
  });

  it('widens only until the word itself is the first match', () => {
    expect(at(['the', 'cat', 'sat', 'the', 'dog', 'sat'], 4)).toBe(':~:text=the-,dog,-sat');
    expect(at(['a', 'x', 'y', 'b', 'x', 'y'], 4)).toBe(':~:text=b-,x,-y');
  });

  it('widens before the word alone when nothing can follow it, up to four words', () => {
    const words = wordsOf('p a b c x. q a b c x.');
    expect(at(words, 9)).toBe(':~:text=q%20a%20b%20c-,x');
  });
});
