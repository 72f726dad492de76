/**
 * Hiding addresses in raw mail for the raw download. Raw bytes hide addresses where a
 * plain-text scan cannot see them: in RFC 2047 encoded words (`=?utf-8?b?…?=`), in
 * quoted-printable (`jane=40example.org`, soft line breaks inside an address) and in
 * base64 bodies. Each form is decoded, scanned and, only where an address is found,
 * written back with the address replaced. Works on a Latin-1 string (one character per
 * byte) so every other byte survives unchanged. Pure.
 */
import { ADDRESS_PLACEHOLDER, findAddresses, redactAddresses } from './redact.ts';

type Keep = (token: string) => boolean;

/** Whether `bytes` (a Latin-1 string) holds an address that is not kept. */
function hasAddress(bytes: string, keep: Keep): boolean {
  return findAddresses(bytes).some((m) => !keep(m.token));
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
    if (!hasAddress(bytes, keep)) return run;
    return `=?${charset}?B?${btoa(redactAddresses(bytes, keep))}?=`;
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
    if (bytes !== null && hasAddress(bytes, keep)) {
      const cr = run[0]?.endsWith('\r') ? '\r' : '';
      const width = Math.max(4, (run[0] ?? '').length - cr.length);
      const encoded = btoa(redactAddresses(bytes, keep));
      const wrapped: string[] = [];
      for (let i = 0; i < encoded.length; i += width) wrapped.push(encoded.slice(i, i + width) + cr);
      lines.splice(a, run.length, ...wrapped);
      b = a + wrapped.length - 1;
    }
    a = b;
  }
  return lines.join('\n');
}

/**
 * Plain and quoted-printable addresses in one pass: the text is read with `=XX` decoded
 * and soft line breaks (`=` at a line end) removed, and each address found is cut out of
 * the raw text over exactly the bytes it was written with.
 */
function redactQuotedPrintable(text: string, keep: Keep): string {
  if (!text.includes('=')) return redactAddresses(text, keep);
  let view = '';
  const from: number[] = [];
  const to: number[] = [];
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
    view += hex ? String.fromCharCode(parseInt(hex[0], 16)) : ch;
    from.push(i);
    to.push(i + width);
    i += width;
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
