/**
 * A deterministic synthetic mailing-list month, written as an mbox the importer reads: threads
 * of 1–30 messages, replies quoting their parent (and the parent's quotes, so quotes nest to
 * depth three), signatures, quoted-printable, base64 and RFC 2047 headers, the odd patch,
 * authors from a pool, dates spread over June 2002. Used by `npm run bench` and its tests.
 */
import { random, type Random } from './random.ts';
import { FIRST_NAMES, LAST_NAMES, ORGS, SOURCE_FILES, VOCABULARY } from './words.ts';
import { dayAbbr, monthAbbr } from '../calendar.ts';

/** Options of {@link synthArchive}. */
export interface SynthOptions {
  /** Number of messages (exactly). */
  messages: number;
  /** Seed of the random stream; the same seed gives the same bytes. Default 2002. */
  seed?: number;
  /** Largest thread, in messages. Default 30. */
  maxThread?: number;
}

/** The archive, with what a test needs to check it against the import. */
export interface SynthArchive {
  /** The mbox text (mboxrd: body lines starting with "From " are escaped). */
  mbox: string;
  /** Message-IDs in file order. */
  ids: string[];
  /** Message count of each thread, in the order generated. */
  threadSizes: number[];
}

interface Author {
  name: string;
  address: string;
  org: string;
}

interface Written {
  id: string;
  author: Author;
  subject: string;
  time: number;
  /** The author's own paragraphs. */
  own: string[];
  /** The quoted lines this message carried (for the next reply's nesting). */
  quoted: string[];
  references: string[];
}

const MONTH_START = Date.UTC(2002, 5, 1);
const MONTH_MS = 30 * 24 * 3600 * 1000;
const OFFSETS = [0, 60, 120, -420, -300, -240, 540, 330];
const pad = (n: number): string => String(n).padStart(2, '0');

/** RFC 2822 date of `time` (ms) shown in a zone `offset` minutes east of UTC. */
export function rfcDate(time: number, offset: number): string {
  const d = new Date(time + offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const zone = `${sign}${pad(Math.floor(Math.abs(offset) / 60))}${pad(Math.abs(offset) % 60)}`;
  return `${dayAbbr(d.getUTCDay())}, ${d.getUTCDate()} ${monthAbbr(d.getUTCMonth() + 1)} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${zone}`;
}

/** The mbox `From ` separator date (asctime, UTC). */
function asctime(time: number): string {
  const d = new Date(time);
  return `${dayAbbr(d.getUTCDay())} ${monthAbbr(d.getUTCMonth() + 1)} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

function authors(r: Random, n: number): Author[] {
  const out: Author[] = [];
  for (let i = 0; i < n; i += 1) {
    const first = r.pick(FIRST_NAMES);
    const last = r.pick(LAST_NAMES);
    const local = `${first}.${last}${i}`
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9.]/g, '');
    out.push({ name: `${first} ${last}`, address: `${local}@example.${r.pick(['org', 'net', 'com'])}`, org: r.pick(ORGS) });
  }
  return out;
}

function sentence(r: Random): string {
  const words = Array.from({ length: r.int(6, 18) }, () => VOCABULARY[r.zipf(VOCABULARY.length)]!);
  const s = words.join(' ');
  return `${s[0]!.toUpperCase()}${s.slice(1)}${r.chance(0.15) ? '?' : '.'}`;
}

/** A paragraph wrapped at 72 columns, as mail clients of the time did. */
function paragraph(r: Random): string {
  const text = Array.from({ length: r.int(1, 4) }, () => sentence(r)).join(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > 72) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

function patch(r: Random): string {
  const file = r.pick(SOURCE_FILES);
  const at = r.int(40, 2400);
  const body = Array.from({ length: r.int(3, 9) }, () => {
    const mark = r.pick([' ', ' ', '-', '+']);
    return `${mark}\t${VOCABULARY[r.zipf(VOCABULARY.length)]}(skb, ${r.int(0, 4096)});`;
  });
  return [`--- a/${file}`, `+++ b/${file}`, `@@ -${at},${body.length} +${at},${body.length} @@`, ...body].join('\n');
}

/** RFC 2047 B-encoding of a header phrase (UTF-8). */
function encodedWord(s: string): string {
  return `=?utf-8?B?${Buffer.from(s, 'utf8').toString('base64')}?=`;
}

/** Quoted-printable (RFC 2045) of UTF-8 text, soft line breaks at 76. */
function quotedPrintable(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      let out = '';
      let width = 0;
      for (const byte of Buffer.from(line, 'utf8')) {
        const ch =
          byte === 0x3d || byte > 0x7e || (byte < 0x20 && byte !== 0x09)
            ? `=${byte.toString(16).toUpperCase().padStart(2, '0')}`
            : String.fromCharCode(byte);
        if (width + ch.length > 75) {
          out += '=\n';
          width = 0;
        }
        out += ch;
        width += ch.length;
      }
      return out.endsWith(' ') ? `${out.slice(0, -1)}=20` : out;
    })
    .join('\n');
}

function base64Lines(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64').replace(/.{76}/g, '$&\n');
}

/** One message as mbox text (separator line included). */
function render(r: Random, m: Written, parent: Written | undefined, offset: number): string {
  const lines: string[] = [];
  if (parent) {
    lines.push(`On ${rfcDate(parent.time, 0)}, ${parent.author.name} wrote:`);
    // The parent's own words at depth 1; what the parent quoted, one level deeper (≤ 3).
    const own = parent.own.slice(0, r.int(1, 2)).flatMap((p) => p.split('\n').map((l) => `> ${l}`));
    const older = parent.quoted
      .filter((l) => l.startsWith('>') && !l.startsWith('> > >'))
      .slice(0, 6)
      .map((l) => `> ${l}`);
    lines.push(...older, ...(older.length ? ['>'] : []), ...own, '');
  }
  m.quoted = lines.filter((l) => l.startsWith('>'));
  lines.push(m.own.join('\n\n'));
  if (r.chance(0.05)) lines.push('', 'Untested patch below.', '', patch(r));
  if (r.chance(0.3)) lines.push('', '-- ', m.author.name, m.author.org);
  const text = `${lines.join('\n')}\n`;

  const encoding = r.next();
  const hasNonAscii = /[^\x00-\x7e]/.test(text);
  let transfer = '7bit';
  let body = text;
  if (encoding < 0.1) [transfer, body] = ['base64', `${base64Lines(text)}\n`];
  else if (encoding < 0.3 || hasNonAscii) [transfer, body] = ['quoted-printable', quotedPrintable(text)];
  const nonAsciiName = /[^\x00-\x7e]/.test(m.author.name);
  const from = nonAsciiName ? `${encodedWord(m.author.name)} <${m.author.address}>` : `${m.author.name} <${m.author.address}>`;
  const subject = /[^\x00-\x7e]/.test(m.subject) ? encodedWord(m.subject) : m.subject;
  const headers = [
    `From ${m.author.address} ${asctime(m.time)}`,
    `From: ${from}`,
    'To: linux-kernel@vger.kernel.org',
    `Subject: ${subject}`,
    `Date: ${rfcDate(m.time, offset)}`,
    `Message-ID: <${m.id}>`,
    ...(parent ? [`In-Reply-To: <${parent.id}>`, `References: ${m.references.map((x) => `<${x}>`).join(' ')}`] : []),
    'MIME-Version: 1.0',
    `Content-Type: text/plain; charset=${transfer === '7bit' ? 'us-ascii' : 'utf-8'}`,
    `Content-Transfer-Encoding: ${transfer}`,
    'X-Mailing-List: linux-kernel@vger.kernel.org',
  ];
  // mboxrd: any body line that is "From " behind zero or more ">" gains one more ">".
  const escaped = body.replace(/^(>*From )/gm, '>$1');
  return `${headers.join('\n')}\n\n${escaped}\n`;
}

/** A month of list traffic with exactly `messages` messages. */
export function synthArchive(options: SynthOptions): SynthArchive {
  const r = random(options.seed ?? 2002);
  const maxThread = options.maxThread ?? 30;
  const pool = authors(r, Math.max(20, Math.min(600, Math.round(options.messages / 12))));
  const parts: string[] = [];
  const ids: string[] = [];
  const threadSizes: number[] = [];
  let n = 0;
  while (n < options.messages) {
    // Most threads are short; a few run long (geometric, mean about four).
    const size = Math.min(maxThread, options.messages - n, 1 + Math.floor(-Math.log(1 - r.next()) * 3));
    threadSizes.push(size);
    const topic = Array.from({ length: r.int(3, 7) }, () => VOCABULARY[r.int(30, VOCABULARY.length - 1)]).join(' ');
    const subject = r.chance(0.05) ? `${topic} — naïve question` : topic;
    const written: Written[] = [];
    let time = MONTH_START + Math.floor(r.next() * MONTH_MS * 0.95);
    for (let k = 0; k < size; k += 1) {
      const parent = k === 0 ? undefined : written[r.int(Math.max(0, k - 4), k - 1)];
      time = parent ? Math.max(time, parent.time) + r.int(3, 600) * 60_000 : time;
      n += 1;
      const m: Written = {
        id: `${new Date(time).toISOString().replace(/\D/g, '').slice(0, 14)}.${n}.synth@list.example`,
        author: r.pick(pool),
        subject: parent ? `Re: ${subject}` : subject,
        time,
        own: Array.from({ length: r.int(1, 5) }, () => paragraph(r)),
        quoted: [],
        references: parent ? [...parent.references, parent.id].slice(-8) : [],
      };
      parts.push(render(r, m, parent, r.pick(OFFSETS)));
      ids.push(m.id);
      written.push(m);
    }
  }
  return { mbox: parts.join('\n'), ids, threadSizes };
}
