/**
 * Dating mail whose Date header cannot (src/lib/mail/dating.ts): the fallback chain piece by
 * piece, and, through the real importer, that no message is ever rejected for its date.
 */
import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateFromFile, FUTURE_SLACK_MS, ownDate } from '../../../src/lib/mail/dating.ts';
import { readRecords } from '../../../src/lib/mail/node/entries.ts';
import { importPaths } from '../../../src/lib/mail/node/importer.ts';
import type { ReadMessage } from '../../../src/lib/mail/types.ts';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const tempDir = () => mkdtempSync(join(tmpdir(), 'dating-test-'));

describe('ownDate', () => {
  const evidence = { field: 'Date header', value: 'Mon, 1 Jul 2002 10:00:00 +0000', iso: '2002-07-01T10:00:00+00:00' };

  it("takes the message's own date when it parses and is at most a day ahead", () => {
    expect(ownDate(evidence, NOW)).toEqual({ date: '2002-07-01T10:00:00+00:00' });
    const ahead = new Date(NOW + FUTURE_SLACK_MS).toISOString().replace(/\.000Z$/, '+00:00');
    expect(ownDate({ ...evidence, iso: ahead }, NOW)).toEqual({ date: ahead });
  });

  it('allows one day ahead of the clock, to the second, and no more: in the header, the From line and Received', () => {
    // Written out, not read from FUTURE_SLACK_MS: a slack that drifted would drift the test with it.
    const DAY = 24 * 3_600_000;
    const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.000Z$/, '+00:00');
    const header = (ms: number) => ({ ...evidence, value: new Date(ms).toUTCString(), iso: iso(ms) });
    expect(ownDate(header(NOW + DAY), NOW)).toEqual({ date: iso(NOW + DAY) });
    expect(ownDate(header(NOW + DAY + 1000), NOW)).toMatchObject({
      date: null,
      problem: expect.stringMatching(/^Date header in the future/),
    });
    expect(ownDate(header(NOW + 2 * DAY), NOW)).toMatchObject({ date: null });
    const broken = { ...evidence, value: 'soon', iso: null };
    // The From line reads as UTC: Fri Jan  2 00:00:00 2026 is exactly a day ahead of NOW.
    expect(ownDate({ ...broken, fromLine: 'From a@example.org Fri Jan  2 00:00:00 2026' }, NOW)).toMatchObject({ date: iso(NOW + DAY) });
    expect(ownDate({ ...broken, fromLine: 'From a@example.org Fri Jan  2 00:00:01 2026' }, NOW)).toEqual({
      date: null,
      problem: 'Date header unparseable ("soon")',
    });
    const receivedAt = (ms: number) => ({ ...broken, received: [`from a by b; ${new Date(ms).toUTCString().replace('GMT', '+0000')}`] });
    expect(ownDate(receivedAt(NOW + DAY), NOW)).toMatchObject({ date: iso(NOW + DAY) });
    expect(ownDate(receivedAt(NOW + DAY + 1000), NOW)).toMatchObject({ date: null });
  });

  it('passes over dates in the future, in the header and in what stands in for it', () => {
    const future = { ...evidence, value: '1 Jan 2099 00:00 +0000', iso: '2099-01-01T00:00:00+00:00' };
    expect(
      ownDate(
        {
          ...future,
          fromLine: 'From a@example.org Thu Jan  1 00:00:00 2099',
          received: ['from a by b; Thu, 1 Jan 2099 00:00:00 +0000', 'from z by a; Mon, 1 Jul 2002 10:00:00 +0000'],
        },
        NOW,
      ),
    ).toEqual({
      date: '2002-07-01T10:00:00+00:00',
      inferred: {
        reason: 'Date header in the future ("1 Jan 2099 00:00 +0000"); date taken from the latest dated Received header',
        repair: 'date inferred from a Received header',
      },
    });
  });

  it("passes over public-inbox's placeholder From line (the epoch) for the Received date", () => {
    const bad = { ...evidence, value: 'sometime', iso: null };
    const lore = { ...bad, fromLine: 'From mboxrd@z Thu Jan  1 00:00:00 1970', received: ['from a by b; Mon, 1 Jul 2002 10:00:00 +0000'] };
    expect(ownDate(lore, NOW)).toMatchObject({
      date: '2002-07-01T10:00:00+00:00',
      inferred: { repair: 'date inferred from a Received header' },
    });
    expect(ownDate({ ...lore, received: [] }, NOW)).toEqual({ date: null, problem: 'Date header unparseable ("sometime")' });
  });

  it('says what was wrong when nothing in the message dates it', () => {
    expect(ownDate({ field: 'Date header', value: undefined, iso: null }, NOW)).toEqual({ date: null, problem: 'no Date header' });
    expect(ownDate({ field: 'Date line', value: ' some\u0000day\n ', iso: null, received: ['no semicolon'] }, NOW)).toEqual({
      date: null,
      problem: 'Date line unparseable ("some day")',
    });
  });
});

describe('dateFromFile', () => {
  const undated = (index: number): { index: number; message: ReadMessage } => ({
    index,
    message: {
      messageId: `u${index}@example.org`,
      aliases: [],
      author: 'A',
      date: null,
      dateProblem: 'no Date header',
      subject: 's',
      inReplyTo: null,
      references: [],
      list: null,
      sourceFormat: 'mbox',
      body: '',
      raw: new Uint8Array(),
    },
  });
  const dated = (index: number, date: string) => {
    const { message, ...rest } = undated(index);
    const { dateProblem: _, ...fields } = message as Extract<ReadMessage, { date: null }>;
    return { ...rest, message: { ...fields, date } };
  };
  const MTIME = Date.parse('2020-02-02T02:02:02.900Z');

  it('takes the nearest dated message before, else the nearest after, else the file time', () => {
    const out = dateFromFile(
      [undated(1), dated(2, '2002-07-01T10:00:00+02:00'), undated(3), undated(4), dated(5, '2002-07-02T10:00:00+02:00')],
      MTIME,
    );
    expect(out.map((o) => [o.index, o.message.date, o.message.dateInferred, o.message.repairs])).toEqual([
      [
        1,
        '2002-07-01T10:00:00+02:00',
        'no Date header; date taken from message 2 of the same file, the nearest dated message after it',
        ['date inferred from the message after it in the file'],
      ],
      [2, '2002-07-01T10:00:00+02:00', undefined, undefined],
      [
        3,
        '2002-07-01T10:00:00+02:00',
        'no Date header; date taken from message 2 of the same file, the nearest dated message before it',
        ['date inferred from the message before it in the file'],
      ],
      // Message 3 borrowed its date: it lends none, so 4 looks past it to message 2.
      [4, '2002-07-01T10:00:00+02:00', expect.stringContaining('message 2 of the same file'), expect.any(Array)],
      [5, '2002-07-02T10:00:00+02:00', undefined, undefined],
    ]);
  });

  it('uses the file time, in whole seconds UTC, when no message of the file is dated', () => {
    const [only] = dateFromFile([undated(1)], MTIME);
    expect(only?.message).toMatchObject({
      date: '2020-02-02T02:02:02+00:00',
      dateInferred:
        "no Date header, and nothing else in the input dates it; the date is the input file's last modification time (the mail is no newer than that)",
      repairs: ["date inferred from the input file's modification time"],
    });
  });
});

/** One message of the property below: how its Date header, From line and Received headers are broken. */
const dateHeader = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom('Mon, 1 Jul 2002 10:00:00 +0200', 'Thu, 1 Jan 2099 00:00:00 +0000', '31 Feb 2002 10:00 +0000', ''),
  fc.string({ maxLength: 40 }).map((s) => s.replace(/[\r\n]/g, ' ')),
);
const fromLine = fc.constantFrom('Mon Jul  1 10:00:00 2002', 'Mon Jul  1 10:00:00 2002 -0700', 'Sat Jun 31 10:00:00 2002', 'now 10:00');
const received = fc.array(
  fc.constantFrom('from a by b; Tue, 2 Jul 2002 09:10:11 +0100', 'from a by b; Fri, 1 Jan 2100 00:00:00 +0000', 'from a by b', 'x; y'),
  { maxLength: 3 },
);
const letter = fc.record({ date: dateHeader, fromLine, received });

describe('the importer and dates', () => {
  it('keeps a Date a day ahead of its clock and dates one two days ahead by the mbox From line, saying why', async () => {
    const input = tempDir();
    const at = (ms: number): string => new Date(ms).toUTCString().replace('GMT', '+0000');
    const letter = (n: number, date: string): string =>
      `From w${n}@example.org Wed Dec 31 12:00:00 2025\nFrom: W <w${n}@example.org>\nSubject: s${n}\nMessage-ID: <ahead-${n}@example.org>\nDate: ${date}\n\nBody.\n`;
    const DAY = 24 * 3_600_000;
    writeFileSync(
      join(input, 'ahead.mbox'),
      [letter(1, at(NOW + DAY)), letter(2, at(NOW + 2 * DAY)), letter(3, at(NOW + 400 * DAY))].join('\n'),
    );
    const dir = tempDir();
    const result = await importPaths([input], { dir, now: NOW });
    expect([result.imported, result.repaired, result.rejected]).toEqual([3, 2, []]);
    const byId = new Map(readRecords(dir).map((r) => [r.messageId, r]));
    expect(byId.get('ahead-1@example.org')).toMatchObject({ date: '2026-01-02T00:00:00+00:00' });
    expect(byId.get('ahead-1@example.org')?.dateInferred).toBeUndefined();
    for (const [n, days] of [
      [2, 2],
      [3, 400],
    ] as const) {
      expect(byId.get(`ahead-${n}@example.org`), `${days} days ahead`).toMatchObject({
        date: '2025-12-31T12:00:00+00:00',
        dateInferred: `Date header in the future ("${at(NOW + days * DAY)}"); date taken from the mbox From line, read as UTC (the line gives no zone)`,
        repairs: ['date inferred from the mbox From line'],
      });
    }
  });

  it('never rejects a message for its date: each is imported, dated, and flagged when its Date was not usable', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(letter, { minLength: 1, maxLength: 5 }), fc.boolean(), async (letters, asEml) => {
        const input = tempDir();
        const texts = letters.map((l, i) =>
          [
            ...l.received.map((r) => `Received: ${r}`),
            `From: Writer ${i} <w${i}@example.org>`,
            `Subject: letter ${i}`,
            `Message-ID: <letter-${i}@example.org>`,
            ...(l.date === undefined ? [] : [`Date: ${l.date}`]),
            '',
            `Body ${i}.`,
            '',
          ].join('\n'),
        );
        const files = asEml
          ? texts.map((t, i) => [`l${i}.eml`, t] as const)
          : [['all.mbox', texts.map((t, i) => `From w${i}@example.org ${letters[i]?.fromLine}\n${t}`).join('\n')] as const];
        for (const [name, text] of files) {
          writeFileSync(join(input, name), text);
          utimesSync(join(input, name), new Date(NOW - 86_400_000), new Date(NOW - 86_400_000));
        }
        const dir = tempDir();
        const result = await importPaths([input], { dir, now: NOW });
        expect(result.rejected).toEqual([]);
        expect(result.imported).toBe(letters.length);
        const records = readRecords(dir); // schema-checked: every date is a valid ISO date
        expect(records).toHaveLength(letters.length);
        letters.forEach((l, i) => {
          const r = records.find((m) => m.messageId === `letter-${i}@example.org`);
          const usable = l.date === 'Mon, 1 Jul 2002 10:00:00 +0200';
          expect(r?.dateInferred === undefined, `letter ${i}: ${JSON.stringify(l)}`).toBe(usable);
          expect(Date.parse(r?.date ?? '')).toBeLessThanOrEqual(NOW + FUTURE_SLACK_MS);
          if (!usable) expect(r?.repairs?.some((x) => x.startsWith('date inferred from'))).toBe(true);
        });
      }),
      { seed: 20020701, numRuns: 60 },
    );
  }, 60_000);
});
