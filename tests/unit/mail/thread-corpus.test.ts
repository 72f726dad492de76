import { describe, expect, it } from 'vitest';
import { isThreadableId } from '../../../src/lib/mail/headers.ts';
import { threadMessages } from '../../../src/lib/mail/thread.ts';
import { walk, type Thread } from '../../../src/lib/mail/thread-tree.ts';
import { corpus, groups, idOf } from '../../support/thread-corpus.ts';

/** Every unordered pair of messages that share a thread, as `a b` with a < b. */
function pairs(threadsOfIds: string[][]): string[] {
  const out: string[] = [];
  for (const ids of threadsOfIds) {
    const sorted = [...ids].sort();
    for (let i = 0; i < sorted.length; i++) for (let j = i + 1; j < sorted.length; j++) out.push(`${sorted[i]} ${sorted[j]}`);
  }
  return out.sort();
}

const held = (t: Thread): string[] => walk(t).flatMap(({ node }) => (node.message ? [node.id] : []));

describe('a notmuch-like corpus', () => {
  const threads = threadMessages(corpus);
  const expected = groups.map((g) => g.map((key) => idOf.get(key) ?? key));

  it('groups exactly the pairs worked out by hand (precision and recall 1)', () => {
    const got = new Set(pairs(threads.map(held)));
    const want = new Set(pairs(expected));
    expect({
      missed: [...want].filter((p) => !got.has(p)),
      wrong: [...got].filter((p) => !want.has(p)),
    }).toEqual({ missed: [], wrong: [] });
    expect(threads).toHaveLength(groups.length);
    expect(threads.reduce((n, t) => n + t.size, 0)).toBe(corpus.length);
  });

  it('gives every thread a real id and a subject from its messages', () => {
    const subjects = new Set(corpus.map((m) => m.subject));
    for (const t of threads) {
      expect(isThreadableId(t.id), t.id).toBe(true);
      expect(subjects.has(t.subject), t.subject).toBe(true);
      for (const { node } of walk(t)) expect(isThreadableId(node.id), node.id).toBe(true);
    }
  });

  it('is the same whatever order the messages come in', () => {
    const again = threadMessages([...corpus].reverse());
    expect(again.map((t) => [t.id, ...walk(t).map(({ node }) => node.id)])).toEqual(
      threads.map((t) => [t.id, ...walk(t).map(({ node }) => node.id)]),
    );
  });
});
