/**
 * The threading's last step (thread-collect.ts), through threadMessages: subjects merged only
 * when asked, threads sorted and named.
 */
import { describe, expect, it } from 'vitest';
import { threadMessages } from '../../../src/lib/mail/thread.ts';
import { msg, shape, find } from '../../support/threads.ts';

describe('threadMessages: subjects', () => {
  const twoThreads = [
    msg('a@x.test', 0),
    msg('a2@x.test', 1, { subject: 'Re: frob speed', inReplyTo: 'a@x.test' }),
    msg('b@x.test', 10, { subject: '[widgets] Frob  speed' }),
    msg('b2@x.test', 11, { subject: 'Re: frob speed', inReplyTo: 'b@x.test' }),
  ];

  it('keeps same-subject threads apart by default', () => {
    expect(shape(threadMessages(twoThreads))).toEqual([
      ['a@x.test', '  a2@x.test'],
      ['b@x.test', '  b2@x.test'],
    ]);
  });

  it('merges them when asked, under the earliest', () => {
    const threads = threadMessages(twoThreads, { mergeSubjects: true });
    expect(shape(threads)).toEqual([['a@x.test', '  a2@x.test', '  b@x.test', '    b2@x.test']]);
    expect(threads[0]?.size).toBe(4);
    expect(find(threads, 'b@x.test')).toMatchObject({ link: 'inferred', reason: 'same subject' });
  });

  it('sorts threads by their earliest message', () => {
    const threads = threadMessages([
      msg('late@x.test', 30, { subject: 'second' }),
      msg('r@x.test', 5, { inReplyTo: 'ghost@x.test', subject: 'first' }),
      msg('undated@x.test', null, { subject: 'third' }),
    ]);
    expect(threads.map((t) => t.id)).toEqual(['ghost@x.test', 'late@x.test', 'undated@x.test']);
  });
});

describe('threadMessages: thread names', () => {
  it('names a thread after a real subject, never after an id', () => {
    const threads = threadMessages([
      msg('a@x.test', 0, { subject: '', inReplyTo: 'yes' }),
      msg('b@x.test', 1, { subject: 'Re: the real topic', inReplyTo: 'a@x.test' }),
      msg('c@x.test', 2, { subject: 'Re: a reply to nothing', references: ['gone@x.test'] }),
    ]);
    expect(threads.map((t) => [t.id, t.subject])).toEqual([
      ['a@x.test', 'Re: the real topic'],
      ['gone@x.test', 'Re: a reply to nothing'],
    ]);
  });
});
