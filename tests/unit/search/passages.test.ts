import { describe, expect, it } from 'vitest';
import { passes } from '../../../src/lib/search/checks.ts';
import { passagesOf, textDirective } from '../../../src/lib/search/passages.ts';
import { isQuoted, normalize, QUOTE_WEIGHT, wordMatches, wordsOf, type ResultData } from '../../../src/lib/search/result.ts';

/** A message page as Pagefind returns it: title, then quoted paragraph s2, then own paragraph p1. */
function page(hits: [number, number][]): ResultData {
  const content = [
    'Re: zero-copy networking.', // words 0-2
    'Summary (our words). He says TCP/IP is the wrong api.', // 3-12
    '>> sorry), or in the IP stack after netif_rx() is called.', // 13-23
    'You are very right in saying that TCP/IP is the wrong api for this hardware.', // 24-38
  ].join(' ');
  return {
    url: '/sub/m/seed@x.invalid/',
    content,
    meta: { title: 'Re: zero-copy networking' },
    filters: { kind: ['message'] },
    anchors: [
      { element: 'div', id: 's2', location: 13 },
      { element: 'div', id: 'p1', location: 24 },
    ],
    weighted_locations: hits.map(([location, weight]) => ({ location, weight, balanced_score: weight })),
  };
}

describe('words and weights', () => {
  it('counts words as Pagefind does and tells quoted hits by their weight', () => {
    expect(wordsOf(page([]).content)[21]).toBe('netif_rx()');
    expect(isQuoted({ weight: QUOTE_WEIGHT, balanced_score: 0, location: 0 })).toBe(true);
    expect(isQuoted({ weight: 1, balanced_score: 0, location: 0 })).toBe(false);
    expect(isQuoted({ weight: 7, balanced_score: 0, location: 0 })).toBe(false);
  });

  it('matches words the way Pagefind finds them: stems and starts', () => {
    expect(wordMatches('netif_rx()', 'netif')).toBe(true);
    expect(wordMatches('copies', 'copy')).toBe(true);
    expect(wordMatches('TCP/IP', 'tcpip')).toBe(true);
    expect(wordMatches('send', 'sendfile')).toBe(false);
    expect(wordMatches('', 'x')).toBe(false);
    expect(normalize('Zero-Copy, “TCP/IP”')).toBe('zero copy tcp ip');
  });
});

describe('passagesOf', () => {
  it('links the best region: own text outranks the quote, with a text fragment', () => {
    const ps = passagesOf(
      page([
        [21, QUOTE_WEIGHT],
        [35, 1],
      ]),
    );
    expect(ps.map((p) => [p.anchor, p.label, p.quoted])).toEqual([
      ['p1', 'Paragraph 1', false],
      ['s2', 'Quoted text', true],
    ]);
    expect(ps[0]?.href).toBe('/sub/m/seed@x.invalid/#p1:~:text=wrong-,api,-for');
    expect(ps[1]?.href).toBe('/sub/m/seed@x.invalid/#s2:~:text=after-,netif_rx');
    expect(ps[1]?.words.filter((w) => w.mark).map((w) => w.text)).toEqual(['netif_rx()']);
  });

  it('puts a region holding an exact phrase first', () => {
    const hits: [number, number][] = [
      [11, 1],
      [12, 1],
      [29, QUOTE_WEIGHT],
      [30, QUOTE_WEIGHT],
    ];
    expect(passagesOf(page(hits))[0]?.anchor).toBeNull();
    const [first] = passagesOf(page(hits), { phrases: ['Saying, that'] });
    expect(first?.anchor).toBe('p1');
    expect(first?.href).toBe('/sub/m/seed@x.invalid/#p1:~:text=in-,saying,-that');
  });

  it('uses heading text as the label and keeps excerpts inside the region', () => {
    const data: ResultData = {
      url: '/articles/a/',
      content: 'Title. Intro words here. Stage one. The driver calls netif_rx for each frame. Stage two. Other text.',
      meta: { title: 'Title' },
      filters: { kind: ['article'] },
      anchors: [
        { element: 'h2', id: 'stage-one', text: 'Stage one', location: 4 },
        { element: 'h2', id: 'stage-two', text: 'Stage two', location: 13 },
      ],
      weighted_locations: [{ location: 9, weight: 1, balanced_score: 1 }],
    };
    const [p] = passagesOf(data);
    expect(p?.label).toBe('Stage one');
    expect(p?.href).toBe('/articles/a/#stage-one:~:text=calls-,netif_rx,-for');
    expect(p?.words.map((w) => w.text).join(' ')).toBe('Stage one. The driver calls netif_rx for each frame.');
  });

  it('starts at the page’s own text when there are no hits (a search by filters alone)', () => {
    const [p] = passagesOf(page([]));
    expect(p?.href).toBe('/sub/m/seed@x.invalid/');
    expect(p?.words[0]?.text).toBe('You');
  });

  it('keeps markup in the index as words, never as HTML', () => {
    const data = { ...page([[1, 1]]), content: 'A <script>alert(1)</script> <b>word</b>' };
    const [p] = passagesOf(data);
    expect(p?.words.map((w) => w.text)).toEqual(['A', '<script>alert(1)</script>', '<b>word</b>']);
  });
});

describe('textDirective', () => {
  const words = wordsOf('the zero-copy path, and a-b & c,d netif_rx() is x&y called.');
  it('percent-encodes the syntax characters of a directive', () => {
    expect(textDirective(words, 1, 0, words.length)).toBe(':~:text=the-,zero%2Dcopy,-path');
    expect(textDirective(words, 4, 0, words.length)).toBe(':~:text=and-,a%2Db');
    expect(textDirective(words, 6, 0, words.length)).toBe(':~:text=c%2Cd,-netif_rx');
    expect(textDirective(words, 9, 0, words.length)).toBe(':~:text=is-,x%26y,-called');
  });
  it('widens the context until no earlier place on the page matches it', () => {
    const ws = wordsOf(page([]).content);
    // "the wrong api" also occurs in the summary above; "is the wrong api for" does not.
    expect(textDirective(ws, 34, 24, ws.length)).toBe(':~:text=is%20the-,wrong,-api%20for');
    expect(textDirective(ws, 11, 3, 13)).toBe(':~:text=the-,wrong,-api');
  });
  it('stops the context at block ends and quote markers', () => {
    const ws = wordsOf('one two. three four five six seven. > eight nine');
    // Widening for uniqueness never crosses "two." or ">".
    expect(textDirective(ws, 2, 0, ws.length)).toBe(':~:text=three,-four');
    const twice = ['three', 'four', ...ws];
    expect(textDirective(twice, 4, 0, twice.length)).toBe(':~:text=three,-four%20five');
    expect(textDirective(ws, 8, 0, ws.length)).toBe(':~:text=eight,-nine');
  });
  it('leaves out neighbours joined by punctuation or outside the region', () => {
    expect(textDirective(words, 7, 0, words.length)).toBe(':~:text=c%2Cd-,netif_rx');
    expect(textDirective(words, 7, 7, 8)).toBe(':~:text=netif_rx');
    expect(textDirective(['—'], 0, 0, 1)).toBeNull();
  });
});

describe('passes', () => {
  const none = { phrases: [], subjects: [], quoted: [], unquoted: [], excluded: [] };
  it('checks exact phrases as whole words in order', () => {
    expect(passes({ ...none, phrases: ['wrong api'] }, page([]))).toBe(true);
    expect(passes({ ...none, phrases: ['WRONG   API'] }, page([]))).toBe(true);
    expect(passes({ ...none, phrases: ['api wrong'] }, page([]))).toBe(false);
    expect(passes({ ...none, phrases: ['wrong ap'] }, page([]))).toBe(false);
  });
  it('checks s: against the title', () => {
    expect(passes({ ...none, subjects: ['zero-copy'] }, page([]))).toBe(true);
    expect(passes({ ...none, subjects: ['net'] }, page([]))).toBe(true);
    expect(passes({ ...none, subjects: ['hardware'] }, page([]))).toBe(false);
  });
  it('checks q: and nq: by the weight of the hits', () => {
    const quotedOnly = page([[21, QUOTE_WEIGHT]]);
    expect(passes({ ...none, quoted: ['netif_rx'] }, quotedOnly)).toBe(true);
    expect(passes({ ...none, unquoted: ['netif_rx'] }, quotedOnly)).toBe(false);
    const both = page([
      [11, 1],
      [34, 1],
    ]);
    expect(passes({ ...none, unquoted: ['wrong'] }, both)).toBe(true);
    expect(passes({ ...none, quoted: ['wrong'] }, both)).toBe(false);
  });
  it('drops a result that contains an excluded word or phrase, as whole words', () => {
    expect(passes({ ...none, excluded: ['api'] }, page([]))).toBe(false);
    expect(passes({ ...none, excluded: ['wrong api'] }, page([]))).toBe(false);
    expect(passes({ ...none, excluded: ['ap'] }, page([]))).toBe(true);
    expect(passes({ ...none, excluded: ['api wrong'] }, page([]))).toBe(true);
  });
});

describe('passagesOf with titles and compound words', () => {
  it('does not let a hit in the title outrank the passage, and finds a phrase inside a compound word', () => {
    const data: ResultData = {
      url: '/a/',
      content: 'Zero-copy receive today. Intro. Part. It has zero-copy receive now.',
      meta: { title: 'Zero-copy receive today' },
      filters: {},
      anchors: [{ element: 'h2', id: 'part', text: 'Part', location: 4 }],
      weighted_locations: [
        { location: 0, weight: 7, balanced_score: 7 },
        { location: 1, weight: 7, balanced_score: 7 },
        { location: 7, weight: 1, balanced_score: 1 },
        { location: 8, weight: 1, balanced_score: 1 },
      ],
    };
    expect(passagesOf(data)[0]?.anchor).toBe('part');
    const [p] = passagesOf({ ...data, weighted_locations: data.weighted_locations.slice(2) }, { phrases: ['copy receive'] });
    expect(p?.href).toBe('/a/#part:~:text=has-,zero%2Dcopy,-receive');
  });
});
