/**
 * The numbers the June 2002 thread stated about its send/receive gap, each with who stated
 * it, when, and where: a passage (`<Message-ID>#pN` and the exact words that state it) where
 * the archive holds the words, else the message, whose entry states the number in our
 * summary. Every claim is the speaker's, not ours; what we work out from them (a rate from a
 * ratio, the two readings of "twice") is computed here and labelled as our arithmetic. The
 * figure src/lib/charts/thread-numbers.ts draws them, the seed article shows the passages
 * beside it, and a unit test finds each number in the words it links to. Pure data.
 */
import { slugOf } from './mail/ids.ts';
import { parseRef } from './passages.ts';
import { paths } from './routes.ts';
import { QUESTION_ID, SEED_ID } from './thread-ids.ts';

/** Hurwitz's reply to Oeser, 28 June (a summary in the archive). */
const TO_OESER = 'Pine.LNX.4.44.0206281021160.12596-100000@alvie-mail.lanl.gov';

/** The words that state both measured rates (paragraph 1 of the question). */
const RATES_QUOTE = 'we can transmit IP packets easily at around 1.4 Gbit, but we can only receive at about 0.9 Gbit';

/** One stated number. */
export interface ThreadNumber {
  readonly id: 'send' | 'receive' | 'link' | 'twice' | 'ratio';
  /** What it is about, in a few words. */
  readonly what: string;
  /** Who stated it (the message's author). */
  readonly speaker: string;
  /** The day the message was sent, in the sender's time zone (`YYYY-MM-DD`). */
  readonly said: string;
  /** Which message, in words ("the question"). */
  readonly message: string;
  /** `<Message-ID>#pN` with `quote`, or a bare Message-ID when the archive lacks the words (our summary has the number). */
  readonly at: string;
  /** The exact words of paragraph N that state the number. */
  readonly quote?: string;
  /** The number as it is written: in `quote`, or, for a summary, in our summary's words. */
  readonly stated: string;
  /** What `stated` says as a number: Gbit/s for a rate, a fraction for a share, a multiple for a factor. */
  readonly value: number;
  readonly kind: 'rate' | 'share' | 'factor';
}

/** The thread's numbers, in the order they were said. */
export const THREAD_NUMBERS: readonly ThreadNumber[] = [
  {
    id: 'send',
    what: 'send rate, IP over Quadrics',
    speaker: 'Hurwitz',
    said: '2002-06-27',
    message: 'the question',
    at: `${QUESTION_ID}#p1`,
    quote: RATES_QUOTE,
    stated: '1.4 Gbit',
    value: 1.4,
    kind: 'rate',
  },
  {
    id: 'receive',
    what: 'receive rate, IP over Quadrics',
    speaker: 'Hurwitz',
    said: '2002-06-27',
    message: 'the question',
    at: `${QUESTION_ID}#p1`,
    quote: RATES_QUOTE,
    stated: '0.9 Gbit',
    value: 0.9,
    kind: 'rate',
  },
  {
    id: 'link',
    what: 'the link’s rating',
    speaker: 'Hurwitz',
    said: '2002-06-27',
    message: 'the question',
    at: QUESTION_ID,
    stated: '3.2 Gbit/s',
    value: 3.2,
    kind: 'rate',
  },
  {
    id: 'twice',
    what: 'what TCP/IP should reach on this hardware',
    speaker: 'Hurwitz',
    said: '2002-06-27',
    message: 'the seed message',
    at: `${SEED_ID}#p5`,
    quote: 'we should be able to get twice the performance out of TCP/IP on this hardware than we currently do',
    stated: 'twice',
    value: 2,
    kind: 'factor',
  },
  {
    id: 'ratio',
    what: 'receive as a share of transmit',
    speaker: 'Hurwitz',
    said: '2002-06-28',
    message: 'his reply to Oeser',
    at: TO_OESER,
    stated: '70%',
    value: 0.7,
    kind: 'share',
  },
];

/** The number with this id. */
export function threadNumber(id: ThreadNumber['id']): ThreadNumber {
  const n = THREAD_NUMBERS.find((x) => x.id === id);
  if (n === undefined) throw new Error(`thread numbers: no ${id}`);
  return n;
}

/** Where a number links: the message page, at the paragraph when there is one (a site path, without the base). */
export function passagePath(n: ThreadNumber): string {
  const { messageId, paragraph } = parseRef(n.at);
  return `${paths.message(slugOf(messageId))}${paragraph === null ? '' : `#p${paragraph}`}`;
}

/** A number as drawn: at one rate, or across a range of readings, with how it was had. */
export interface DrawnNumber {
  readonly number: ThreadNumber;
  /** Gbit/s. Equal when there is a single reading. */
  readonly low: number;
  readonly high: number;
  /** 'stated': the rate as said; 'arithmetic': our arithmetic on it and the stated rates. */
  readonly basis: 'stated' | 'arithmetic';
  /** How the rate was had, in words with the numbers computed ("0.7 × 1.4"). */
  readonly how: string;
}

const plain = (x: number): string => String(Number(x.toFixed(4)));

/**
 * Every number as a rate: the stated rates as they are; the share applied to the stated send
 * rate; "twice" applied to either stated rate, since the message names no baseline.
 */
export function drawnNumbers(list: readonly ThreadNumber[] = THREAD_NUMBERS): DrawnNumber[] {
  const rate = (id: 'send' | 'receive'): number => list.find((n) => n.id === id)?.value ?? threadNumber(id).value;
  return list.map((n) => {
    if (n.kind === 'rate') return { number: n, low: n.value, high: n.value, basis: 'stated', how: 'as stated' };
    if (n.kind === 'share') {
      const send = rate('send');
      return {
        number: n,
        low: n.value * send,
        high: n.value * send,
        basis: 'arithmetic',
        how: `${plain(n.value)} × the send rate, ${plain(send)}`,
      };
    }
    const [a, b] = [rate('receive'), rate('send')];
    return {
      number: n,
      low: n.value * a,
      high: n.value * b,
      basis: 'arithmetic',
      how: `${plain(n.value)} × receive (${plain(a)}) or × send (${plain(b)}): no baseline is named`,
    };
  });
}
