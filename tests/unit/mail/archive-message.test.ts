import { describe, expect, it } from 'vitest';
import { type ArchiveMessage, fromRecord, sortTime, timeOf } from '../../../src/lib/mail/archive-message.ts';
import { mail } from '../../support/records.ts';

describe('fromRecord', () => {
  it('leaves out the optional fields a record does not have, rather than setting them to undefined', () => {
    const m = fromRecord(mail('plain.1@example.org', { body: 'Just text.\n' }));
    for (const key of ['dateInferred', 'summary', 'claims', 'archive', 'raw', 'repairs']) expect(Object.hasOwn(m, key)).toBe(false);
  });

  it('carries the optional fields a record has', () => {
    const m = fromRecord(
      mail('full.2@example.org', {
        dateInferred: 'from the Received header',
        summary: 'A short account.',
        claims: ['it is slow'],
        archive: [{ label: 'lore', url: 'https://lore.example.net/x' }],
        raw: 'full.2@example.org.raw',
        repairs: ['dropped a junk References id'],
      }),
    );
    expect(m).toMatchObject({
      dateInferred: 'from the Received header',
      summary: 'A short account.',
      claims: ['it is slow'],
      archive: [{ label: 'lore', url: 'https://lore.example.net/x' }],
      raw: 'full.2@example.org.raw',
      repairs: ['dropped a junk References id'],
      rebuiltFrom: [],
      before: null,
      depth: 0,
    });
  });
});

describe('timeOf and sortTime', () => {
  it('gives undated and unparsable dates the largest time', () => {
    expect(timeOf(null)).toBe(Number.MAX_SAFE_INTEGER);
    expect(timeOf('the day after')).toBe(Number.MAX_SAFE_INTEGER);
    expect(timeOf('2002-06-28T10:00:00Z')).toBe(Date.UTC(2002, 5, 28, 10));
  });

  it('sorts a missing message last and an undated rebuild one second per depth before its first quoter', () => {
    expect(sortTime(undefined)).toBe(Number.MAX_SAFE_INTEGER);
    const rebuilt: ArchiveMessage = { ...fromRecord(mail('gone.3@example.org', {})), date: null, before: '2002-06-28T10:00:00Z', depth: 2 };
    expect(sortTime(rebuilt)).toBe(Date.UTC(2002, 5, 28, 10) - 2000);
    expect(sortTime({ ...rebuilt, before: null })).toBe(Number.MAX_SAFE_INTEGER);
    expect(sortTime(fromRecord(mail('dated.4@example.org', { date: '2002-06-28T09:00:00Z' })))).toBe(Date.UTC(2002, 5, 28, 9));
  });
});
