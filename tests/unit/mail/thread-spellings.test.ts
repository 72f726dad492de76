/**
 * Spellings of one id (thread-spellings.ts), through threadMessages: ids a gateway rewrote or
 * extended find the one container of their message.
 */
import { describe, expect, it } from 'vitest';
import { threadMessages } from '../../../src/lib/mail/thread.ts';
import { msg, shape, find } from '../../support/threads.ts';

describe('threadMessages: ids a gateway rewrote', () => {
  const local = '20020628.1234.abc';

  it('shares one ghost between two spellings of a missing id', () => {
    const threads = threadMessages([
      msg('a@x.test', 1, { inReplyTo: `${local}@host.example.org`, references: [`${local}@host.example.org`] }),
      msg('b@x.test', 2, { inReplyTo: `${local}@news.gateway.example`, references: [`${local}@news.gateway.example`] }),
    ]);
    expect(shape(threads)).toEqual([[`?${local}@host.example.org`, '  a@x.test', '  b@x.test']]);
    expect(find(threads, 'a@x.test')).toMatchObject({ link: 'header' });
    expect(find(threads, 'b@x.test')).toMatchObject({ link: 'inferred', reason: 'id rewritten by a gateway (domain differs)' });
  });

  it('links a rewritten id to the archived message', () => {
    const threads = threadMessages([
      msg(`${local}@host.example.org`, 0),
      msg('b@x.test', 2, { references: [`${local}@news.gateway.example`] }),
      msg('c@x.test', 3, { references: [`${local}@news.gateway.example`, 'b@x.test'] }),
    ]);
    expect(shape(threads)).toEqual([[`${local}@host.example.org`, '  b@x.test', '    c@x.test']]);
    expect(find(threads, 'b@x.test')).toMatchObject({ link: 'inferred', reason: 'id rewritten by a gateway (domain differs)' });
    expect(find(threads, 'c@x.test').link).toBe('header');
  });

  it('brings every suffixed spelling of a missing id to one ghost', () => {
    const threads = threadMessages([
      msg('a@x.test', 1, { inReplyTo: 'p.1@host' }),
      msg('b@x.test', 2, { inReplyTo: 'p.1@host.lists' }),
      msg('c@x.test', 3, { inReplyTo: 'p.1@host.lists.linux.kernel' }),
    ]);
    expect(shape(threads)).toEqual([['?p.1@host', '  a@x.test', '  b@x.test', '  c@x.test']]);
    expect(find(threads, 'c@x.test').reason).toBe('gateway suffix stripped');
  });

  it('never matches short or plain local parts', () => {
    const threads = threadMessages([
      msg('1@a.example', 0, { subject: 'one' }),
      msg('r1@x.test', 1, { subject: 'two', inReplyTo: '1@b.example' }),
      msg('r2@x.test', 2, { subject: 'three', inReplyTo: 'jane.doe@b.example' }),
      msg('r3@x.test', 3, { subject: 'four', inReplyTo: 'jane.doe@c.example' }),
      msg('r4@x.test', 4, { subject: 'five', inReplyTo: 'abcdefghijkl.mnop@b.example' }),
      msg('r5@x.test', 5, { subject: 'six', inReplyTo: 'abcdefghijkl.mnop@c.example' }),
    ]);
    expect(threads).toHaveLength(6);
  });
});
