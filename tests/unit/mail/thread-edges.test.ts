/**
 * Threading details the main thread tests leave open: which differences make a reused id a
 * second message, the reason each hint kind records, ties in display order, and the reason
 * a References chain records when it reaches a container under another spelling. Found by
 * mutation testing (docs/mutation.md).
 */
import { describe, expect, it } from 'vitest';
import { threadMessages } from '../../../src/lib/mail/thread.ts';
import { walk, type Thread, type ThreadInput } from '../../../src/lib/mail/thread-tree.ts';
import type { LinkKind } from '../../../src/lib/mail/types.ts';
import { find, msg } from '../../support/threads.ts';

const ids = (threads: Thread[]) => threads.flatMap((t) => walk(t).map(({ node }) => node.id));

describe('a reused message id', () => {
  const changes: [string, Partial<ThreadInput>][] = [
    ['subject', { subject: 'another subject' }],
    ['author', { author: 'Other Person' }],
    ['date', { date: '2002-06-27T10:05:00+00:00' }],
    ['In-Reply-To', { inReplyTo: 'p@x.test' }],
    ['References', { references: ['p@x.test'] }],
  ];
  it.each(changes)('is a second message when only the %s differs', (_, change) => {
    const threads = threadMessages([msg('p@x.test', 0, { subject: 'p' }), msg('d@x.test', 1), msg('d@x.test', 1, change)]);
    expect(ids(threads)).toContain('d@x.test#dup2');
  });

  it('is one message when nothing differs', () => {
    const threads = threadMessages([msg('d@x.test', 1, { references: ['p@x.test'] }), msg('d@x.test', 1, { references: ['p@x.test'] })]);
    expect(ids(threads)).toEqual(['p@x.test', 'd@x.test']);
  });
});

describe('hints', () => {
  const reasons: [LinkKind, string][] = [
    ['inferred', 'asserted by a summary'],
    ['reconstructed', 'asserted by a reconstruction'],
    ['header', 'headers recorded in a summary'],
  ];
  it.each(reasons)('of kind %s record why the link was made: %s', (kind, reason) => {
    const threads = threadMessages([msg('a@x.test', 0), msg('h@x.test', 1, { parentHint: { id: 'a@x.test', kind } })]);
    expect(find(threads, 'h@x.test')).toMatchObject({ parent: { id: 'a@x.test' }, reason });
  });
});

describe('display order', () => {
  it('puts replies of one instant in id order, whatever order they came in', () => {
    const threads = threadMessages([
      msg('a@x.test', 0),
      msg('e@x.test', 1, { inReplyTo: 'a@x.test' }),
      msg('c@x.test', 1, { inReplyTo: 'a@x.test' }),
      msg('d@x.test', 1, { inReplyTo: 'a@x.test' }),
      msg('b@x.test', 1, { inReplyTo: 'a@x.test' }),
    ]);
    expect(ids(threads)).toEqual(['a@x.test', 'b@x.test', 'c@x.test', 'd@x.test', 'e@x.test']);
  });

  it('puts threads that start at one instant in id order', () => {
    const threads = threadMessages([
      msg('z@x.test', 0, { subject: 'one' }),
      msg('m@x.test', 0, { subject: 'two' }),
      msg('q@x.test', 0, { subject: 'three' }),
    ]);
    expect(threads.map((t) => t.id)).toEqual(['m@x.test', 'q@x.test', 'z@x.test']);
  });
});

describe('References chains reaching another spelling', () => {
  it('say a gateway suffix was stripped when they place a message under it', () => {
    const threads = threadMessages([
      msg('p.1@host.example', 0),
      msg('q.2@host.example', 1, { subject: 'Re: frob speed' }),
      msg('r.3@host.example', 2, { references: ['p.1@host.example.lists.linux.kernel', 'q.2@host.example'] }),
    ]);
    expect(find(threads, 'q.2@host.example')).toMatchObject({
      parent: { id: 'p.1@host.example' },
      link: 'header',
      reason: 'gateway suffix stripped',
    });
  });

  it('say a gateway rewrote the id when the domain differs', () => {
    const local = '20020628.1234.abc';
    const threads = threadMessages([
      msg(`${local}@host.example.org`, 0),
      msg('b@x.test', 2, { subject: 'other' }),
      msg('c@x.test', 3, { references: [`${local}@news.gateway.example`, 'b@x.test'] }),
    ]);
    expect(find(threads, 'b@x.test')).toMatchObject({
      parent: { id: `${local}@host.example.org` },
      link: 'inferred',
      reason: 'id rewritten by a gateway (domain differs)',
    });
  });

  it('record no reason for a chain link between ids spelled as archived', () => {
    const threads = threadMessages([
      msg('a@x.test', 0),
      msg('b@x.test', 1, { subject: 'other' }),
      msg('c@x.test', 2, { references: ['a@x.test', 'b@x.test'] }),
    ]);
    expect(find(threads, 'b@x.test')).toMatchObject({ parent: { id: 'a@x.test' }, link: 'header' });
    expect(find(threads, 'b@x.test').reason).toBeUndefined();
  });
});
