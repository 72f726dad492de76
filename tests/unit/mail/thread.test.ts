import { describe, expect, it } from 'vitest';
import { threadMessages } from '../../../src/lib/mail/thread.ts';
import { walk, type ThreadInput, type ThreadNode } from '../../../src/lib/mail/thread-tree.ts';
import { msg, shape, find, threadOf } from '../../support/threads.ts';

describe('threadMessages: headers', () => {
  it('links a simple chain', () => {
    const threads = threadMessages([
      msg('a@x.test', 0),
      msg('b@x.test', 1, { inReplyTo: 'a@x.test', references: ['a@x.test'] }),
      msg('c@x.test', 2, { references: ['a@x.test', 'b@x.test'] }),
    ]);
    expect(shape(threads)).toEqual([['a@x.test', '  b@x.test', '    c@x.test']]);
    expect(threads[0]).toMatchObject({ id: 'a@x.test', subject: 'frob speed', size: 3 });
    expect(find(threads, 'c@x.test').link).toBe('header');
    expect(find(threads, 'a@x.test').link).toBeNull();
  });

  it('threads a reply that arrives before its parent', () => {
    const threads = threadMessages([
      msg('c@x.test', 2, { references: ['a@x.test', 'b@x.test'] }),
      msg('b@x.test', 1, { inReplyTo: 'a@x.test' }),
      msg('a@x.test', 0),
    ]);
    expect(shape(threads)).toEqual([['a@x.test', '  b@x.test', '    c@x.test']]);
  });

  it('keeps a ghost root for a missing first message', () => {
    const threads = threadMessages([
      msg('b@x.test', 1, { inReplyTo: 'gone@x.test', subject: 'Re: lost start' }),
      msg('c@x.test', 2, { references: ['gone@x.test'] }),
    ]);
    expect(shape(threads)).toEqual([['?gone@x.test', '  b@x.test', '  c@x.test']]);
    expect(threads[0]).toMatchObject({ id: 'gone@x.test', subject: 'Re: lost start', size: 2 });
    expect(threads[0]?.root.message).toBeNull();
  });

  it('keeps a ghost root with a single child', () => {
    const threads = threadMessages([msg('b@x.test', 1, { inReplyTo: 'gone@x.test' })]);
    expect(shape(threads)).toEqual([['?gone@x.test', '  b@x.test']]);
  });

  it('keeps a ghost in the middle of a chain', () => {
    const threads = threadMessages([
      msg('a@x.test', 0),
      msg('c@x.test', 2, { inReplyTo: 'b@x.test', references: ['a@x.test', 'b@x.test'] }),
    ]);
    expect(shape(threads)).toEqual([['a@x.test', '  ?b@x.test', '    c@x.test']]);
    expect(threads[0]?.size).toBe(2);
  });

  it('prefers In-Reply-To over the last References id', () => {
    const threads = threadMessages([
      msg('a@x.test', 0),
      msg('b@x.test', 1, { inReplyTo: 'a@x.test' }),
      msg('c@x.test', 2, { inReplyTo: 'a@x.test', references: ['a@x.test', 'b@x.test'] }),
    ]);
    expect(find(threads, 'c@x.test').parent?.id).toBe('a@x.test');
  });

  it('drops ghosts that end up holding nothing', () => {
    const threads = threadMessages([
      msg('a@x.test', 0, { inReplyTo: 'real-parent@x.test' }),
      msg('z@x.test', 5, { references: ['g0@x.test', 'g1@x.test', 'a@x.test'], inReplyTo: 'a@x.test' }),
    ]);
    expect(shape(threads)).toEqual([['?real-parent@x.test', '  a@x.test', '    z@x.test']]);
  });

  it('survives a References loop and a self-reference', () => {
    const threads = threadMessages([
      msg('a@x.test', 0, { references: ['b@x.test'] }),
      msg('b@x.test', 1, { references: ['a@x.test'] }),
      msg('s@x.test', 2, { inReplyTo: 's@x.test', references: ['s@x.test'], subject: 'other' }),
    ]);
    const ids = threads.flatMap((t) => walk(t).map(({ node }) => node.id));
    expect(ids.sort()).toEqual(['a@x.test', 'b@x.test', 's@x.test']);
    for (const id of ids) {
      const seen = new Set<ThreadNode>();
      for (let n: ThreadNode | null = find(threads, id); n; n = n.parent) {
        expect(seen.has(n)).toBe(false);
        seen.add(n);
      }
    }
    expect(find(threads, 's@x.test').parent).toBeNull();
  });

  it('threads a later different message with a reused id as id#dup2, and drops exact repeats', () => {
    const threads = threadMessages([
      msg('a@x.test', 0),
      msg('d@x.test', 1, { inReplyTo: 'a@x.test' }),
      msg('d@x.test', 1, { inReplyTo: 'a@x.test' }),
      msg('p@x.test', 2, { subject: 'elsewhere' }),
      msg('d@x.test', 3, { inReplyTo: 'p@x.test', author: 'Other Person' }),
      msg('e@x.test', 4, { inReplyTo: 'd@x.test' }),
    ]);
    expect(shape(threads)).toEqual([
      ['a@x.test', '  d@x.test', '    e@x.test'],
      ['p@x.test', '  d@x.test#dup2'],
    ]);
    expect(find(threads, 'd@x.test#dup2').message?.author).toBe('Other Person');
  });
});

describe('threadMessages: messy headers', () => {
  it('maps ids a news gateway extended back to archive ids', () => {
    const threads = threadMessages([
      msg('p.1@host.example', 0),
      msg('q.2@host.example', 1, { references: ['p.1@host.example.lists.linux.kernel'] }),
      msg('r.3@host.example', 2, { inReplyTo: 'q.2@host.example.suse.lists.linux.kernel' }),
    ]);
    expect(shape(threads)).toEqual([['p.1@host.example', '  q.2@host.example', '    r.3@host.example']]);
    expect(find(threads, 'r.3@host.example')).toMatchObject({ link: 'header', reason: 'gateway suffix stripped' });
  });

  it('does not strip a suffix when the full id is archived', () => {
    const threads = threadMessages([
      msg('p.1@host.example', 0),
      msg('p.1@host.example.lists', 1),
      msg('q@x.test', 2, { inReplyTo: 'p.1@host.example.lists' }),
    ]);
    expect(find(threads, 'q@x.test').parent?.id).toBe('p.1@host.example.lists');
    expect(find(threads, 'q@x.test').reason).toBeUndefined();
  });

  const jane = msg('jane@x.test', 0, { author: 'Jane Q. Doe', date: '2002-06-27T17:35:31-05:00' });
  const decoys = [
    msg('later@x.test', 10, { author: 'Jane Doe', date: '2002-06-27T17:45:31-05:00' }),
    msg('other@x.test', 0, { author: 'Joe Bloggs', date: '2002-06-27T22:35:31+00:00' }),
  ];

  it('resolves free-text In-Reply-To by author and instant across time zones', () => {
    const reply = msg('reply@x.test', 60, {
      inReplyToRaw: 'Doe, Jane\'s message of "28 Jun 2002 00:36:40 +0200"',
    });
    const threads = threadMessages([reply, ...decoys, jane]);
    expect(find(threads, 'reply@x.test')).toMatchObject({
      parent: { id: 'jane@x.test' },
      link: 'inferred',
      reason: 'In-Reply-To names author and date',
    });
  });

  it('leaves free text unresolved when no message is within two minutes', () => {
    const reply = msg('reply@x.test', 60, {
      subject: 'unrelated',
      inReplyToRaw: 'Jane Doe\'s message of "28 Jun 2002 00:38:40 +0200"',
    });
    expect(find(threadMessages([reply, jane]), 'reply@x.test').parent).toBeNull();
  });

  /** A reply whose free-text In-Reply-To names Jane Doe and the instant `seconds` after Jane's message. */
  const namingJane = (seconds: number): ThreadInput =>
    msg('reply@x.test', 60, {
      subject: 'unrelated',
      inReplyToRaw: `Jane Doe's message of "${new Date(Date.parse('2002-06-27T22:35:31Z') + seconds * 1000).toUTCString().replace('GMT', '+0000')}"`,
    });
  const parentOf = (reply: ThreadInput): string | undefined => find(threadMessages([reply, jane]), 'reply@x.test').parent?.id;

  it('matches a named date within two minutes on either side, both ends included, and no further', () => {
    // The named date later than the message (Jane's clock behind the replier's)…
    expect(parentOf(namingJane(120))).toBe('jane@x.test');
    expect(parentOf(namingJane(121))).toBeUndefined();
    // …or earlier than it: the window is as wide on this side.
    expect(parentOf(namingJane(-120))).toBe('jane@x.test');
    expect(parentOf(namingJane(-121))).toBeUndefined();
    expect(parentOf(namingJane(-20 * 60))).toBeUndefined();
    expect(parentOf(namingJane(0))).toBe('jane@x.test');
  });

  it('takes the closest of several messages in the window; at equal distance, the earlier', () => {
    const before = msg('before@x.test', 0, { author: 'Jane Doe', date: '2002-06-27T22:34:31+00:00' });
    const after = msg('after@x.test', 0, { author: 'Jane Doe', date: '2002-06-27T22:36:31+00:00' });
    const near = msg('near@x.test', 0, { author: 'Jane Doe', date: '2002-06-27T22:35:51+00:00' });
    expect(find(threadMessages([namingJane(0), after, before, near]), 'reply@x.test').parent?.id).toBe('near@x.test');
    expect(find(threadMessages([namingJane(0), after, before]), 'reply@x.test').parent?.id).toBe('before@x.test');
  });

  it('uses the id in an id-plus-prose In-Reply-To as a header link', () => {
    const reply = msg('reply@x.test', 60, {
      subject: 'unrelated',
      inReplyToRaw: '<later@x.test> (Jane Doe\'s message of "28 Jun 2002 00:35:31 +0200")',
    });
    expect(find(threadMessages([reply, jane, ...decoys]), 'reply@x.test')).toMatchObject({
      parent: { id: 'later@x.test' },
      link: 'header',
    });
  });
});

describe('threadMessages: replies to missing messages', () => {
  const X = '20020628.0930.gone@host.example.org';
  const R = 'Pine.LNX.4.44.0206270900000.1001-100000@lab.example.gov';

  it('puts replies that name the same missing parent under one ghost', () => {
    const threads = threadMessages([
      msg('a@x.test', 1, { inReplyTo: X, references: [X] }),
      msg('b@x.test', 2, { inReplyTo: X }),
      msg('c@x.test', 3, { references: [X] }),
    ]);
    expect(shape(threads)).toEqual([[`?${X}`, '  a@x.test', '  b@x.test', '  c@x.test']]);
  });

  it('roots replies with different missing parents at their common missing ancestor', () => {
    const threads = threadMessages([
      msg('a@x.test', 1, { references: [R, 'x1@x.test'] }),
      msg('b@x.test', 2, { references: [R, 'y1@x.test'] }),
    ]);
    expect(shape(threads)).toEqual([[`?${R}`, '  ?x1@x.test', '    a@x.test', '  ?y1@x.test', '    b@x.test']]);
  });

  it('chains an In-Reply-To that References lacks below the last of them', () => {
    // Mailers that copy the parent's References without appending the parent's own id.
    const threads = threadMessages([
      msg('a@x.test', 1, { inReplyTo: 'x1@x.test', references: [R] }),
      msg('b@x.test', 2, { inReplyTo: 'y1@x.test', references: [R] }),
    ]);
    expect(shape(threads)).toEqual([[`?${R}`, '  ?x1@x.test', '    a@x.test', '  ?y1@x.test', '    b@x.test']]);
    expect(threads[0]).toMatchObject({ id: R, subject: 'frob speed', size: 2 });
  });

  it('keeps one thread when References disagree about the order of missing ancestors', () => {
    const threads = threadMessages([
      msg('a@x.test', 1, { references: ['p@x.test', 'q@x.test'] }),
      msg('b@x.test', 2, { references: ['q@x.test', 'p@x.test'] }),
    ]);
    expect(threads).toHaveLength(1);
    expect(threads[0]?.size).toBe(2);
  });

  it('keeps one thread when two messages give a missing message different parents', () => {
    // a: R → X → a; b: Q → X → b (X already under R); c: Q → Y → c. b names both Q and X.
    const threads = threadMessages([
      msg('a@x.test', 1, { references: [R, X] }),
      msg('b@x.test', 2, { references: ['q@x.test', X] }),
      msg('c@x.test', 3, { references: ['q@x.test', 'y@x.test'] }),
    ]);
    expect(threads).toHaveLength(1);
    expect(threads[0]).toMatchObject({ id: R, size: 3 });
    expect(find(threads, X).parent?.id).toBe(R);
    expect(find(threads, 'q@x.test')).toMatchObject({ parent: { id: R }, link: 'inferred', reason: 'headers join it to this thread' });
  });
});

describe('threadMessages: junk ids', () => {
  const root = msg('20020627100000.GA1200@box.example.org', 0, { subject: 'sendfile and TCP_CORK' });

  it('ignores a bare word in References and threads the reply by its subject', () => {
    const reply = msg('reply@x.test', 5, { references: ['yes'], subject: 'Re: sendfile and TCP_CORK' });
    const threads = threadMessages([root, reply]);
    expect(shape(threads)).toEqual([[root.messageId, '  reply@x.test']]);
    expect(find(threads, 'reply@x.test')).toMatchObject({ link: 'inferred', reason: 'subject and date' });
  });

  it('ignores a junk In-Reply-To and takes the parent from References', () => {
    const threads = threadMessages([root, msg('reply@x.test', 5, { inReplyTo: 'yes', references: ['', '@', root.messageId] })]);
    expect(shape(threads)).toEqual([[root.messageId, '  reply@x.test']]);
    expect(find(threads, 'reply@x.test').link).toBe('header');
  });

  it('never makes a thread or a ghost of a junk token', () => {
    const junk = ['yes', '<yes>', '', '<>', '@', '<@>', 'x@', '@x.test', 'not an id@x.test', 'a b', 'no'];
    const threads = threadMessages([
      msg('u@x.test', 1, { subject: 'one', inReplyTo: 'yes', references: junk }),
      msg('v@x.test', 2, { subject: 'two', inReplyToRaw: '<yes> (see above)', references: ['<>'] }),
      msg('w@x.test', 3, { subject: 'three', parentHint: { id: 'yes', kind: 'header' } }),
    ]);
    expect(shape(threads)).toEqual([['u@x.test'], ['v@x.test'], ['w@x.test']]);
    expect(threads.map((t) => t.subject)).toEqual(['one', 'two', 'three']);
  });

  it('still threads the derived ids the archive makes for mail without a usable Message-ID', () => {
    const threads = threadMessages([
      msg('hypermail.0123456789abcdef', 0),
      msg('nomsgid.0123456789abcdef', 1, { inReplyTo: 'hypermail.0123456789abcdef' }),
      msg('quoted.0123456789abcdef', 2, { references: ['hypermail.0123456789abcdef', 'nomsgid.0123456789abcdef'] }),
    ]);
    expect(shape(threads)).toEqual([['hypermail.0123456789abcdef', '  nomsgid.0123456789abcdef', '    quoted.0123456789abcdef']]);
  });
});

describe('threadMessages: inference never splits', () => {
  it('keeps a reply whose headers name a ghost with its header thread, whatever it quotes', () => {
    const threads = threadMessages([
      msg('elsewhere@x.test', 0, { subject: 'another topic' }),
      msg('sibling@x.test', 1, { inReplyTo: 'ghost@x.test' }),
      msg('r@x.test', 2, { inReplyTo: 'ghost@x.test', quotes: ['elsewhere@x.test'], attributions: [{ who: 'Ann Author' }] }),
    ]);
    expect(shape(threads)).toEqual([['elsewhere@x.test'], ['?ghost@x.test', '  sibling@x.test', '  r@x.test']]);
  });

  it('moves a headerless message only together with the replies its headers join', () => {
    const threads = threadMessages([
      msg('p@x.test', 0, { subject: 'another topic' }),
      msg('e@x.test', 1, { quotes: ['p@x.test'] }),
      msg('r@x.test', 2, { references: ['e@x.test'] }),
      msg('s@x.test', 3, { references: ['g@x.test', 'e@x.test'], quotes: ['p@x.test'] }),
    ]);
    expect(threadOf(threads, 'e@x.test').id).toBe(threadOf(threads, 'r@x.test').id);
    expect(threadOf(threads, 's@x.test').id).toBe(threadOf(threads, 'r@x.test').id);
    expect(find(threads, 'e@x.test').parent?.id).toBe('g@x.test');
  });
});

describe('a 10,000-message synthetic archive', () => {
  it('threads every message under its true parent', () => {
    let seed = 12345;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const messages: ThreadInput[] = [];
    const parentOf = new Map<string, string | null>();
    const missing = new Set<string>();
    for (let t = 0; t < 100; t++) {
      const chains: string[][] = [];
      for (let i = 0; i < 100; i++) {
        const id = `m${t}.${i}@synthetic.test`;
        const up = i === 0 ? undefined : chains[random(i)];
        const chain = up ? [...up, id] : [id];
        chains.push(chain);
        parentOf.set(id, up?.at(-1) ?? null);
        if (i === 0 && t % 10 === 0) {
          missing.add(id);
          continue;
        }
        const style = random(4);
        messages.push({
          messageId: id,
          inReplyTo: style === 0 ? null : (up?.at(-1) ?? null),
          references: style === 1 ? [] : chain.slice(0, -1),
          subject: i === 0 ? `topic ${t}` : `Re: topic ${t}`,
          date: new Date(Date.UTC(2002, 5, 1) + (t * 100 + i) * 60_000).toISOString(),
          author: `Person ${random(50)}`,
        });
      }
    }
    messages.sort(() => random(3) - 1);
    const threads = threadMessages(messages);
    expect(threads).toHaveLength(100);
    expect(threads.map((t) => t.size).reduce((a, b) => a + b)).toBe(10_000 - missing.size);
    expect(
      threads
        .filter((t) => t.root.message === null)
        .map((t) => t.id)
        .sort(),
    ).toEqual([...missing].sort());
    let checked = 0;
    for (const t of threads) {
      for (const { node } of walk(t)) {
        expect(node.parent?.id ?? null).toBe(parentOf.get(node.id));
        checked++;
      }
    }
    expect(checked).toBe(10_000);
  });
});
