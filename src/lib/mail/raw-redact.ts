/**
 * Hiding addresses in raw mail for the raw download. Raw bytes hide addresses where a
 * plain-text scan cannot see them: in RFC 2047 encoded words (`=?utf-8?b?…?=`), in
 * quoted-printable (`jane=40example.org`, soft line breaks inside an address) and in
 * base64 bodies. Each form is decoded, scanned and, only where an address is found,
 * written back with the address replaced. Works on a Latin-1 string (one character per
 * byte) so every other byte survives unchanged; decoded bytes are read as UTF-8 where they
 * are valid UTF-8, so an address with non-ASCII letters (`jürgen@bücher.example`) is seen
 * whole. Pure.
 */
import { ADDRESS_PLACEHOLDER, findAddresses, redactAddresses } from './redact.ts';

type Keep = (token: string) => boolean;

/** Whether `bytes` (a Latin-1 string) holds an address that is not kept. */
function hasAddress(bytes: string, keep: Keep): boolean {
  return findAddresses(bytes).some((m) => !keep(m.token));
}

/** The bytes of a Latin-1 string read as UTF-8, or null when they are not valid UTF-8. */
function utf8(bytes: string): string | null {
  if (!/[\x80-\xff]/.test(bytes)) return bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

/** `text` as UTF-8 bytes in a Latin-1 string. */
function utf8Bytes(text: string): string {
  let out = '';
  for (const b of new TextEncoder().encode(text)) out += String.fromCharCode(b);
  return out;
}

/**
 * Decoded bytes as text to scan (UTF-8 when they are valid UTF-8, else Latin-1), and the
 * way back to bytes for the redacted text.
 */
function readBytes(bytes: string): { text: string; utf8: boolean; bytes: (text: string) => string } {
  const text = utf8(bytes);
  return text === null ? { text: bytes, utf8: false, bytes: (t) => t } : { text, utf8: true, bytes: utf8Bytes };
}

/** Base64 of a Latin-1 string; atob/btoa work on exactly such strings. */
function decodeBase64(data: string): string | null {
  const clean = data.replace(/[^A-Za-z0-9+/]/g, '');
  try {
    return atob(clean.slice(0, clean.length - (clean.length % 4 === 1 ? 1 : 0)));
  } catch {
    return null;
  }
}

function decodeQ(data: string): string {
  return data.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Runs of encoded words (whitespace between them is not content, RFC 2047 §6.2). */
const ENCODED_RUN = /=\?[^?\s]+\?[BbQq]\?[^?\s]*\?=(?:\s+=\?[^?\s]+\?[BbQq]\?[^?\s]*\?=)*/g;
const ENCODED_WORD = /=\?([^?\s*]+)(?:\*[^?\s]*)?\?([BbQq])\?([^?\s]*)\?=/g;

/** Encoded words whose decoded text holds an address become one `B` word with it hidden. */
function redactEncodedWords(text: string, keep: Keep): string {
  return text.replace(ENCODED_RUN, (run) => {
    let charset = '';
    let bytes = '';
    for (const [, cs, kind, data] of run.matchAll(ENCODED_WORD)) {
      charset ||= cs ?? 'utf-8';
      bytes += kind === 'B' || kind === 'b' ? (decodeBase64(data ?? '') ?? '') : decodeQ(data ?? '');
    }
    const read = readBytes(bytes);
    if (!hasAddress(read.text, keep)) return run;
    return `=?${read.utf8 ? 'utf-8' : charset}?B?${btoa(read.bytes(redactAddresses(read.text, keep)))}?=`;
  });
}

/** A line that can be part of a base64 body: base64 characters only, padding at the end. */
const BASE64_LINE = /^[A-Za-z0-9+/]{4,}={0,2}\r?$/;

/** Runs of base64 lines whose decoded bytes hold an address are re-encoded with it hidden. */
function redactBase64Blocks(text: string, keep: Keep): string {
  const lines = text.split('\n');
  for (let a = 0; a < lines.length; a++) {
    if (!BASE64_LINE.test(lines[a] ?? '')) continue;
    let b = a;
    while (b + 1 < lines.length && BASE64_LINE.test(lines[b + 1] ?? '')) b++;
    const run = lines.slice(a, b + 1);
    const bytes = decodeBase64(run.join(''));
    const read = bytes === null ? null : readBytes(bytes);
    if (read !== null && hasAddress(read.text, keep)) {
      const cr = run[0]?.endsWith('\r') ? '\r' : '';
      const width = Math.max(4, (run[0] ?? '').length - cr.length);
      const encoded = btoa(read.bytes(redactAddresses(read.text, keep)));
      const wrapped: string[] = [];
      for (let i = 0; i < encoded.length; i += width) wrapped.push(encoded.slice(i, i + width) + cr);
      lines.splice(a, run.length, ...wrapped);
      b = a + wrapped.length - 1;
    }
    a = b;
  }
  return lines.join('\n');
}

/** The code point of the UTF-8 sequence at `k` of `b` and its length, or null when none starts there. */
function utf8At(b: readonly number[], k: number): [number, number] | null {
  const lead = b[k] ?? 0;
  const n = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  if (n === 0) return null;
  let cp = lead & (n === 2 ? 0x1f : n === 3 ? 0x0f : 0x07);
  for (let j = 1; j < n; j++) {
    const c = b[k + j];
    if (c === undefined || (c & 0xc0) !== 0x80) return null;
    cp = (cp << 6) | (c & 0x3f);
  }
  const min = n === 2 ? 0x80 : n === 3 ? 0x800 : 0x10000;
  return cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? null : [cp, n];
}

/** An address, or its `@` written in quoted-printable. */
const MAY_HOLD_ADDRESS = /@|=40/i;

/**
 * Plain and quoted-printable addresses in one pass: the text is read with `=XX` decoded,
 * soft line breaks (`=` at a line end, LF or CRLF) removed and UTF-8 sequences read as one
 * character, and each address found is cut out of the raw text over exactly the bytes it
 * was written with.
 */
function redactQuotedPrintable(text: string, keep: Keep): string {
  if (!MAY_HOLD_ADDRESS.test(text)) return text;
  const bytes: number[] = [];
  const byteFrom: number[] = [];
  const byteTo: number[] = [];
  for (let i = 0; i < text.length; ) {
    const ch = text[i] ?? '';
    if (ch === '=') {
      const soft = text[i + 1] === '\n' ? 2 : text[i + 1] === '\r' && text[i + 2] === '\n' ? 3 : 0;
      if (soft > 0) {
        i += soft;
        continue;
      }
    }
    const hex = ch === '=' ? /^[0-9A-Fa-f]{2}/.exec(text.slice(i + 1, i + 3)) : null;
    const width = hex ? 3 : 1;
    bytes.push(hex ? parseInt(hex[0], 16) : ch.charCodeAt(0));
    byteFrom.push(i);
    byteTo.push(i + width);
    i += width;
  }
  let view = '';
  const from: number[] = [];
  const to: number[] = [];
  for (let k = 0; k < bytes.length; ) {
    const seq = utf8At(bytes, k);
    const n = seq ? seq[1] : 1;
    const ch = seq ? String.fromCodePoint(seq[0]) : String.fromCharCode(bytes[k] ?? 0);
    for (let u = 0; u < ch.length; u++) {
      from.push(byteFrom[k] ?? text.length);
      to.push(byteTo[k + n - 1] ?? text.length);
    }
    view += ch;
    k += n;
  }
  let out = '';
  let copied = 0;
  for (const m of findAddresses(view)) {
    if (keep(m.token)) continue;
    const start = from[m.start] ?? text.length;
    out += text.slice(copied, start) + ADDRESS_PLACEHOLDER;
    copied = to[m.end - 1] ?? text.length;
  }
  return out + text.slice(copied);
}

/**
 * Raw mail (as a Latin-1 string) with every e-mail address hidden, whether written plainly,
 * in encoded words, in quoted-printable or in base64. Tokens for which `keep` is true
 * (the archive's Message-IDs) stay.
 */
export function redactRawMail(text: string, keep: Keep = () => false): string {
  return redactQuotedPrintable(redactBase64Blocks(redactEncodedWords(text, keep), keep), keep);
}
