/** Thread order (thread.ts and its steps), subjects and inference edges: who sorts first, what a thread is called, which evidence counts. */
import { describe, expect, it } from 'vitest';
import { threadMessages } from '../../../src/lib/mail/thread.ts';
import { walk, type Thread, type ThreadInput, type ThreadNode } from '../../../src/lib/mail/thread-tree.ts';

/** A made-up message dated `minute` minutes after 2002-06-27T10:00Z (null: undated). */
function note(id: string, minute: number | null, extra: Partial<ThreadInput> = {}): ThreadInput {
  const date = minute === null ? null : new Date(Date.UTC(2002, 5, 27, 10, minute)).toISOString().replace('.000Z', '+00:00');
  return { messageId: id, inReplyTo: null, references: [], subject: 'ring sizes', date, author: 'Pat Writer', ...extra };
}

function node(threads: Thread[], id: string): ThreadNode {
  for (const t of threads) for (const { node: n } of walk(t)) if (n.id === id) return n;
  throw new Error(`no node ${id}`);
}

const childIds = (threads: Thread[], id: string) => node(threads, id).children.map((c) => c.id);

describe('order of replies and threads', () => {
  it('sorts a ghost among its siblings by the earliest message below it, undated ones aside', () => {
    const threads = threadMessages([
      note('p@a.test', 0),
      note('r@a.test', 30, { inReplyTo: 'p@a.test' }),
      note('g1@a.test', 10, { references: ['p@a.test', 'gone@a.test'] }),
      note('g2@a.test', 50, { references: ['p@a.test', 'gone@a.test'] }),
      note('g3@a.test', null, { references: ['p@a.test', 'gone@a.test'] }),
    ]);
    expect(childIds(threads, 'p@a.test')).toEqual(['gone@a.test', 'r@a.test']);
  });

  it('sorts many replies of one instant by id, whatever order they came in', () => {
    const ids = ['f@a.test', 'b@a.test', 'e@a.test', 'a@a.test', 'd@a.test', 'c@a.test'];
    const threads = threadMessages([note('p@a.test', 0), ...ids.map((id) => note(id, 5, { inReplyTo: 'p@a.test' }))]);
    expect(childIds(threads, 'p@a.test')).toEqual([...ids].sort());
  });

  it('sorts threads by their earliest message, not by id and not by the first reply read', () => {
    const threads = threadMessages([
      note('a@a.test', 0, { subject: 'late root' }),
      note('z1@a.test', 120, { references: ['zz-missing@a.test'], subject: 'ghost thread' }),
      note('z2@a.test', -60, { references: ['zz-missing@a.test'], subject: 'ghost thread' }),
    ]);
    expect(threads.map((t) => t.id)).toEqual(['zz-missing@a.test', 'a@a.test']);
  });
});

describe('what a thread is called', () => {
  it('a ghost thread takes the subject of its earliest message that has one', () => {
    const threads = threadMessages([
      note('c1@a.test', 10, { references: ['gone@a.test'], subject: '' }),
      note('c2@a.test', 20, { references: ['gone@a.test'], subject: 'Re: the real subject' }),
      note('c3@a.test', 30, { references: ['gone@a.test'], subject: 'Re: a later subject' }),
    ]);
    expect(threads.map((t) => t.subject)).toEqual(['Re: the real subject']);
  });

  it('a root whose subject is only spaces is named after a reply', () => {
    const threads = threadMessages([
      note('root@a.test', 0, { subject: '   ' }),
      note('reply@a.test', 5, { subject: 'Re: named here', inReplyTo: 'root@a.test' }),
    ]);
    expect(threads[0]?.subject).toBe('Re: named here');
  });

  it('merging by subject leaves blank subjects apart and adds up the sizes', () => {
    const blank = threadMessages([note('b1@a.test', 0, { subject: '' }), note('b2@a.test', 5, { subject: '' })], { mergeSubjects: true });
    expect(blank).toHaveLength(2);
    const merged = threadMessages([note('m1@a.test', 0), note('m2@a.test', 5, { inReplyTo: 'm1@a.test' }), note('m3@a.test', 10)], {
      mergeSubjects: true,
    });
    expect(merged.map((t) => [t.id, t.size])).toEqual([['m1@a.test', 3]]);
  });
});

describe('duplicates and cycles', () => {
  it('drops an exact repeat with references, and keeps a copy whose references differ', () => {
    const one = note('x@a.test', 5, { references: ['up.1@a.test', 'up.2@a.test'] });
    expect(
      threadMessages([one, { ...one }])
        .flatMap((t) => walk(t))
        .filter((w) => w.node.message),
    ).toHaveLength(1);
    const split = { ...one, references: ['up.1@a.testup.2@a.test'] };
    const ids = threadMessages([one, split]).flatMap((t) => walk(t).map((w) => w.node.id));
    expect(ids).toContain('x@a.test#dup2');
  });

  it('links a message that already has replies under a parent that has its own parent', () => {
    const threads = threadMessages([
      note('root@a.test', 0),
      note('mid@a.test', 1, { inReplyTo: 'root@a.test' }),
      note('y@a.test', 2, { inReplyTo: 'x@a.test' }),
      note('x@a.test', 3, { inReplyTo: 'mid@a.test' }),
    ]);
    expect(node(threads, 'x@a.test').parent?.id).toBe('mid@a.test');
    expect(threads).toHaveLength(1);
  });

  it('passes over a hint that names the message itself and takes the next evidence', () => {
    const threads = threadMessages([
      note('src@a.test', 0),
      note('me@a.test', 5, { parentHint: { id: 'me@a.test', kind: 'inferred' }, quotes: ['src@a.test'] }),
    ]);
    expect(node(threads, 'me@a.test')).toMatchObject({ parent: { id: 'src@a.test' }, reason: 'quotes its text' });
  });
});

describe('subject links', () => {
  it('go to the root of the thread of the earliest same subject, even when that message is a reply', () => {
    const threads = threadMessages([
      note('root@a.test', 0, { subject: 'something else' }),
      note('first@a.test', 1, { subject: 'ring sizes', inReplyTo: 'root@a.test' }),
      note('orphan@a.test', 5, { subject: 'Re: ring sizes' }),
    ]);
    expect(node(threads, 'orphan@a.test').parent?.id).toBe('root@a.test');
  });

  it('take an undated "Re:" into the earliest thread, but never make an undated message the earlier one', () => {
    const undatedReply = threadMessages([note('root@a.test', 0), note('orphan@a.test', null, { subject: 'Re: ring sizes' })]);
    expect(node(undatedReply, 'orphan@a.test').parent?.id).toBe('root@a.test');
    const undatedFirst = threadMessages([note('old@a.test', null), note('re@a.test', 5, { subject: 'Re: ring sizes' })]);
    expect(undatedFirst).toHaveLength(2);
  });

  it('never join two undated messages, and leave a lone undated "Re:" alone', () => {
    const undated = threadMessages([note('u1@a.test', null), note('u2@a.test', null, { subject: 'Re: ring sizes' })]);
    expect(undated).toHaveLength(2);
    const lone = threadMessages([note('lone@a.test', null, { subject: 'Re: nobody else' }), note('other@a.test', 0)]);
    expect(lone.map((t) => t.size)).toEqual([1, 1]);
  });

  it('do not join messages whose subjects are empty once "Re:" is taken off', () => {
    const threads = threadMessages([note('e1@a.test', 0, { subject: '' }), note('e2@a.test', 5, { subject: 'Re:' })]);
    expect(threads).toHaveLength(2);
  });
});

describe('quotes and attributions', () => {
  it('an undated message may quote a dated one, and a dated one an undated one', () => {
    const a = threadMessages([note('src@a.test', 0), note('q@a.test', null, { quotes: ['src@a.test'], subject: 'other' })]);
    expect(node(a, 'q@a.test').parent?.id).toBe('src@a.test');
    const b = threadMessages([note('src@a.test', null), note('q@a.test', 5, { quotes: ['src@a.test'], subject: 'other' })]);
    expect(node(b, 'q@a.test').parent?.id).toBe('src@a.test');
  });

  it('an attribution never names a message written after the reply, even one its date points at', () => {
    const threads = threadMessages([
      note('later@a.test', 6, { author: 'Bob Keeper', subject: 'other' }),
      note('reply@a.test', 5, { subject: 'other', attributions: [{ who: 'Bob', date: '2002-06-27T10:06:00+00:00' }] }),
    ]);
    expect(node(threads, 'reply@a.test').parent).toBeNull();
  });

  it('an attribution goes to the person it credits, not to someone sharing a first name', () => {
    const threads = threadMessages([
      note('smith@a.test', 0, { author: 'Bob Smith' }),
      note('jones@a.test', 3, { author: 'Bob Jones' }),
      note('reply@a.test', 5, { author: 'Pat Writer', attributions: [{ who: 'Bob Smith' }] }),
    ]);
    expect(node(threads, 'reply@a.test').parent?.id).toBe('smith@a.test');
  });

  it('an undated reply looks for the credited person among all messages of its subject', () => {
    const threads = threadMessages([
      note('bob@a.test', 0, { author: 'Bob Smith', subject: 'other' }),
      note('reply@a.test', null, { subject: 'other', attributions: [{ who: 'Bob' }] }),
    ]);
    expect(node(threads, 'reply@a.test')).toMatchObject({ parent: { id: 'bob@a.test' }, reason: 'attribution names Bob' });
  });
});
