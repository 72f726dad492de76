/**
 * The hostile corpus (tests/fixtures/hostile) through the real importer: every case ends as
 * its README says (repaired ones list their repairs, and only they do), nothing stored can
 * run in a page or shows an address, threading ends on loops, and importing twice changes
 * nothing. Addresses are looked for with the oracles of tests/support/address-oracle.ts,
 * never with the redactor's own scanner.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import PostalMime, { decodeWords } from 'postal-mime';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildArchive, rawRedactor } from '../../../src/lib/mail/archive.ts';
import { readEntries } from '../../../src/lib/mail/node/entries.ts';
import { slugOf } from '../../../src/lib/mail/ids.ts';
import { importPaths, type ImportResult } from '../../../src/lib/mail/node/importer.ts';
import { htmlToText } from '../../../src/lib/mail/parse.ts';
import { redactRawMail } from '../../../src/lib/mail/raw-redact.ts';
import { cleanBody, cleanHeaderText } from '../../../src/lib/mail/sanitize.ts';
import { walk } from '../../../src/lib/mail/thread-tree.ts';
import type { MessageRecord } from '../../../src/lib/mail/types.ts';
import { paths } from '../../../src/lib/routes.ts';
import { addressesIn, addressesInRaw, remnantsIn } from '../../support/address-oracle.ts';

const corpus = fileURLToPath(new URL('../../fixtures/hostile/', import.meta.url));
/** The import's clock: fixed, so the test does not depend on the day it runs. */
const NOW = Date.parse('2026-01-01T00:00:00Z');

interface Case {
  file: string;
  outcome: 'imported' | 'sanitised' | 'repaired' | 'rejected';
  reason: string;
}

/** The README's table: file, case, outcome, reason (in backticks for rejections). */
function readmeCases(): Case[] {
  const rows = readFileSync(join(corpus, 'README.md'), 'utf8')
    .split('\n')
    .filter((line) => /^\| \d\d-/.test(line));
  return rows.map((row) => {
    const cells = row.split(' | ').map((c) => c.replace(/^\| |\s*\|$/g, '').trim());
    const outcome = cells[2] as Case['outcome'];
    const reason = /^`(.*)`$/.exec(cells[3] ?? '')?.[1] ?? '';
    return { file: cells[0] ?? '', outcome, reason };
  });
}

const text = (file: string): string => {
  const bytes = readFileSync(join(corpus, file));
  return (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('latin1');
};
/** Message-IDs written in a corpus file, in order. */
const idsIn = (file: string): string[] => [...text(file).matchAll(/^Message-ID: <(.+)>\r?$/gim)].map((m) => m[1] ?? '');
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** A file's modification time as the importer writes a date it takes from it. */
const mtimeDate = (file: string): string =>
  `${new Date(Math.floor(statSync(join(corpus, file)).mtimeMs / 1000) * 1000).toISOString().slice(0, 19)}+00:00`;
const BY_MTIME =
  "and nothing else in the input dates it; the date is the input file's last modification time (the mail is no newer than that)";
const BODY_CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/;

let dir: string;
let first: ImportResult;
let warnings: string[];
let records: MessageRecord[];
const entry = (id: string): MessageRecord => {
  const found = records.find((r) => r.messageId === id);
  if (!found) throw new Error(`no entry for ${id}`);
  return found;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hostile-'));
  warnings = [];
  first = await importPaths([corpus], { dir, now: NOW, log: (line) => warnings.push(line) });
  records = readEntries(dir).map((e) => ({ ...(e as unknown as MessageRecord), slug: (e as { id: string }).id }));
}, 30_000);

/** What each case stores, beyond its README outcome. */
const checks: Record<string, () => void> = {
  '01-script-style.eml': () => {
    const m = entry('hostile-01@example.invalid');
    expect(m.body).toContain(`<script>alert('body script')</script>`);
    expect(m.subject).toBe(`<script>alert('subject')</script> a plain-text mail full of markup`);
  },
  '02-javascript-link.eml': () => {
    const m = entry('hostile-02@example.invalid');
    expect(m.body).toBe('The plain part: see the benchmark page (no link here).\n\n');
  },
  '03-html-only-handlers.eml': () => {
    const { body } = entry('hostile-03@example.invalid');
    expect(body).toContain('First paragraph of the HTML-only mail.');
    expect(body).toContain('javascript link text and data link text.');
    expect(body).toContain('Last paragraph of the HTML-only mail.');
    // Only the entity-escaped line, which the sender wrote as text, shows anything like a tag.
    expect(body.split('\n').filter((l) => l.includes('<'))).toEqual([`Escaped markup is text: <script>alert('entity')</script>`]);
    expect(body).not.toMatch(/onload|onclick|onerror|ontoggle|javascript:|data:|srcdoc|title text|head script/);
  },
  '04-html-unclosed-svg.eml': () => {
    const { body } = entry('hostile-04@example.invalid');
    expect(body).toBe('Before the svg.\n\nAfter the svg: this text must survive.\n\nAfter the object: this text must survive too.\n');
  },
  '05-header-injection.eml': () => {
    const m = entry('hostile-05@example.invalid');
    expect(m.subject).toBe('a subject Bcc: x y z [31m');
    expect(m.author).toBe('Eve Injector Bcc: victim');
    expect(m.inReplyToRaw).toBe('X-Injected: yes');
    expect(m.repairs).toEqual(['control characters in header fields replaced by spaces']);
  },
  '06-overlong-line.eml.gz': () => {
    const lines = entry('hostile-06@example.invalid').body.split('\n');
    expect(lines.map((l) => l.length)).toEqual([27, 1024 * 1024, 38, 0]);
  },
  '07-overlong-header.eml.gz': () => undefined,
  '08-long-headers.eml': () => {
    const m = entry('hostile-08@example.invalid');
    expect(m.subject.length).toBe(1100 * 9 - 1); // 1100 words of 8 letters
    const kept = [0, ...Array.from({ length: 19 }, (_, i) => 981 + i)];
    expect(m.references).toEqual(kept.map((n) => `ref-${String(n).padStart(4, '0')}@example.invalid`));
    expect(m.repairs).toEqual(['References cut from 1000 to 20 ids (the first and the newest)']);
  },
  '09-unknown-charset.eml': () => {
    expect(entry('hostile-09@example.invalid').body).toBe('Café crème in bytes of an unknown charset.\n');
  },
  '10-broken-base64.eml': () => {
    const { body } = entry('hostile-10@example.invalid');
    expect(body.startsWith('This base64 body starts well.\n')).toBe(true);
    expect(body).toContain('\ufffd');
    expect(entry('hostile-10@example.invalid').repairs).toEqual([
      expect.stringMatching(/^\d+ control characters in the body replaced by \ufffd/),
    ]);
  },
  '11-broken-qp.eml': () => {
    expect(entry('hostile-11@example.invalid').body).toBe(
      'Invalid escapes: =ZZ and =4 and =G1 stay as written.\nA soft line break at the very end of the body',
    );
  },
  '12-truncated-multipart.eml': () => {
    const { body } = entry('hostile-12@example.invalid');
    expect(body).toContain('The first part arrived whole.');
    expect(body).toContain('The second part is cut off');
  },
  '13-multipart-no-boundary.eml': () => {
    expect(entry('hostile-13@example.invalid').body).toContain("The sender's mailer forgot the boundary; this text must not be lost.");
    expect(entry('hostile-13@example.invalid').repairs).toEqual([
      'MIME structure unreadable (a multipart without a boundary); the body is kept as plain text',
    ]);
  },
  '14-nul-header.eml': () => {
    const m = entry('hostile-14@example.invalid');
    expect(m.subject).toBe('a NUL  in the subject header');
    expect(m.repairs).toEqual(['a NUL byte in the header block replaced by a space']);
    expect(readFileSync(join(dir, 'hostile-14@example.invalid.raw')).includes(0)).toBe(true);
  },
  '15-nul-body.eml': () => {
    expect(entry('hostile-15@example.invalid').body).toBe(
      'Before the NUL\ufffdafter the NUL.\nAn escape \ufffd[31mred\ufffd[0m and a bell \ufffd.\n',
    );
    expect(entry('hostile-15@example.invalid').repairs).toEqual(['4 control characters in the body replaced by \ufffd (U+FFFD)']);
  },
  '16-reply-loop.mbox': () => {
    expect(entry('hostile-16a@example.invalid').inReplyTo).toBe('hostile-16b@example.invalid');
    expect(entry('hostile-16b@example.invalid').inReplyTo).toBe('hostile-16a@example.invalid');
    // The attribution names a Message-ID: ids stay, only addresses are hidden.
    expect(entry('hostile-16b@example.invalid').body).toContain('In article <hostile-16a@example.invalid> Loop A wrote:');
  },
  '17-reference-cycle.mbox': () => {
    expect(entry('hostile-17d@example.invalid').references).toContain('hostile-17d@example.invalid');
  },
  '18-self-reference.eml': () => {
    expect(entry('hostile-18@example.invalid').inReplyTo).toBe('hostile-18@example.invalid');
  },
  '19-duplicate-id.mbox': () => {
    expect(entry('hostile-19@example.invalid').body).toBe('The second copy: a different body under the same Message-ID.\n');
    expect(warnings.filter((w) => w.includes('<hostile-19@example.invalid> is used again'))).toHaveLength(1);
  },
  '20-future-date.eml': () => {
    const m = entry('hostile-20@example.invalid');
    expect(m.date).toBe(mtimeDate('20-future-date.eml'));
    expect(m.dateInferred).toBe(`Date header in the future ("Thu, 1 Jan 2099 00:00:00 +0000"), ${BY_MTIME}`);
    expect(m.repairs).toEqual(["date inferred from the input file's modification time"]);
  },
  '21-unparseable-date.eml': () => {
    const m = entry('hostile-21@example.invalid');
    expect(m.date).toBe(mtimeDate('21-unparseable-date.eml'));
    expect(m.dateInferred).toBe(`Date header unparseable ("sometime after lunch, probably"), ${BY_MTIME}`);
  },
  '22-missing-message-id.eml': () => {
    const m = records.find((r) => r.subject === 'a message without a Message-ID');
    expect(m?.messageId).toMatch(/^nomsgid\.[0-9a-f]{16}$/);
  },
  '23-missing-from.eml': () => {
    expect(entry('hostile-23@example.invalid').author).toBe('unknown sender');
    expect(entry('hostile-23@example.invalid').repairs).toEqual(['no From header; the sender is unknown']);
  },
  '24-missing-from-and-date.eml': () => {
    const m = entry('hostile-24@example.invalid');
    expect([m.author, m.date, m.dateInferred]).toEqual([
      'unknown sender',
      mtimeDate('24-missing-from-and-date.eml'),
      `no Date header, ${BY_MTIME}`,
    ]);
    expect(m.repairs).toEqual(['no From header; the sender is unknown', "date inferred from the input file's modification time"]);
  },
  '25-addresses.eml': () => {
    const m = entry('hostile-25@example.invalid');
    expect(m.author).toBe('unknown sender');
    expect(m.subject).toBe('mail me at [address hidden]');
    expect(m.body.match(/\[address hidden\]/g)).toHaveLength(7);
  },
  '26-addresses-encoded.eml': () => {
    const m = entry('hostile-26@example.invalid');
    expect(m.subject).toBe('an address encoded in the subject: [address hidden]');
    expect(m.body).toContain('A base64 body with an address: [address hidden].');
  },
  '33-crlf-quoted-printable.eml': () => {
    const m = entry('hostile-33@example.invalid');
    expect([m.author, m.subject]).toEqual(['Justin Hurwitz', 'Re: zero-copy receive numbers, with CRLF line ends']);
    expect(m.body).toBe(
      [
        'The receive-side runs are on the usual machine; if you want the raw numbers, write to me at [address hidden] and say which kernel you ran.',
        '',
        'Jane has the send side: [address hidden] (her mailer wraps long lines), or [address hidden] for the 2.4.18 runs.',
        '',
        '-- ',
        'Justin Hurwitz, [address hidden]',
        '',
      ].join('\n'),
    );
  },
  '34-patch-trailers.eml': () => {
    const m = entry('hostile-34@example.invalid');
    expect([m.author, m.subject]).toEqual(['Jane Doe', '[PATCH] tcp: say where the receive copy happens']);
    const trailers = m.body.split('\n').filter((l) => /^[A-Z][a-z]+(?:-[a-z]+)*-by:|^Cc:/.test(l));
    expect(trailers).toEqual([
      'Reported-by: Ana Example [address hidden]',
      'Suggested-by: Jürgen Müller [address hidden]',
      'Tested-by: 李雷 [address hidden]',
      'Cc: Ren Example [address hidden]',
      'Signed-off-by: Jane Doe [address hidden]',
    ]);
    expect(m.body).toContain('+ * The receive copy to user space happens here (questions: [address hidden]).\n');
  },
  '35-encoded-idn.eml': () => {
    const m = entry('hostile-35@example.invalid');
    expect([m.author, m.subject]).toEqual(['Jürgen Müller', 'mail [address hidden] about it']);
    expect(m.body).toBe(
      'Write to [address hidden] or to [address hidden], and copy [address hidden]; the old address\r\n[address hidden] still works.\r\n',
    );
  },
  '27-hostile-message-id.eml': () => {
    const id = `../../x"'onmouseover=alert(1)//javascript:alert(2)@example.invalid`;
    expect(entry(id).slug).toBe(slugOf(id));
  },
  '28-not-mail.eml': () => undefined,
  '29-bad-date-from-line.mbox': () => {
    const m = entry('hostile-29@example.invalid');
    expect(m.date).toBe('2002-06-29T10:00:06+00:00');
    expect(m.dateInferred).toBe(
      'Date header unparseable ("Saturday, in the morning"); date taken from the mbox From line, read as UTC (the line gives no zone)',
    );
    expect(m.repairs).toEqual(['date inferred from the mbox From line']);
  },
  '30-bad-date-received.eml': () => {
    const m = entry('hostile-30@example.invalid');
    expect(m.date).toBe('2002-07-01T12:30:05+02:00');
    expect(m.dateInferred).toBe('Date header unparseable ("1 Jul 2002 99:99:99 +0000"); date taken from the latest dated Received header');
  },
  '31-bad-date-neighbours.mbox': () => {
    const m = entry('hostile-31b@example.invalid');
    expect(m.date).toBe('2002-07-01T09:00:00+02:00');
    expect(m.dateInferred).toBe(
      'Date header unparseable ("yesterday-ish"); date taken from message 1 of the same file, the nearest dated message before it',
    );
    expect(m.repairs).toEqual(['date inferred from the message before it in the file']);
    expect(entry('hostile-31c@example.invalid').date).toBe('2002-07-01T17:00:00+02:00');
  },
  '32-no-date-header.mbox': () => {
    const m = entry('hostile-32@example.invalid');
    expect([m.date, m.dateInferred]).toEqual(['2002-07-02T08:15:00+02:00', 'no Date header; date taken from the mbox From line']);
  },
};

describe('the hostile corpus', () => {
  const cases = readmeCases();

  it('is listed in full in its README, and each case has its own check here', () => {
    const files = readdirSync(corpus)
      .filter((f) => f !== 'README.md')
      .sort();
    expect(cases.map((c) => c.file).sort()).toEqual(files);
    expect(Object.keys(checks).sort()).toEqual(files);
    for (const c of cases) expect(['imported', 'sanitised', 'repaired', 'rejected'], c.file).toContain(c.outcome);
  });

  it('ends every case as the README says, and reports rejections with file, line and message number', () => {
    for (const c of cases) {
      const rejected = first.rejected.filter((r) => r.file === join(corpus, c.file));
      if (c.outcome === 'rejected') {
        expect(
          rejected.map((r) => [r.line, r.index, r.reason]),
          c.file,
        ).toEqual([[1, 1, c.reason]]);
        for (const id of idsIn(c.file))
          expect(
            records.some((r) => r.messageId === id),
            `${c.file} stored ${id}`,
          ).toBe(false);
      } else {
        expect(rejected, c.file).toEqual([]);
        const stored = records.filter((r) => r.raw !== undefined && idsIn(c.file).includes(r.messageId));
        for (const id of idsIn(c.file))
          expect(
            stored.some((r) => r.messageId === id),
            `${c.file} lost ${id}`,
          ).toBe(true);
        // A repaired case lists what was put right; no other case claims a repair.
        expect(
          stored.some((r) => (r.repairs ?? []).length > 0),
          `${c.file} repairs`,
        ).toBe(c.outcome === 'repaired');
      }
      checks[c.file]?.();
    }
  });

  it('loses nothing else: the counts add up to every message of the batch', () => {
    const messages = cases.reduce((n, c) => n + Math.max(1, (text(c.file).match(/^From \S+ .*\d:\d\d/gm) ?? []).length), 0);
    expect(first.imported + first.updated + first.unchanged + first.rejected.length).toBe(messages);
    expect(first).toMatchObject({ imported: 38, updated: 1, unchanged: 0, repaired: 14 });
    expect(first.rejected.map((r) => r.file.slice(corpus.length))).toEqual(['07-overlong-header.eml.gz', '28-not-mail.eml']);
    expect(records).toHaveLength(38);
  });

  it('stores nothing a page could run: header fields are clean text, slugs are safe paths, bodies hold no control characters', () => {
    const base = new URL('https://site.invalid/sub/');
    for (const m of records) {
      // Pages put these in attributes (title, description, Pagefind filters and metadata).
      for (const field of [m.author, m.subject, m.messageId, m.inReplyToRaw ?? '', m.dateInferred ?? '', ...(m.repairs ?? [])]) {
        expect(field, m.messageId).not.toMatch(CONTROL);
      }
      expect(m.slug).toBe(slugOf(m.messageId));
      expect(m.slug).toMatch(/^[A-Za-z0-9_@~-][A-Za-z0-9._@~-]*$/);
      const url = new URL(paths.message(m.slug), base);
      expect([url.origin, url.pathname]).toEqual([base.origin, `/sub/m/${m.slug}/`]);
      expect(m.body, m.messageId).not.toMatch(BODY_CONTROL);
    }
  });

  /** Whether an address-like token is an id the archive knows (a token cut short by a character no address has counts too). */
  const knownId = (ids: Set<string>) => (token: string) => ids.has(token) || [...ids].some((id) => id.endsWith(token));

  it('the oracles are not blind: in the raw corpus they see every address the redactor must hide', () => {
    const seen = (file: string): string[] =>
      addressesInRaw(text(file))
        .filter((f) => f.kind === 'address' && !f.text.endsWith('.invalid'))
        .map((f) => f.text);
    expect(seen('25-addresses.eml')).toEqual(
      expect.arrayContaining(['qp-address@example.org', 'quoted@example.org', 'jane@example.org', 'mailto-address@example.org']),
    );
    expect(seen('26-addresses-encoded.eml')).toEqual(
      expect.arrayContaining(['encoded-name@example.org', 'subject-b64@example.org', 'base64-address@example.org']),
    );
    expect(seen('33-crlf-quoted-printable.eml')).toEqual(
      expect.arrayContaining(['jhurwitz@lanl.example', 'jane.doe@mail.example-site.example', 'renée+netperf@mail.example-site.example']),
    );
    expect(seen('34-patch-trailers.eml')).toEqual(
      expect.arrayContaining(['ana+netdev@example.org', 'jürgen@bücher.example', '李雷@例子.example', 'ren@xn--bcher-kva.example']),
    );
    expect(seen('35-encoded-idn.eml')).toEqual(
      expect.arrayContaining([
        'renée@mail.example-site.example',
        'jürgen@bücher.example',
        'ana+idn@mail.example-site.example',
        '李雷@例子.example',
        'renée@example.org',
      ]),
    );
    // And a placeholder that stopped short of the whole address is a leak too.
    expect(remnantsIn('mail [address hidden]-site.example or jü[address hidden] today')).toHaveLength(2);
    expect(remnantsIn('mail [address hidden]. Or <[address hidden]>, "[address hidden]".')).toEqual([]);
  });

  it('stores no e-mail address in any entry: every address-like token is a Message-ID', () => {
    const ids = new Set(records.flatMap((r) => [r.messageId, ...r.aliases, ...r.references, r.inReplyTo ?? '']));
    for (const r of records) ids.add(r.slug); // the `raw` file name is the slug
    const isId = knownId(ids);
    const names = readdirSync(dir).filter((f) => f.endsWith('.md'));
    expect(names).toHaveLength(records.length);
    for (const name of names) {
      const stored = readFileSync(join(dir, name), 'utf8');
      const tokens = addressesIn(stored).map((t) => t.replace(/\.raw$/, ''));
      expect(
        tokens.filter((t) => !isId(t)),
        name,
      ).toEqual([]);
      expect(remnantsIn(stored), name).toEqual([]);
    }
  });

  it('shows no address in a raw download, however the raw mail encoded it', async () => {
    const archive = buildArchive(records);
    const redact = rawRedactor(archive);
    const isId = knownId(new Set(archive.messages.keys()));
    const downloads = records.filter((r) => r.raw);
    expect(downloads).toHaveLength(records.length);
    for (const m of downloads) {
      const download = redact(readFileSync(join(dir, m.raw ?? '')).toString('latin1'));
      // Every reading of the bytes: as written, quoted-printable, encoded words, base64; UTF-8 and Latin-1.
      expect(
        addressesInRaw(download).filter((f) => f.kind === 'remnant' || !isId(f.text)),
        m.messageId,
      ).toEqual([]);
      // Decoded as a mail reader would: names, subject, every header and the text.
      const email = await PostalMime.parse(Buffer.from(download, 'latin1'));
      const decoded = [
        email.from?.name ?? '',
        email.subject ?? '',
        email.text ?? '',
        ...email.headers.map((h) => decodeWords(h.value)),
        ...(email.attachments ?? []).map((a) => (typeof a.content === 'string' ? a.content : new TextDecoder().decode(a.content))),
      ].join('\n');
      expect(
        addressesIn(decoded).filter((t) => !isId(t)),
        m.messageId,
      ).toEqual([]);
      expect(remnantsIn(decoded), m.messageId).toEqual([]);
    }
  });

  it('threads the loops without a cycle and terminates', () => {
    const archive = buildArchive(records);
    for (const thread of archive.threads) {
      const seen = new Set<string>();
      for (const { node } of walk(thread)) {
        expect(seen.has(node.id), `${node.id} twice in ${thread.id}`).toBe(false);
        seen.add(node.id);
      }
    }
    const parent = (id: string) => archive.placement.get(id)?.parent?.id ?? null;
    expect([parent('hostile-16a@example.invalid'), parent('hostile-16b@example.invalid')]).toEqual(['hostile-16b@example.invalid', null]);
    expect(parent('hostile-18@example.invalid')).toBeNull();
    const cycle = ['hostile-17c@example.invalid', 'hostile-17d@example.invalid', 'hostile-17e@example.invalid'];
    expect(new Set(cycle.map((id) => archive.placement.get(id)?.thread.id)).size).toBe(1);
    expect(cycle.filter((id) => parent(id) === null)).toHaveLength(1);
  });

  it('changes nothing when the corpus is imported again', async () => {
    const snapshot = () =>
      Object.fromEntries(readdirSync(dir).map((f) => [f, [readFileSync(join(dir, f), 'base64'), statSync(join(dir, f)).mtimeMs]]));
    const before = snapshot();
    const again = await importPaths([corpus], { dir, now: NOW });
    expect(again).toEqual({ imported: 0, updated: 0, unchanged: 39, repaired: 0, rejected: first.rejected, tempsRemoved: 0 });
    expect(snapshot()).toEqual(before);
  });
});

describe('sanitising pieces', () => {
  it('puts header text on one line and keeps layout characters in bodies', () => {
    expect(cleanHeaderText('a\r\nBcc: x\u0000\u001b[1m')).toBe('a Bcc: x [1m');
    expect(cleanBody('tab\tform\fcr\r\nnul\u0000del\u007f')).toBe('tab\tform\fcr\r\nnul\ufffddel\ufffd');
  });

  it('drops only the tag of an unclosed svg, object or head, but the rest after an unclosed script', () => {
    expect(htmlToText('<head><p>kept</p><svg/onload=x><p>also kept</p><object data=y>end')).toBe('kept\n\nalso kept\n\nend\n');
    expect(htmlToText('<p>kept</p><script>alert(1)<p>gone')).toBe('kept\n');
  });

  it('finds addresses split across encoded words, soft line breaks and base64 lines in raw mail', () => {
    const raw = [
      'From: =?utf-8?q?jane?= =?utf-8?q?=40example=2Eorg?= <x@example.invalid>',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'split jo=',
      'e@exam=',
      'ple.com and id <m1@example.invalid>',
      '',
      btoa('base64 mail from kim@example.com here'),
      '',
    ].join('\n');
    const out = redactRawMail(raw, (t) => t === 'm1@example.invalid');
    expect(out).not.toMatch(/jane|=40example|joe|jo=|kim/);
    expect(out).toContain('split [address hidden] and id <m1@example.invalid>');
    expect(atob(out.split('\n').at(-2) ?? '')).toBe('base64 mail from [address hidden] here');
    // Nothing to hide: the text comes back unchanged, byte for byte.
    const clean = 'Subject: =?utf-8?b?aGVsbG8=?=\n\nSGVsbG8gd29ybGQ=\nsoft=\nbreak =3D ok\n';
    expect(redactRawMail(clean)).toBe(clean);
  });

  it('hides addresses split by CRLF soft breaks or written in UTF-8, in quoted-printable, encoded words and base64', () => {
    const utf8 = (s: string): string => Buffer.from(s, 'utf8').toString('latin1');
    const raw = [
      'From: =?utf-8?q?j=C3=BCrgen=40b=C3=BCcher=2Eexample?= <x@example.invalid>',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'crlf jhurwitz=',
      '@lanl.example and ren=C3=A9e@mail.example-=',
      `site.example, 8-bit ${utf8('jürgen@bücher.example')} ok`,
      '',
      Buffer.from('UTF-8 body from 李雷@例子.example here', 'utf8').toString('base64'),
      '',
    ].join('\r\n');
    const out = redactRawMail(raw, (t) => t === 'x@example.invalid');
    const lines = out.split('\r\n');
    expect(lines.slice(0, 4)).toEqual([
      'From: =?utf-8?B?W2FkZHJlc3MgaGlkZGVuXQ==?= <x@example.invalid>',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'crlf [address hidden] and [address hidden], 8-bit [address hidden] ok',
    ]);
    expect(Buffer.from(lines.at(-2) ?? '', 'base64').toString('utf8')).toBe('UTF-8 body from [address hidden] here');
  });
});
