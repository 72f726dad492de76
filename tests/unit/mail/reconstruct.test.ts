import { describe, expect, it } from 'vitest';
import { quotedId } from '../../../src/lib/mail/ids.ts';
import { backlinks, linkQuotes } from '../../../src/lib/mail/provenance.ts';
import { paragraphs, segment } from '../../../src/lib/mail/quotes.ts';
import { reconstruct } from '../../../src/lib/mail/reconstruct.ts';
import { BERND_ID, fixture, ORIGINAL_ID, SEED_DATE, SEED_ID, SEED_SUBJECT, seedBody } from '../../fixtures/quotes/load.ts';

const seed = { messageId: SEED_ID, subject: SEED_SUBJECT, body: seedBody() };
const QUESTION = [
  'Previous tests have show that we can transmit IP packets easily at around',
  '1.4 Gbit, but we can only receive at about 0.9 Gbit. We suspect there is a',
  'memory copy somewhere either in the quadrics IP driver (covered by an NDA,',
  "sorry), or in the IP stack after netif_rx() is called. I've looked at the",
  'driver, and, upon a (good) cursory inspection, it looks good.',
];

describe('reconstruct: the seed', () => {
  const rebuilt = reconstruct(seed, []);
  const [bernd, question] = rebuilt;

  it('rebuilds two messages with derived ids when no ancestors are known', () => {
    expect(rebuilt.map((r) => r.depth)).toEqual([1, 2]);
    expect(bernd?.messageId).toBe(quotedId(SEED_ID, 1));
    expect(question?.messageId).toBe(quotedId(SEED_ID, 2));
    expect(reconstruct(seed, [])).toEqual(rebuilt);
  });

  it("rebuilds Bernd's reply with his attribution, his quote one level deep and his lines", () => {
    expect(bernd).toMatchObject({ author: 'Bernd', quotedIn: SEED_ID, inReplyTo: question?.messageId, subject: SEED_SUBJECT });
    const lines = bernd?.body.split('\n') ?? [];
    expect(lines[0]).toBe('In article <> you wrote:');
    expect(lines.slice(1, 6)).toEqual(QUESTION.map((l) => `> ${l}`));
    expect(lines[6]).toBe('You have to sign a NDA for a hardware which bahaves slower than expected and');
    expect(lines.at(-1)).toBe('simply the wrong api to speak to that device?');
    expect(lines).toHaveLength(13);
  });

  it('rebuilds the quoted part of the original question, author unknown, no known parent', () => {
    expect(question).toMatchObject({ author: null, inReplyTo: null, depth: 2, quotedIn: SEED_ID });
    expect(question?.body).toBe(QUESTION.join('\n'));
    expect(question?.subject).toBe('zero-copy networking & a performance drop');
  });

  it('uses the real ids when the ancestors are known', () => {
    const real = reconstruct(seed, [BERND_ID, ORIGINAL_ID]);
    expect(real.map((r) => [r.messageId, r.inReplyTo])).toEqual([
      [BERND_ID, ORIGINAL_ID],
      [ORIGINAL_ID, null],
    ]);
    expect(reconstruct(seed, [BERND_ID]).map((r) => r.inReplyTo)).toEqual([quotedId(SEED_ID, 2), null]);
  });

  it('gives rebuilt messages that link as quote sources, and backlinks that point back', () => {
    const seedSegs = segment(seed.body);
    const inputs = [
      { messageId: SEED_ID, date: SEED_DATE, segments: seedSegs },
      ...rebuilt.map((r) => ({ messageId: r.messageId, date: null, segments: segment(r.body) })),
    ];
    const berndSegs = inputs[1]?.segments ?? [];
    expect(paragraphs(berndSegs)).toHaveLength(1);
    const links = linkQuotes(inputs);
    const deep = seedSegs.findIndex((s) => s.kind === 'quote' && s.depth === 2);
    const shallow = seedSegs.findIndex((s) => s.kind === 'quote' && s.depth === 1);
    const berndQuote = berndSegs.findIndex((s) => s.kind === 'quote');
    expect(links).toEqual([
      { messageId: SEED_ID, segment: deep, source: { messageId: question?.messageId, paragraph: 1 } },
      { messageId: SEED_ID, segment: shallow, source: { messageId: bernd?.messageId, paragraph: 1 } },
      { messageId: bernd?.messageId, segment: berndQuote, source: { messageId: question?.messageId, paragraph: 1 } },
    ]);
    const back = backlinks(links);
    expect(back.get(question?.messageId ?? '')?.get(1)).toEqual([
      { messageId: SEED_ID, segment: deep },
      { messageId: bernd?.messageId, segment: berndQuote },
    ]);
    expect(back.get(bernd?.messageId ?? '')?.get(1)).toEqual([{ messageId: SEED_ID, segment: shallow }]);
  });
});

describe('reconstruct: other shapes', () => {
  it('gives nothing for a message without quotes', () => {
    expect(reconstruct({ messageId: 'n@example.org', subject: 'Q', body: fixture('no-quotes.txt') }, [])).toEqual([]);
  });

  it('marks gaps with "[…]" and keeps quoted paragraph breaks as blank lines', () => {
    const [lena, kim] = reconstruct({ messageId: 'g@example.org', subject: 'Re: Re: Elan MTU', body: fixture('gaps.txt') }, []);
    expect(kim?.body).toBe(
      [
        'The first thing to try is a larger MTU on the Elan side.',
        '',
        'Second paragraph of the same message, about the socket buffers.',
        '[…]',
        'Third, check whether the driver copies before netif_rx().',
      ].join('\n'),
    );
    expect(lena?.body).toBe(
      [
        'Kim Sample wrote:',
        '> The first thing to try is a larger MTU on the Elan side.',
        '>',
        '> Second paragraph of the same message, about the socket buffers.',
        'Tried the MTU already; it did not change the receive rate.',
        '> Third, check whether the driver copies before netif_rx().',
        'It does not copy, as far as I can see.',
        '[…]',
        'One more thing: the card has its own memory management unit.',
      ].join('\n'),
    );
    expect([lena?.author, kim?.author]).toEqual(['Lena Example', 'Kim Sample']);
    expect([lena?.subject, kim?.subject]).toEqual(['Re: Elan MTU', 'Elan MTU']);
  });

  it('keeps three levels apart and strips markers one level per depth', () => {
    const rebuilt = reconstruct({ messageId: 'n3@example.org', subject: 'Re: copies', body: fixture('nested.txt') }, []);
    expect(rebuilt.map((r) => [r.depth, r.author])).toEqual([
      [1, 'Mira Example'],
      [2, 'Tomas Sample'],
      [3, null],
    ]);
    expect(rebuilt[2]?.body).toBe('Somebody said that at the start of the thread, three levels up.');
    expect(rebuilt[1]?.body.split('\n')).toContain('> Somebody said that at the start of the thread, three levels up.');
    expect(rebuilt[0]?.body.split('\n')[0]).toBe('Tomas Sample wrote:');
    expect(rebuilt.map((r) => r.inReplyTo)).toEqual([rebuilt[1]?.messageId, rebuilt[2]?.messageId, null]);
  });

  it('takes the id from an attribution that carries one when the ancestors do not', () => {
    const body = 'In article <q1.2002@news.example.org>, Wes Sample wrote:\n> The driver never copies the payload.\n\nGood to know.';
    const [r] = reconstruct({ messageId: 'w@example.org', subject: 'Re: driver', body }, []);
    expect(r).toMatchObject({ messageId: 'q1.2002@news.example.org', author: 'Wes Sample', inReplyTo: null });
    expect(r?.body).toBe('The driver never copies the payload.');
  });

  it('names no author for "you wrote:" or "I wrote:" attributions', () => {
    const body = 'You wrote:\n> Quoted words from the previous message.\n\nI wrote:\n> Quoted words of mine from before.\n\nReply.';
    const rebuilt = reconstruct({ messageId: 'p@example.org', subject: 'Re: x', body }, []);
    expect(rebuilt.map((r) => r.author)).toEqual([null]);
    expect(
      segment(body)
        .filter((s) => s.kind === 'attribution')
        .map((s) => s.who),
    ).toEqual(['you', 'I']);
  });
});
