/**
 * Fuzzing the mail pipeline with damaged copies of well-formed mail (and the seed page):
 * the importer never throws, accounts for every message and imports idempotently; the
 * parser reads each damaged mail or rejects it with one of its stated reasons; the quote
 * segmenter never throws and covers the body in order. The number of messages expected is
 * the number the test wrote, not one the importer's own splitter counts. Fixed seeds keep CI
 * deterministic; fast-check prints the seed and the shrunk case on failure.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readEntries } from '../../../src/lib/mail/node/entries.ts';
import { importPaths } from '../../../src/lib/mail/node/importer.ts';
import { ParseError, parseMessage } from '../../../src/lib/mail/parse.ts';
import { segment, stripQuoteMarkers } from '../../../src/lib/mail/quotes.ts';

const seedPage = readFileSync(fileURLToPath(new URL('../../../mail/000_dfd74d5279ec2a6b.txt', import.meta.url)));
const NOW = Date.parse('2026-01-01T00:00:00Z');

/** Well-formed mail to damage: plain, multipart, quoted-printable, base64, HTML-only, a quoting reply. */
const WELL_FORMED = [
  'From: Ann Example <ann@example.org>\nSubject: plain\nDate: Mon, 1 Jul 2002 10:00:00 +0000\nMessage-ID: <f1@example.invalid>\n\nA plain body.\n\n-- \nAnn\n',
  'From: Bo Example <bo@example.org>\nSubject: Re: plain\nDate: Mon, 1 Jul 2002 11:00:00 +0200\nMessage-ID: <f2@example.invalid>\nIn-Reply-To: <f1@example.invalid>\nReferences: <f1@example.invalid>\nMIME-Version: 1.0\nContent-Type: multipart/alternative; boundary="b-f2"\n\n--b-f2\nContent-Type: text/plain; charset=utf-8\n\nOn Mon, 1 Jul 2002, Ann Example wrote:\n> A plain body.\n\nAgreed.\n--b-f2\nContent-Type: text/html; charset=utf-8\n\n<p onclick="x()">Agreed.</p>\n--b-f2--\n',
  'From: =?utf-8?q?C=C3=A9line_Example?= <celine@example.org>\nSubject: =?utf-8?q?qp_=C3=A9t=C3=A9?=\nDate: Tue, 2 Jul 2002 09:00:00 -0700\nMessage-ID: <f3@example.invalid>\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nCaf=C3=A9 and a soft=\n break, mail dee=40example.org.\n',
  `From: Dee Example <dee@example.org>\nSubject: base64\nDate: Tue, 2 Jul 2002 10:00:00 +0000\nMessage-ID: <f4@example.invalid>\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n${btoa('Line one.\n> quoted\n>> deeper\n')}\n`,
  'From: Eve Example <eve@example.org>\nSubject: html\nDate: Wed, 3 Jul 2002 10:00:00 +0000\nMessage-ID: <f5@example.invalid>\nContent-Type: multipart/mixed; boundary=b-f5\n\n--b-f5\nContent-Type: text/html\n\n<html><body><p>Hi <img src=x onerror=y()></p><svg onload=z()></svg></body></html>\n--b-f5\nContent-Type: application/octet-stream; name=a.bin\nContent-Transfer-Encoding: base64\n\nAAECAwQ=\n--b-f5--\n',
].map((m) => new TextEncoder().encode(m));
const BASES = [...WELL_FORMED, new Uint8Array(seedPage)];

type Mutation = { kind: number; at: number; value: number };
const INSERTS = ['\r', '\n', '\0', '\r\n', '\n\n', '\n>', '\n-- \n', '=', '=?utf-8?q?=0D=0A?='];
const bytes = (s: string): number[] => [...new TextEncoder().encode(s)];

/** Start and end of each line of `m` (end excludes the `\n`). */
function lines(m: number[]): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  m.forEach((b, i) => {
    if (b === 0x0a) {
      out.push([start, i]);
      start = i + 1;
    }
  });
  if (start < m.length) out.push([start, m.length]);
  return out;
}

/** Applies one damage: byte flip, truncation, insertion, header duplication or removal, boundary damage, quote prefix. */
function mutate(m: number[], { kind, at, value }: Mutation): number[] {
  const pos = m.length === 0 ? 0 : at % m.length;
  const spans = lines(m);
  const header = spans.slice(
    0,
    Math.max(
      1,
      spans.findIndex(([s, e]) => s === e),
    ),
  );
  const line = spans[at % Math.max(1, spans.length)];
  switch (kind) {
    case 0:
      return m.map((b, i) => (i === pos ? value % 256 : b));
    case 1:
      return m.slice(0, pos);
    case 2:
      return [...m.slice(0, pos), ...bytes(INSERTS[value % INSERTS.length] ?? ''), ...m.slice(pos)];
    case 3: {
      const h = header[value % header.length];
      return h ? [...m.slice(0, h[1] + 1), ...m.slice(h[0], h[1] + 1), ...m.slice(h[1] + 1)] : m;
    }
    case 4: {
      const h = header[value % header.length];
      return h ? [...m.slice(0, h[0]), ...m.slice(h[1] + 1)] : m;
    }
    case 5: {
      // Boundary damage: cut or alter a `--` delimiter line.
      const delimiters = spans.filter(([s]) => m[s] === 0x2d && m[s + 1] === 0x2d);
      const d = delimiters[value % Math.max(1, delimiters.length)];
      if (!d) return m;
      return value % 2 === 0 ? [...m.slice(0, d[0]), ...m.slice(d[1] + 1)] : m.map((b, i) => (i === d[1] - 1 ? 0x78 : b));
    }
    default:
      return line ? [...m.slice(0, line[0]), ...bytes('> '.repeat(value % 7)), ...m.slice(line[0])] : m;
  }
}

const mutation = fc.record({ kind: fc.nat(6), at: fc.nat(), value: fc.nat() });
const damaged = fc
  .tuple(fc.nat(BASES.length - 1), fc.array(mutation, { maxLength: 6 }))
  .map(([base, ms]) => ms.reduce(mutate, [...(BASES[base] ?? [])]));

/**
 * An mbox of messages as a writer would store them: each after a `From ` line and a blank
 * line, `From ` at the start of any line of a message escaped (mboxrd). So it holds exactly
 * `messages.length` messages, whatever the damage.
 */
function mbox(messages: number[][]): Uint8Array {
  const text = messages
    .map((m) => {
      const body = Buffer.from(m)
        .toString('latin1')
        .replace(/^(>*From )/gm, '>$1');
      return `From fuzz@example.org Mon Jul  1 10:00:00 2002\n${body}${body.endsWith('\n') ? '' : '\n'}\n`;
    })
    .join('');
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

/** Why a message may be rejected: what is not mail. Never its date, never anything else. */
const NOT_MAIL = /^(?:empty message|no header fields|no mail header field|not a readable message)/;

/** Checks that `segments` cover the lines of `text` in order, leaving out only blank lines. */
function expectCoverage(text: string, segments: ReturnType<typeof segment>): void {
  const all = text.split(/\r?\n/);
  const covered = new Set<number>();
  let next = 0;
  for (const s of segments) {
    expect(s.start).toBeGreaterThanOrEqual(next);
    expect(s.raw.length).toBeGreaterThan(0);
    expect(s.raw).toEqual(all.slice(s.start, s.start + s.raw.length));
    expect(s.lines).toEqual(s.depth > 0 ? s.raw.map((l) => stripQuoteMarkers(l, s.depth)) : s.raw);
    for (let i = s.start; i < s.start + s.raw.length; i++) covered.add(i);
    next = s.start + s.raw.length;
  }
  // Only blank lines (quote markers and whitespace) belong to no segment.
  all.forEach((line, i) => {
    if (!covered.has(i)) expect(line, `line ${i} left out`).toMatch(/^[\s>]*$/);
  });
}

describe('importing damaged mail', () => {
  it('never throws, accounts for every message, stores clean headers and imports idempotently', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(damaged, { minLength: 1, maxLength: 3 }), damaged, async (inMbox, eml) => {
        const input = mkdtempSync(join(tmpdir(), 'fuzz-in-'));
        const dir = mkdtempSync(join(tmpdir(), 'fuzz-store-'));
        const files = { 'a.mbox': mbox(inMbox), 'b.eml': new Uint8Array(eml) };
        for (const [name, content] of Object.entries(files)) writeFileSync(join(input, name), content);
        // As written: the mbox holds one message per damaged mail, the .eml one.
        const expected = inMbox.length + 1;

        const first = await importPaths([input], { dir, now: NOW });
        expect(first.imported + first.updated + first.unchanged + first.rejected.length).toBe(expected);
        // Only input that is not mail is rejected: never a message for its date.
        for (const r of first.rejected) expect(r.reason).toMatch(NOT_MAIL);
        // Each new Message-ID is one entry; a repeat updates or leaves its entry.
        expect(readEntries(dir)).toHaveLength(first.imported);
        for (const e of readEntries(dir) as unknown as { author: string; subject: string; body: string }[]) {
          expect(`${e.author}${e.subject}`).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
          expect(e.body).not.toMatch(/[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/);
        }
        const again = await importPaths([input], { dir, now: NOW });
        expect(again).toEqual({
          imported: 0,
          updated: 0,
          unchanged: first.imported + first.updated + first.unchanged,
          repaired: 0,
          rejected: first.rejected,
          tempsRemoved: 0,
        });
      }),
      { seed: 20020627, numRuns: 120 },
    );
  }, 60_000);
});

/** Body lines: prose, attributions, signatures, footers, gaps, `>From `, long and odd lines. */
const bodyLine = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'Plain prose line.',
    'On Thu, 27 Jun 2002, Jane Example wrote:',
    'In article <a1@example.invalid> you wrote:',
    'Jane Example <jane@example.org> writes:',
    'Quoting Bo:',
    'wrote:',
    '-- ',
    '--',
    'To unsubscribe from this list: send the line "unsubscribe linux-kernel" in',
    'the body of a message to majordomo@vger.kernel.org',
    'This archive was generated by hypermail 2b29',
    '[snip]',
    '[…]',
    '>From the start',
    '  > indented marker',
    '\t>\t> tabbed markers',
    `${'x'.repeat(400)} said:`,
  ),
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
);
/** A line behind 0–6 quote markers, written with or without spaces and indentation. */
const quotedLine = fc
  .tuple(fc.nat(6), fc.constantFrom('>', '> ', '>  ', ' >', '\t>'), bodyLine)
  .map(([depth, marker, line]) => marker.repeat(depth) + line);
const body = fc.tuple(fc.array(quotedLine, { maxLength: 40 }), fc.constantFrom('\n', '\r\n')).map(([ls, eol]) => ls.join(eol));

describe('segmenting quotes of damaged bodies', () => {
  it('never throws, ends, and its segments cover the body in order', () => {
    fc.assert(
      fc.property(body, (text) => expectCoverage(text, segment(text))),
      { seed: 20020628, numRuns: 1500 },
    );
  });

  it('reads every damaged mail or rejects it as not mail, and segments every body it reads', async () => {
    let read = 0;
    let rejected = 0;
    await fc.assert(
      fc.asyncProperty(damaged, async (m) => {
        let parsed: Awaited<ReturnType<typeof parseMessage>> | undefined;
        try {
          parsed = await parseMessage(new Uint8Array(m), 'eml');
        } catch (error) {
          // Only a stated rejection; any other exception fails the property.
          expect(error).toBeInstanceOf(ParseError);
          expect((error as Error).message).toMatch(NOT_MAIL);
          rejected += 1;
          return;
        }
        read += 1;
        expect(typeof parsed.body).toBe('string');
        expectCoverage(parsed.body, segment(parsed.body));
      }),
      { seed: 20020629, numRuns: 300 },
    );
    // The property was about parsed mail, mostly: damage leaves most of it readable.
    expect(read + rejected).toBeGreaterThanOrEqual(300);
    expect(read).toBeGreaterThan(150);
  });
});
