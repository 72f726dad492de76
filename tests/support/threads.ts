/**
 * Made-up messages for the threading tests (tests/unit/mail/thread*.test.ts), and the
 * threads they give read back: each thread's shape as indented ids, a node by id, the
 * thread holding an id.
 */
import type { Thread, ThreadInput, ThreadNode } from '../../src/lib/mail/thread-tree.ts';
import { walk } from '../../src/lib/mail/thread-tree.ts';

/** A made-up message; the minute is offset from 2002-06-27T10:00:00Z. */
export function msg(id: string, minute: number | null, extra: Partial<ThreadInput> = {}): ThreadInput {
  const date = minute === null ? null : new Date(Date.UTC(2002, 5, 27, 10, minute)).toISOString().replace('.000Z', '+00:00');
  return { messageId: id, inReplyTo: null, references: [], subject: 'frob speed', date, author: 'Ann Author', ...extra };
}

/** Each thread as indented ids, in display order; ghosts marked `?`. */
export function shape(threads: Thread[]): string[][] {
  return threads.map((t) => walk(t).map(({ node, depth }) => `${'  '.repeat(depth)}${node.message ? '' : '?'}${node.id}`));
}

export function find(threads: Thread[], id: string): ThreadNode {
  for (const t of threads) for (const { node } of walk(t)) if (node.id === id) return node;
  throw new Error(`no node ${id}`);
}

/** The thread holding `id`. */
export function threadOf(threads: Thread[], id: string): Thread {
  const hit = threads.find((t) => walk(t).some(({ node }) => node.id === id));
  if (!hit) throw new Error(`no thread holds ${id}`);
  return hit;
}
