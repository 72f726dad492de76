import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildArchive, redactor, threadSlug } from '../../../src/lib/mail/archive.ts';
import { parseHypermail } from '../../../src/lib/mail/hypermail.ts';
import { isDerivedId, slugOf } from '../../../src/lib/mail/ids.ts';
import { walk } from '../../../src/lib/mail/thread-tree.ts';
import { threadJson } from '../../../src/lib/mail/threadjson.ts';
import type { MessageRecord } from '../../../src/lib/mail/types.ts';
import { mail } from '../../support/records.ts';
import { root, shippedRecords } from '../../support/shipped.ts';

const SEED = 'Pine.LNX.4.44.0206271943340.24818-100000@alvie-mail.lanl.gov';
const BERND = 'E17NgVM-0001l3-00@sites.inka.de';
const QUESTION = 'Pine.LNX.4.44.0206271146280.9500-100000@alvie-mail.lanl.gov';

/** The seed as the importer parses it, without the alias table: a hypermail id, no parent. */
function seedAlone(): MessageRecord {
  const { raw: _bytes, ...p } = parseHypermail(readFileSync(`${root}mail/000_dfd74d5279ec2a6b.txt`));
  if (p.date === null) throw new Error(`the seed is undated: ${p.dateProblem}`);
  return { ...p, date: p.date, slug: slugOf(p.messageId), list: 'linux-kernel', provenance: 'imported' };
}

/** The shipped entries: our summaries, with the seed merged into its summary. */
const shipped = shippedRecords;

describe('buildArchive from the seed alone', () => {
  const archive = buildArchive([seedAlone()]);

  it("rebuilds Bernd's reply and the quoted part of the question as partial entries", () => {
    const rebuilt = [...archive.messages.values()].filter((m) => m.provenance === 'reconstructed');
    expect(rebuilt).toHaveLength(2);
    const bernd = rebuilt.find((m) => m.depth === 1);
    const question = rebuilt.find((m) => m.depth === 2);
    expect(bernd?.author).toBe('Bernd');
    expect(bernd?.body).toContain('You have to sign a NDA');
    expect(question?.body).toContain('Previous tests have show that we can transmit IP packets');
    expect(question?.body).not.toContain('You have to sign');
    for (const m of rebuilt) {
      expect(isDerivedId(m.messageId)).toBe(true);
      expect(m.date).toBeNull();
      expect(m.rebuiltFrom).toEqual([seedAlone().messageId]);
    }
  });

  it('threads seed → Bernd → question through reconstructed links', () => {
    expect(archive.threads).toHaveLength(1);
    const order = walk(archive.threads[0]!).map(({ node, depth }) => [archive.messages.get(node.id)?.depth, depth, node.link]);
    expect(order).toEqual([
      [2, 0, null],
      [1, 1, 'reconstructed'],
      [0, 2, 'reconstructed'],
    ]);
  });
});

describe('buildArchive from the shipped entries', () => {
  const archive = buildArchive(shipped());

  it('keeps one entry per message, whatever the sources', () => {
    expect(archive.messages.size).toBe(18);
    expect([...archive.messages.keys()].some(isDerivedId)).toBe(false);
    const bernd = archive.messages.get(BERND);
    expect(bernd?.provenance).toBe('reconstructed');
    expect(bernd?.author).toBe('Bernd Eckenfels');
    expect(bernd?.summary).toMatch(/NDA/);
    expect(bernd?.body).toContain('AFAIK only a few methods like sendfile');
    expect(archive.messages.get(QUESTION)?.provenance).toBe('reconstructed');
    expect(archive.messages.get(SEED)?.provenance).toBe('imported');
  });

  it('links each quote of the seed to the paragraph that first held it, and back', () => {
    const seed = archive.messages.get(SEED);
    const sources = (seed?.segments ?? [])
      .map((s, i) => ({ s, src: archive.quoteSources.get(`${SEED}#${i}`) }))
      .filter(({ s }) => s.kind === 'quote');
    expect(sources.map(({ s, src }) => [s.depth, src?.messageId, src?.paragraph])).toEqual([
      [2, QUESTION, 1],
      [1, BERND, 1],
    ]);
    expect(
      archive.quotedBy
        .get(QUESTION)
        ?.get(1)
        ?.map((q) => q.messageId)
        .sort(),
    ).toEqual([BERND, SEED].sort());
  });

  it('publishes both threads as JSON with parents and link kinds', () => {
    const june = archive.threads.find((t) => t.id === QUESTION);
    const json = threadJson(june!, archive, (slug) => `/m/${slug}/`);
    expect(json.messages).toHaveLength(11);
    expect(json.messages[0]).toMatchObject({ messageId: QUESTION, parent: null, link: null });
    expect(json.messages.find((m) => m.messageId === SEED)).toMatchObject({ parent: BERND, link: 'inferred' });
    expect(json.messages.find((m) => m.messageId === BERND)).toMatchObject({ parent: QUESTION, link: 'header' });
    expect(archive.threads.map((t) => t.size).sort()).toEqual([11, 7]);
    expect(threadSlug(june!)).toBe(QUESTION);
  });

  it('lets the real message replace its reconstruction when it is imported', () => {
    const real = mail(BERND, {
      author: 'Bernd Eckenfels',
      date: '2002-06-27T23:08:40+02:00',
      inReplyTo: QUESTION,
      body: 'A fixture body standing in for the real text.\n',
    });
    const upgraded = buildArchive([...shipped(), real]);
    const bernd = upgraded.messages.get(BERND);
    expect(bernd?.provenance).toBe('imported');
    expect(bernd?.body).toBe(real.body);
    expect(upgraded.messages.size).toBe(18);
  });
});

describe('replies without headers', () => {
  const parent = mail('parent.1@example.invalid', {
    body: 'The receive path copies every payload byte once into the user buffer.\n',
    date: '2002-06-28T08:00:00+00:00',
  });
  const reply = mail('reply.2@example.invalid', {
    body: '> The receive path copies every payload byte once into the user buffer.\n\nAnd the checksum is folded into that copy.\n',
  });
  const archive = buildArchive([parent, reply]);

  it('take their parent from the held message they quote, and rebuild nothing', () => {
    expect(archive.messages.size).toBe(2);
    expect(archive.placement.get(reply.messageId)?.parent).toMatchObject({ id: parent.messageId, link: 'inferred' });
  });
});

describe('inferred dates and repairs', () => {
  it('reach the page records as the entry holds them, and only where the entry has them', () => {
    const repaired = mail('repaired.1@example.invalid', {
      dateInferred: 'no Date header; date taken from the mbox From line',
      repairs: ['date inferred from the mbox From line'],
    });
    const archive = buildArchive([repaired, mail('clean.2@example.invalid', {})]);
    expect(archive.messages.get(repaired.messageId)).toMatchObject({ dateInferred: repaired.dateInferred, repairs: repaired.repairs });
    const clean = archive.messages.get('clean.2@example.invalid');
    expect([clean?.dateInferred, clean?.repairs]).toEqual([undefined, undefined]);
  });
});

describe('redactor', () => {
  it("hides addresses but keeps the archive's Message-IDs", () => {
    const archive = buildArchive(shipped());
    const redact = redactor(archive);
    expect(redact(`mail someone@example.org about <${BERND}>`)).toBe(`mail [address hidden] about <${BERND}>`);
    // A news gateway's spelling of an archived id is an id too; an address under such a suffix is not.
    expect(redact(`In article <${QUESTION}.lists.linux.kernel> you wrote:`)).toBe(`In article <${QUESTION}.lists.linux.kernel> you wrote:`);
    expect(redact('from someone@example.org.lists.linux.kernel')).toBe('from [address hidden]');
  });
});

describe('reconstructions and the real messages', () => {
  const QUESTION_TEXT = 'Our receive path tops out well below the send path on the same link.';
  const OBJECTION = 'Ask the vendor first; they sold you the card and know its driver.';
  const question = mail('q.100@host.example.org', {
    author: 'Asker Example',
    date: '2002-06-27T10:00:00Z',
    subject: 'slow receive',
    body: `Hello,\n\n${QUESTION_TEXT}\n\nThanks.\n`,
  });
  // A news gateway: no headers, and an attribution whose id carries the gateway's suffix.
  const objection = mail('o.200@host.example.org', {
    author: 'Objector Example',
    date: '2002-06-27T12:00:00Z',
    body: `In article <q.100@host.example.org.lists.example> you wrote:\n> ${QUESTION_TEXT}\n\n${OBJECTION}\n`,
  });
  // Quotes both, as one block each, without headers or names.
  const answer = mail('a.300@host.example.org', {
    author: 'Asker Example',
    date: '2002-06-27T14:00:00Z',
    body: `Someone wrote:\n> In article <> you wrote:\n>> ${QUESTION_TEXT}\n> ${OBJECTION}\n\nFair point.\n`,
  });

  it('merge into the real message whatever id the quotes gave them', () => {
    const archive = buildArchive([question, objection, answer]);
    expect([...archive.messages.keys()].sort()).toEqual([answer, objection, question].map((m) => m.messageId).sort());
    expect(archive.threads).toHaveLength(1);
    expect(archive.placement.get(answer.messageId)?.parent?.id).toBe(objection.messageId);
    expect(archive.placement.get(objection.messageId)?.parent?.id).toBe(question.messageId);
  });

  it('of one missing message are one, for replies that name it only in References', () => {
    const ghost = 'missing.400@host.example.org';
    const reply = (id: string, minute: number, own: string) =>
      mail(id, {
        date: `2002-06-28T10:${minute}:00Z`,
        references: [ghost],
        body: `Jane wrote:\n> The prequeue holds the segment until the reader runs again.\n\n${own}\n`,
      });
    const archive = buildArchive([reply('r1@host.example.org', 10, 'First answer.'), reply('r2@host.example.org', 20, 'Second answer.')]);
    expect(archive.messages.get(ghost)?.provenance).toBe('reconstructed');
    expect([...archive.messages.keys()].filter(isDerivedId)).toEqual([]);
    expect(archive.threads.map((t) => [t.id, t.size])).toEqual([[ghost, 3]]);
  });

  it('of one missing message are one, for replies without headers that quote the same words', () => {
    const quoted =
      'Jane wrote:\n> The backlog queue drops the frame once it holds three hundred skbs.\n> That limit is a sysctl, netdev_max_backlog, not a constant.\n\n';
    const a = mail('h1@host.example.org', {
      date: '2002-06-28T10:10:00Z',
      subject: 'backlog drops',
      body: `${quoted}Raising it helped here.\n`,
    });
    const b = mail('h2@host.example.org', {
      date: '2002-06-28T10:20:00Z',
      subject: 'backlog drops',
      body: `${quoted}It did nothing for us.\n`,
    });
    const archive = buildArchive([a, b]);
    const rebuilt = [...archive.messages.values()].filter((m) => m.provenance === 'reconstructed');
    expect(rebuilt).toHaveLength(1);
    expect(rebuilt[0]?.rebuiltFrom.sort()).toEqual([a.messageId, b.messageId]);
    expect(archive.threads.map((t) => t.size)).toEqual([3]);
  });

  it('are not made for a junk In-Reply-To: the quotes name the parent', () => {
    const source = mail('s.500@host.example.org', {
      date: '2002-06-28T09:00:00Z',
      body: 'The card verifies the checksum, so the copy to user space runs alone.\n',
    });
    const reply = mail('r.600@host.example.org', {
      date: '2002-06-28T11:00:00Z',
      inReplyTo: 'yes',
      body: '> The card verifies the checksum, so the copy to user space runs alone.\n\nOnly for TCP.\n',
    });
    const archive = buildArchive([source, reply]);
    expect([...archive.messages.keys()].sort()).toEqual([reply.messageId, source.messageId]);
    expect(archive.placement.get(reply.messageId)?.parent).toMatchObject({ id: source.messageId, link: 'inferred' });
    // Without the source, the rebuilt parent gets a derived id, never the junk token.
    const alone = buildArchive([reply]);
    expect(alone.messages.has('yes')).toBe(false);
    expect(alone.threads.map((t) => t.id).filter((id) => id === 'yes')).toEqual([]);
    expect([...alone.messages.keys()].filter(isDerivedId)).toHaveLength(1);
  });

  it('keep an id the headers name, even when its words also stand in another held message', () => {
    const hunk = 'Move the checksum into the copy loop and drop the second pass over the skb.';
    const v1 = mail('patch-v1.700@host.example.org', {
      date: '2002-06-28T09:00:00Z',
      inReplyTo: 'cover.699@host.example.org',
      body: `${hunk}\n`,
    });
    // v2 repeats v1's hunk, but the archive lacks it; the review names v2 in its headers.
    const review = mail('review.800@host.example.org', {
      date: '2002-06-29T09:00:00Z',
      inReplyTo: 'patch-v2.750@host.example.org',
      body: `Carol wrote:\n> Carol said the first version leaked skbs on the error path.\n>\n> ${hunk}\n\nLooks right now.\n`,
    });
    const archive = buildArchive([v1, review]);
    expect(archive.messages.get('patch-v2.750@host.example.org')?.provenance).toBe('reconstructed');
    expect(archive.placement.get(review.messageId)?.parent?.id).toBe('patch-v2.750@host.example.org');
    expect(archive.messages.has('cover.699@host.example.org')).toBe(false);
  });
});
