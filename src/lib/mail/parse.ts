/**
 * One raw RFC 5322 message (from an mbox or an .eml file) → ParsedMessage.
 * All MIME work (encoded words, charsets, quoted-printable, base64, multipart) is
 * postal-mime's; this module checks the input, reads ids and the dated offset, and
 * turns HTML-only mail into text. Pure: no file system, no DOM.
 */
import PostalMime, { decodeWords } from 'postal-mime';
import type { Email } from 'postal-mime';
import { parseMailDate } from './dates.ts';
import { dated, ownDate, receivedDate } from './dating.ts';
import { isThreadableId } from './headers.ts';
import { isDerivedId, nomsgidId, normalizeId } from './ids.ts';
import { ADDRESS_PLACEHOLDER, redactAddresses } from './redact.ts';
import type { ParsedMessage, ReadMessage } from './types.ts';

/** Raised for input that cannot become a message; `message` is the reason shown to people. */
export class ParseError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'ParseError';
  }
}

/** Largest header block accepted, in bytes. */
export const MAX_HEADER_BYTES = 64 * 1024;
/** Largest message accepted, in bytes (generous: patches and logs can be big). */
export const MAX_MESSAGE_BYTES = 32 * 1024 * 1024;
/**
 * Most References ids kept: the first (the thread's root) and the newest, as news servers
 * trim the header (RFC 5537 §3.4.4). A longer header adds nothing to threading but a chain
 * of missing messages as deep as the sender likes.
 */
export const MAX_REFERENCES = 20;
/** Author label for mail whose sender has no display name (addresses are never shown). */
export const UNKNOWN_SENDER = 'unknown sender';

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  copy: '©',
  reg: '®',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  deg: '°',
  middot: '·',
  times: '×',
  shy: '',
};

/** Decodes `&amp;`, `&#62;`, `&#x3e;` and a few common named entities; others stay. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
      return valid ? String.fromCodePoint(code) : '\ufffd';
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

const DROPPED = new Set(['script', 'style', 'head', 'title', 'noscript', 'template', 'iframe', 'object', 'svg', 'textarea']);
/**
 * Dropped elements whose content browsers read as raw text up to the closing tag: left
 * unclosed, the rest of the document is theirs. Others (an unclosed `<head>` or `<svg/>`)
 * end where ordinary HTML resumes, so unclosed only their tag is dropped.
 */
const RAW_TEXT = new Set(['script', 'style', 'title', 'noscript', 'iframe', 'textarea']);
const PARAGRAPH = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'ul', 'ol', 'dl', 'table', 'hr']);
const LINE = new Set(['div', 'li', 'tr', 'dt', 'dd', 'section', 'article', 'header', 'footer', 'address', 'center', 'form']);
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)/y;

/** Index of the `>` that ends the tag opening at `lt`, skipping quoted attribute values. */
function tagEnd(html: string, lt: number): number {
  for (let i = lt + 1; i < html.length; i++) {
    const ch = html[i];
    if (ch === '>') return i;
    if (ch === '"' || ch === "'") {
      const close = html.indexOf(ch, i + 1);
      if (close === -1) return html.indexOf('>', lt);
      i = close;
    }
  }
  return -1;
}

/** Accumulates text with collapsed whitespace and at most one blank line between blocks. */
class TextSink {
  out = '';
  text(raw: string, pre: boolean): void {
    if (pre) {
      this.out += decodeEntities(raw.replace(/\r\n?/g, '\n'));
      return;
    }
    let collapsed = raw.replace(/\s+/g, ' ');
    if (this.out === '' || this.out.endsWith('\n')) collapsed = collapsed.replace(/^ /, '');
    this.out += decodeEntities(collapsed);
  }
  trimEnd(): void {
    while (this.out.endsWith(' ')) this.out = this.out.slice(0, -1);
  }
  lineBreak(): void {
    this.trimEnd();
    this.out += '\n';
  }
  block(newlines: 1 | 2): void {
    this.trimEnd();
    if (this.out === '') return;
    let have = 0;
    while (have < newlines && this.out.endsWith('\n'.repeat(have + 1))) have++;
    this.out += '\n'.repeat(newlines - have);
  }
}

/**
 * Plain text of an HTML fragment or document. Drops comments, `<script>`, `<style>`,
 * `<head>` and similar elements with their contents; block elements become line breaks;
 * `<pre>` keeps its whitespace; entities are decoded. The result never holds markup.
 */
export function htmlToText(html: string): string {
  const lower = html.toLowerCase();
  const sink = new TextSink();
  let pre = 0;
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    sink.text(html.slice(i, lt === -1 ? html.length : lt), pre > 0);
    if (lt === -1) break;
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      i = close === -1 ? html.length : close + 3;
      continue;
    }
    TAG.lastIndex = lt;
    const m = TAG.exec(html);
    const bang = html[lt + 1] === '!' || html[lt + 1] === '?';
    if (!m && !bang) {
      sink.text('<', pre > 0);
      i = lt + 1;
      continue;
    }
    const end = tagEnd(html, lt);
    if (end === -1) break; // an unterminated tag: drop the rest rather than show markup
    i = end + 1;
    if (!m) continue;
    const closing = m[1] === '/';
    const name = (m[2] ?? '').toLowerCase();
    if (DROPPED.has(name)) {
      if (closing || html[end - 1] === '/') continue;
      const close = lower.indexOf(`</${name}`, i);
      const closeEnd = close === -1 ? -1 : html.indexOf('>', close);
      if (closeEnd !== -1) i = closeEnd + 1;
      else if (RAW_TEXT.has(name)) i = html.length;
      continue;
    }
    if (name === 'br') sink.lineBreak();
    else if (name === 'pre') {
      pre = Math.max(0, pre + (closing ? -1 : 1));
      sink.block(2);
      if (!closing) i += /^\r?\n/.exec(html.slice(i, i + 2))?.[0].length ?? 0; // as browsers do
    } else if (PARAGRAPH.has(name)) sink.block(2);
    else if (LINE.has(name)) sink.block(1);
    else if (name === 'td' || name === 'th') sink.text(' ', false);
    if (name === 'li' && !closing) sink.out += '* ';
  }
  const text = sink.out.trimEnd();
  return text === '' ? '' : `${text}\n`;
}

/** `text` without leading and trailing spaces, quotes, brackets and parentheses. */
function trimPunctuation(text: string): string {
  const junk = ' "\'<>()';
  let start = 0;
  let end = text.length;
  while (start < end && junk.includes(text[start] ?? '')) start++;
  while (end > start && junk.includes(text[end - 1] ?? '')) end--;
  return text.slice(start, end);
}

/** Display name for an author: addresses inside it are removed; no name → "unknown sender". */
export function displayName(name: string | null | undefined): string {
  const spaced = (name ?? '').replace(/\s+/g, ' ');
  const cleaned = trimPunctuation(redactAddresses(spaced).split(ADDRESS_PLACEHOLDER).join(''));
  return cleaned === '' ? UNKNOWN_SENDER : cleaned;
}

/** Byte offset where the header block ends (the empty line), or the message length. */
function headerEnd(raw: Uint8Array): number {
  for (let i = raw.indexOf(0x0a); i !== -1; i = raw.indexOf(0x0a, i + 1)) {
    if (raw[i + 1] === 0x0a) return i + 1;
    if (raw[i + 1] === 0x0d && raw[i + 2] === 0x0a) return i + 1;
  }
  return raw.length;
}

/**
 * Checks raw input before postal-mime sees it: rejects what cannot be a message (empty,
 * over the size limits, no header field on the first line). NUL bytes in the header block
 * are repaired: the bytes returned for parsing have a space in their place (the stored raw
 * bytes keep them), and `nul` counts them.
 */
function checkRaw(raw: Uint8Array): { bytes: Uint8Array; nul: number } {
  if (raw.length === 0 || raw.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d)) {
    throw new ParseError('empty message');
  }
  if (raw.length > MAX_MESSAGE_BYTES) {
    throw new ParseError(`message is ${raw.length} bytes, over the ${MAX_MESSAGE_BYTES}-byte limit`);
  }
  const end = headerEnd(raw);
  if (end > MAX_HEADER_BYTES) throw new ParseError(`header block is over ${MAX_HEADER_BYTES} bytes`);
  const header = raw.subarray(0, end);
  const firstLine = new TextDecoder('latin1').decode(header.subarray(0, Math.min(end, 1000)));
  if (!/^[\x21-\x39\x3b-\x7e]+[ \t]*:/.test(firstLine)) throw new ParseError('no header fields at the start of the message');
  let nul = 0;
  for (const b of header) if (b === 0) nul++;
  if (nul === 0) return { bytes: raw, nul };
  const bytes = Uint8Array.from(raw); // a copy: Buffer#slice would be a view of the raw bytes
  bytes.subarray(0, end).forEach((b, i) => {
    if (b === 0) bytes[i] = 0x20;
  });
  return { bytes, nul };
}

/**
 * The body bytes as text, for mail in which postal-mime finds no text, no HTML and no
 * attachment although the body is not empty: a multipart without a boundary, which mail
 * readers show as plain text. UTF-8 when the bytes are valid UTF-8, else Windows-1252.
 */
function undecodedBody(raw: Uint8Array): string {
  let start = headerEnd(raw);
  if (raw[start] === 0x0d) start++;
  if (raw[start] === 0x0a) start++;
  const bytes = raw.subarray(start);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function header(email: Email, key: string): string | undefined {
  return email.headers.find((h) => h.key === key)?.value;
}

/** Values of every header named `key`, top first. */
function headers(email: Email, key: string): string[] {
  return email.headers.filter((h) => h.key === key).map((h) => h.value);
}

/**
 * All bracketed ids of a header, normalised, in order, without repeats. Tokens that are not
 * ids (`<yes>`, `<>`, `<@>`) are dropped, as the threader ignores them anyway.
 */
function bracketedIds(value: string | undefined): string[] {
  const ids: string[] = [];
  for (const m of (value ?? '').matchAll(/<[^<>]*>/g)) {
    const id = normalizeId(m[0]);
    if (id !== null && isThreadableId(id) && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** The parent id and, when the header held more than one bracketed id, the header as written. */
function inReplyTo(value: string | undefined): Pick<ParsedMessage, 'inReplyTo' | 'inReplyToRaw'> {
  const text = decodeWords((value ?? '').replace(/\s+/g, ' ').trim());
  if (text === '') return { inReplyTo: null };
  const ids = bracketedIds(text);
  if (ids.length === 1 && /^<[^<>]*>$/.test(text)) return { inReplyTo: ids[0] ?? null };
  const bare = ids.length === 0 && text.includes('@') && !/[\s<>]/.test(text) && isThreadableId(text) ? normalizeId(text) : null;
  const parent = ids[0] ?? bare;
  return { inReplyTo: parent, inReplyToRaw: redactAddresses(text, (t) => t === parent) };
}

/** The first id and the newest ones, at most {@link MAX_REFERENCES} in all. */
function trimReferences(ids: string[]): string[] {
  return ids.length <= MAX_REFERENCES ? ids : [...ids.slice(0, 1), ...ids.slice(1 - MAX_REFERENCES)];
}

/** List name from List-Id (`<linux-kernel.vger.kernel.org>`) or X-Mailing-List (`linux-kernel@…`). */
function listName(email: Email): string | null {
  const listId = header(email, 'list-id');
  const mailing = header(email, 'x-mailing-list');
  let name: string | undefined;
  if (listId) name = (/<([^<>]+)>/.exec(listId)?.[1] ?? listId).trim().split('.')[0];
  else if (mailing) name = (/<([^<>]+)>/.exec(mailing)?.[1] ?? mailing).trim().split('@')[0];
  const clean = (name ?? '').toLowerCase().replace(/[^a-z0-9._-]/g, '');
  return clean === '' ? null : clean;
}

/** Header fields only mail has; input with none of them is not a message. */
const MAIL_FIELDS = new Set([
  'from',
  'sender',
  'date',
  'subject',
  'message-id',
  'to',
  'cc',
  'in-reply-to',
  'references',
  'received',
  'return-path',
  'mime-version',
  'content-type',
]);

/** Where a message came from, for dating it (see dating.ts). */
export interface ParseContext {
  /** The mbox `From ` line before the message; its date stands in for a broken Date header. */
  fromLine?: string | null;
  /** The import's clock (epoch ms): a Date more than a day after it is treated as broken. Default: now. */
  now?: number;
}

/**
 * Parses one raw message. Throws {@link ParseError} only for input that is not a message:
 * empty input, a message over {@link MAX_MESSAGE_BYTES}, a header block over
 * {@link MAX_HEADER_BYTES}, input without a header field on its first line or without
 * any mail header field, or bytes postal-mime cannot read. Everything else is repaired and
 * listed in `repairs`: NUL bytes in the header block become spaces, a missing From makes
 * the author "unknown sender", a missing, unparseable or future Date is replaced by the
 * date of the mbox From line or of the latest Received header (`dateInferred` says which),
 * and when neither has one the message comes back undated for the importer to date (see
 * dating.ts). A message without a Message-ID gets a stable `nomsgid.` id made from what
 * its own bytes hold.
 */
export async function parseMessage(raw: Uint8Array, sourceFormat: 'mbox' | 'eml', context: ParseContext = {}): Promise<ReadMessage> {
  const { bytes, nul } = checkRaw(raw);
  let email: Email;
  try {
    email = await PostalMime.parse(bytes, { maxHeadersSize: MAX_HEADER_BYTES * 4 });
  } catch (error) {
    throw new ParseError(`not a readable message: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!email.headers.some((h) => MAIL_FIELDS.has(h.key))) throw new ParseError('no mail header field (From, Date, Subject, Message-ID…)');
  const repairs: string[] = [];
  if (nul > 0)
    repairs.push(
      nul === 1 ? 'a NUL byte in the header block replaced by a space' : `${nul} NUL bytes in the header block replaced by spaces`,
    );
  if (header(email, 'from') === undefined) repairs.push('no From header; the sender is unknown');
  const dateValue = header(email, 'date');
  const headerDate = dateValue === undefined ? null : parseMailDate(dateValue);
  const received = headers(email, 'received');
  const dating = ownDate(
    { field: 'Date header', value: dateValue, iso: headerDate, fromLine: context.fromLine, received },
    context.now ?? Date.now(),
  );
  const author = displayName(email.from?.name);
  const subject = redactAddresses((email.subject ?? '').replace(/\r?\n[ \t]*/g, ' '));
  const unread = email.text === undefined && email.html === undefined && email.attachments.length === 0;
  const body = email.text ?? (email.html === undefined ? (unread ? undecodedBody(bytes) : '') : htmlToText(email.html));
  if (unread && body.trim() !== '')
    repairs.push('MIME structure unreadable (a multipart without a boundary); the body is kept as plain text');
  const references = bracketedIds(email.references);
  if (references.length > MAX_REFERENCES)
    repairs.push(`References cut from ${references.length} to ${MAX_REFERENCES} ids (the first and the newest)`);
  const realId = normalizeId(email.messageId);
  // Only the message's own bytes name a derived id, so it never depends on the file around it.
  const idDate = headerDate ?? received.map(receivedDate).find((d) => d !== null) ?? '';
  const messageId = realId === null || isDerivedId(realId) ? nomsgidId(author, idDate, subject, body) : realId;
  return dated(
    {
      messageId,
      aliases: [],
      author,
      subject,
      ...inReplyTo(email.inReplyTo),
      references: trimReferences(references),
      list: listName(email),
      sourceFormat,
      body,
      raw,
      ...(repairs.length > 0 && { repairs }),
    },
    dating,
  );
}
