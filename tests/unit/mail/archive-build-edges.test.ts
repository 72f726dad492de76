import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../../src/lib/mail/archive.ts';
import { mail } from '../../support/records.ts';

describe('buildArchive edges', () => {
  it('keeps the first of two entries of equal rank for one Message-ID', () => {
    const archive = buildArchive([
      mail('twice.1@example.org', { body: 'First copy.\n' }),
      mail('twice.1@example.org', { body: 'Second copy.\n' }),
    ]);
    expect(archive.messages.get('twice.1@example.org')?.body).toBe('First copy.\n');
  });

  it('threads full mail that replaces an inferred summary by its own headers', () => {
    const root = mail('root.2@example.org', { body: 'The root.\n' });
    const summary = mail('reply.3@example.org', {
      provenance: 'summary',
      sourceFormat: 'summary',
      parentBasis: 'inferred',
      inReplyTo: root.messageId,
      body: 'Our summary.\n',
    });
    const full = mail('reply.3@example.org', {
      date: '2002-06-28T10:00:00+00:00',
      inReplyTo: root.messageId,
      references: [root.messageId],
      body: 'The reply.\n',
    });
    expect(buildArchive([root, summary]).placement.get('reply.3@example.org')?.parent).toMatchObject({
      id: root.messageId,
      link: 'inferred',
    });
    expect(buildArchive([root, summary, full]).placement.get('reply.3@example.org')?.parent).toEqual({
      id: root.messageId,
      link: 'header',
    });
  });

  it('places only messages, not the ghosts of missing ones', () => {
    const a = mail('a.5@example.org', { inReplyTo: 'ghost.6@example.org', references: ['ghost.6@example.org'], body: 'Plain.\n' });
    const b = mail('b.7@example.org', {
      date: '2002-06-28T10:00:00+00:00',
      inReplyTo: 'ghost.6@example.org',
      references: ['ghost.6@example.org'],
      body: 'Also plain.\n',
    });
    const archive = buildArchive([a, b]);
    expect([...archive.placement.keys()].sort()).toEqual([a.messageId, b.messageId]);
    expect(archive.placement.get(a.messageId)).toMatchObject({ prev: null, next: b.messageId });
  });
});
