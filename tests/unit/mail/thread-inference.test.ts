/**
 * Inferred parents (thread-inference.ts), through threadMessages: quotes, attributions, a
 * "Re:" subject, hints, and the order they are tried in.
 */
import { describe, expect, it } from 'vitest';
import { threadMessages } from '../../../src/lib/mail/thread.ts';
import { msg, find } from '../../support/threads.ts';

describe('threadMessages: inference', () => {
  it('links to the first quoted message that is archived and earlier', () => {
    const threads = threadMessages([
      msg('a@x.test', 0, { subject: 'one' }),
      msg('b@x.test', 1, { subject: 'two' }),
      msg('future@x.test', 9, { subject: 'three' }),
      msg('q@x.test', 5, { subject: 'four', quotes: ['future@x.test', 'missing@x.test', 'b@x.test', 'a@x.test'] }),
    ]);
    expect(find(threads, 'q@x.test')).toMatchObject({ parent: { id: 'b@x.test' }, link: 'inferred', reason: 'quotes its text' });
  });

  it('links to the latest earlier message by the credited person with the same subject', () => {
    const bert = { author: 'Bertram Quux' };
    const threads = threadMessages([
      msg('b1@x.test', 0, bert),
      msg('b2@x.test', 5, { ...bert, subject: 'Re: frob speed' }),
      msg('elsewhere@x.test', 6, { ...bert, subject: 'another topic' }),
      msg('n@x.test', 7, { author: 'Bertha Noone' }),
      msg('r@x.test', 8, { attributions: [{ who: 'Bertram' }] }),
      msg('b3@x.test', 9, bert),
    ]);
    expect(find(threads, 'r@x.test')).toMatchObject({
      parent: { id: 'b2@x.test' },
      link: 'inferred',
      reason: 'attribution names Bertram',
    });
  });

  it('prefers the message an attribution dates', () => {
    const bert = { author: 'Bertram Quux' };
    const threads = threadMessages([
      msg('b1@x.test', 0, bert),
      msg('b2@x.test', 5, bert),
      msg('r@x.test', 8, { attributions: [{ who: 'Quux', date: 'Thu, 27 Jun 2002 12:00:00 +0200' }] }),
    ]);
    expect(find(threads, 'r@x.test').parent?.id).toBe('b1@x.test');
  });

  it('attaches a "Re:" with no evidence to the root of the earliest same-subject thread', () => {
    const threads = threadMessages([
      msg('root@x.test', 0),
      msg('mid@x.test', 2, { subject: 'Re: frob speed', inReplyTo: 'root@x.test' }),
      msg('orphan@x.test', 9, { subject: 'Re: Frob speed' }),
      msg('fresh@x.test', 10, { subject: 'frob speed' }),
    ]);
    expect(find(threads, 'orphan@x.test')).toMatchObject({
      parent: { id: 'root@x.test' },
      link: 'inferred',
      reason: 'subject and date',
    });
    expect(find(threads, 'fresh@x.test').parent).toBeNull();
  });

  it('does not attach a "Re:" to a later message', () => {
    const threads = threadMessages([msg('orphan@x.test', 0, { subject: 'Re: frob speed' }), msg('root@x.test', 5)]);
    expect(threads.map((t) => t.id)).toEqual(['orphan@x.test', 'root@x.test']);
  });

  it('at equal timestamps, a message is not earlier than another: no quote, attribution or subject link between them', () => {
    const same = { date: '2002-06-27T10:05:00+00:00' };
    const quoted = threadMessages([
      msg('src@x.test', 5, { ...same, subject: 'one' }),
      msg('q@x.test', 5, { ...same, subject: 'two', quotes: ['src@x.test'] }),
    ]);
    expect(find(quoted, 'q@x.test').parent).toBeNull();
    const bert = { author: 'Bertram Quux' };
    const credited = threadMessages([
      msg('b@x.test', 5, { ...same, ...bert }),
      msg('r@x.test', 5, { ...same, attributions: [{ who: 'Bertram' }] }),
    ]);
    expect(find(credited, 'r@x.test').parent).toBeNull();
    const subject = threadMessages([msg('root@x.test', 5, same), msg('zre@x.test', 5, { ...same, subject: 'Re: frob speed' })]);
    expect(find(subject, 'zre@x.test').parent).toBeNull();
    // One second apart, each of them links.
    const later = { date: '2002-06-27T10:05:01+00:00' };
    expect(
      find(
        threadMessages([
          msg('src@x.test', 5, { ...same, subject: 'one' }),
          msg('q@x.test', 5, { ...later, subject: 'two', quotes: ['src@x.test'] }),
        ]),
        'q@x.test',
      ).parent?.id,
    ).toBe('src@x.test');
    expect(
      find(
        threadMessages([msg('b@x.test', 5, { ...same, ...bert }), msg('r@x.test', 5, { ...later, attributions: [{ who: 'Bertram' }] })]),
        'r@x.test',
      ).parent?.id,
    ).toBe('b@x.test');
    expect(
      find(threadMessages([msg('root@x.test', 5, same), msg('re@x.test', 5, { ...later, subject: 'Re: frob speed' })]), 're@x.test').parent
        ?.id,
    ).toBe('root@x.test');
  });

  it('records hint kinds, and lets headers win over hints', () => {
    const threads = threadMessages([
      msg('a@x.test', 0),
      msg('h1@x.test', 1, { parentHint: { id: 'a@x.test', kind: 'inferred' } }),
      msg('h2@x.test', 2, { parentHint: { id: 'a@x.test', kind: 'reconstructed' } }),
      msg('h3@x.test', 3, { parentHint: { id: 'a@x.test', kind: 'header' } }),
      msg('h4@x.test', 4, { inReplyTo: 'h1@x.test', parentHint: { id: 'a@x.test', kind: 'inferred' } }),
      msg('h5@x.test', 5, { parentHint: { id: 'lost@x.test', kind: 'header' }, subject: 'apart' }),
    ]);
    expect(find(threads, 'h1@x.test').link).toBe('inferred');
    expect(find(threads, 'h2@x.test').link).toBe('reconstructed');
    expect(find(threads, 'h3@x.test').link).toBe('header');
    expect(find(threads, 'h4@x.test')).toMatchObject({ parent: { id: 'h1@x.test' }, link: 'header' });
    expect(find(threads, 'h5@x.test').parent).toMatchObject({ id: 'lost@x.test', message: null });
  });

  it('marks links to a message that survives only as quotes as reconstructed', () => {
    const threads = threadMessages([msg('quoted.00ff00ff00ff00ff', 0), msg('q@x.test', 5, { quotes: ['quoted.00ff00ff00ff00ff'] })]);
    expect(find(threads, 'q@x.test')).toMatchObject({ link: 'reconstructed', reason: 'quotes its text' });
  });

  it('skips evidence that would make a cycle and tries the next', () => {
    const threads = threadMessages([
      msg('a@x.test', 0, { parentHint: { id: 'b@x.test', kind: 'inferred' }, quotes: ['c@x.test'] }),
      msg('b@x.test', 5, { inReplyTo: 'a@x.test' }),
      msg('c@x.test', null, { subject: 'elsewhere' }),
    ]);
    expect(find(threads, 'a@x.test').parent?.id).toBe('c@x.test');
    expect(find(threads, 'b@x.test').parent?.id).toBe('a@x.test');
  });
});
