/** The display-order walk of a thread (thread-tree.ts). */
import { describe, expect, it } from 'vitest';
import { threadMessages } from '../../../src/lib/mail/thread.ts';
import { walk } from '../../../src/lib/mail/thread-tree.ts';
import { msg } from '../../support/threads.ts';

describe('walk', () => {
  it('visits depth-first with children by date, undated last, then id', () => {
    const threads = threadMessages([
      msg('root@x.test', 0),
      msg('z-undated@x.test', null, { inReplyTo: 'root@x.test' }),
      msg('late@x.test', 9, { inReplyTo: 'root@x.test' }),
      msg('b-early@x.test', 1, { inReplyTo: 'root@x.test' }),
      msg('a-early@x.test', 1, { inReplyTo: 'root@x.test' }),
      msg('a-undated@x.test', null, { inReplyTo: 'root@x.test' }),
      msg('deep@x.test', 2, { inReplyTo: 'b-early@x.test' }),
    ]);
    const [thread] = threads;
    if (!thread) throw new Error('no thread');
    expect(walk(thread).map(({ node, depth }) => [node.id, depth])).toEqual([
      ['root@x.test', 0],
      ['a-early@x.test', 1],
      ['b-early@x.test', 1],
      ['deep@x.test', 2],
      ['late@x.test', 1],
      ['a-undated@x.test', 1],
      ['z-undated@x.test', 1],
    ]);
  });
});
