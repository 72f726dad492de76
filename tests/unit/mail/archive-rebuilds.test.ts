import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../../src/lib/mail/archive.ts';
import { mail } from '../../support/records.ts';

const GHOST = 'missing.700@host.example.org';
const FIRST = 'The prequeue holds the segment until the reader runs again.';
const SECOND = 'A reader that sleeps in recvmsg gets the checksum folded into its copy.';

const reply = (id: string, minute: number, passages: string[]) =>
  mail(id, {
    date: `2002-06-28T10:${minute}:00Z`,
    references: [GHOST],
    body: `Jane wrote:\n${passages.map((p) => `> ${p}`).join('\n')}\n\nMy answer, ${id}.\n`,
  });

describe('a missing message rebuilt from several replies', () => {
  it('holds every passage any reply quoted, each once', () => {
    for (const records of [
      [reply('r1@host.example.org', 10, [FIRST]), reply('r2@host.example.org', 20, [SECOND])],
      [reply('r2@host.example.org', 20, [SECOND]), reply('r1@host.example.org', 10, [FIRST])],
    ]) {
      const body = buildArchive(records).messages.get(GHOST)?.body ?? '';
      expect(body).toContain(FIRST);
      expect(body).toContain(SECOND);
      expect(body.split(FIRST)).toHaveLength(2);
      expect(body.split(SECOND)).toHaveLength(2);
    }
  });

  it('adds nothing from a reply that quotes only what another reply already gave', () => {
    const both = reply('r1@host.example.org', 10, [FIRST, SECOND]);
    const body = buildArchive([both]).messages.get(GHOST)?.body;
    for (const records of [
      [both, reply('r2@host.example.org', 20, [SECOND])],
      [reply('r2@host.example.org', 20, [SECOND]), both],
    ]) {
      expect(buildArchive(records).messages.get(GHOST)?.body).toBe(body);
    }
  });

  it('was written before the earliest reply that quotes it, whichever reply is read first', () => {
    for (const records of [
      [reply('r1@host.example.org', 10, [FIRST]), reply('r2@host.example.org', 20, [SECOND])],
      [reply('r2@host.example.org', 20, [SECOND]), reply('r1@host.example.org', 10, [FIRST])],
    ]) {
      const rebuilt = buildArchive(records).messages.get(GHOST);
      expect(rebuilt?.before).toBe('2002-06-28T10:10:00Z');
      expect(rebuilt?.rebuiltFrom.sort()).toEqual(['r1@host.example.org', 'r2@host.example.org']);
    }
  });
});

describe('the real message a quote without headers stands for', () => {
  const P1 = 'The card raises one interrupt for every sixteen frames it receives.';
  const P2 = 'Our driver rings the doorbell only after the whole batch is posted.';
  const quoting = (date: string, passages: string[]) =>
    mail('q.800@host.example.org', {
      date,
      subject: 'interrupts',
      body: `Jane wrote:\n${passages.map((p) => `> ${p}`).join('\n>\n')}\n\nThat matches what we see.\n`,
    });

  it('is the earlier message that holds half of the quoted passages', () => {
    const source = mail('s.801@host.example.org', { date: '2002-06-28T09:00:00Z', subject: 'interrupts', body: `${P1}\n` });
    const archive = buildArchive([source, quoting('2002-06-28T10:00:00Z', [P1, P2])]);
    expect(archive.placement.get('q.800@host.example.org')?.parent?.id).toBe(source.messageId);
    expect([...archive.messages.values()].filter((m) => m.provenance === 'reconstructed')).toEqual([]);
  });

  it('is never a message written after the quote', () => {
    const later = mail('s.802@host.example.org', { date: '2002-06-28T11:00:00Z', subject: 'interrupts', body: `${P1}\n\n${P2}\n` });
    const archive = buildArchive([later, quoting('2002-06-28T10:00:00Z', [P1, P2])]);
    expect(archive.placement.get('q.800@host.example.org')?.parent).toBeNull();
    expect(archive.placement.get(later.messageId)?.parent).toBeNull();
  });
});
