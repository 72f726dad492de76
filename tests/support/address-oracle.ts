/**
 * Address oracles for the tests, written apart from the code they judge
 * (src/lib/mail/redact.ts and raw-redact.ts): a redaction test that found addresses with the
 * redactor's own scanner could only ever agree with it. Nothing here imports from src/.
 *
 * - `addressesIn(text)`: every address-like token in decoded text. Letters and digits of any
 *   script, hyphenated and IDN labels (Unicode or `xn--`), `+` tags and the other atext
 *   characters of RFC 5322 in the local part.
 * - `remnantsIn(text)`: the placeholder touching address characters, the mark of a redaction
 *   that stopped short (`[address hidden]-site.org`, `jü[address hidden]`).
 * - `addressesInRaw(bytes)`: the stricter one, for raw mail. It reads the bytes every way a
 *   mail reader might: as written (Latin-1 and UTF-8), as quoted-printable (soft breaks
 *   with LF or CRLF, `=XX` escapes, over the whole message whatever the headers declare), with
 *   header fields unfolded and RFC 2047 encoded words decoded (B and Q, adjacent words
 *   joined), and every run of base64 lines decoded; each decoded form as UTF-8 and as
 *   Latin-1. It reports what `addressesIn` and `remnantsIn` see in any of these readings.
 *
 * Callers decide which tokens are Message-IDs (they look exactly like addresses).
 */

/** What a redactor writes in place of an address; spelled out here, not imported. */
export const PLACEHOLDER = '[address hidden]';

/** RFC 5322 atext, widened to letters, marks and digits of every script (RFC 6532). */
const ATEXT = String.raw`[\p{L}\p{M}\p{N}!#$%&'*+/=?^_\x60{|}~-]`;
/** A local part ending where the `@` is: dot-separated atoms. */
const LOCAL_BEFORE_AT = new RegExp(`${ATEXT}+(?:\\.${ATEXT}+)*$`, 'u');
/** A domain label: letters, marks and digits of any script, hyphens inside only. */
const LABEL = String.raw`[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]*[\p{L}\p{M}\p{N}])?`;
/** A top-level label: letters of any script, or an IDN in its ASCII form. */
const TLD = String.raw`(?:\p{L}[\p{L}\p{M}]+|xn--[a-z0-9-]*[a-z0-9])`;
/** A domain right after the `@`: at least two labels, the last one a top-level domain. */
const DOMAIN_AFTER_AT = new RegExp(`^(?:${LABEL}\\.)+${TLD}(?![\\p{L}\\p{M}\\p{N}-])`, 'iu');

/** How far either side of an `@` an address may reach (local parts are at most 64 octets, domains 255). */
const REACH = 320;

/**
 * Every address-like token in `text`, in order. Linear: each `@` is looked at within a
 * bounded window, so hostile input (a megabyte without spaces) costs no more than plain text.
 */
export function addressesIn(text: string): string[] {
  const found: string[] = [];
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    const local = LOCAL_BEFORE_AT.exec(text.slice(Math.max(0, at - REACH), at))?.[0];
    const domain = DOMAIN_AFTER_AT.exec(text.slice(at + 1, at + 1 + REACH))?.[0];
    if (local && domain) found.push(`${local.replace(/^\.+/, '')}@${domain}`);
  }
  return found;
}

/** A placeholder with an address character right before it, or a label, `@` or `.label` right after it. */
const REMNANT = /[\p{L}\p{M}\p{N}._%+=-]\[address hidden\]|\[address hidden\](?:[.-]?[\p{L}\p{M}\p{N}]|@)/gu;

/** The placeholder touching what looks like the rest of an address, with a little context. */
export function remnantsIn(text: string): string[] {
  return [...text.matchAll(REMNANT)].map((m) => text.slice(Math.max(0, m.index - 12), m.index + m[0].length + 12));
}

/** Bytes (a Buffer, Uint8Array or Latin-1 string) as a Latin-1 string, one character per byte. */
function latin1(bytes: Uint8Array | string): string {
  return typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('latin1');
}

/** A Latin-1 byte string read as UTF-8 (invalid sequences become U+FFFD) and as Latin-1. */
function readings(bytes: string): string[] {
  const utf8 = Buffer.from(bytes, 'latin1').toString('utf8');
  return utf8 === bytes ? [bytes] : [bytes, utf8];
}

/** Quoted-printable decoding of the whole text: soft breaks (LF or CRLF, trailing blanks allowed) go, `=XX` become bytes. */
export function decodeQuotedPrintable(text: string): string {
  return text.replace(/=[ \t]*\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** Base64 to a Latin-1 byte string; characters outside the alphabet are skipped. */
function fromBase64(data: string): string {
  return Buffer.from(data.replace(/[^A-Za-z0-9+/]/g, ''), 'base64').toString('latin1');
}

const ENCODED_WORD = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g;

/** The bytes an encoded word stands for. */
function wordBytes(kind: string, data: string): string {
  if (kind === 'B' || kind === 'b') return fromBase64(data);
  return data.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/**
 * The header block of raw mail unfolded, with every run of encoded words decoded (words
 * separated only by whitespace are joined first, RFC 2047 §6.2), in each reading of their bytes.
 */
function decodedHeaders(raw: string): string[] {
  const end = raw.search(/\r?\n\r?\n/);
  const head = (end === -1 ? raw : raw.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const joined = head.replace(/(\?=)\s+(?==\?)/g, '$1');
  const asLatin1 = joined.replace(ENCODED_WORD, (_, _cs: string, kind: string, data: string) => wordBytes(kind, data));
  return readings(asLatin1);
}

/** Every run of base64-looking lines (4 characters or more each), decoded, in each reading. */
function decodedBase64Runs(raw: string): string[] {
  const out: string[] = [];
  let run: string[] = [];
  const flush = (): void => {
    const data = run.join('');
    if (data.length >= 8) out.push(...readings(fromBase64(data)));
    run = [];
  };
  for (const line of raw.split(/\r?\n/)) {
    if (/^[A-Za-z0-9+/]{4,}={0,2}$/.test(line)) run.push(line);
    else flush();
  }
  flush();
  return out;
}

/** Each way of reading raw mail that the oracle looks in, by name. */
export function rawReadings(bytes: Uint8Array | string): { name: string; text: string }[] {
  const raw = latin1(bytes);
  const qp = decodeQuotedPrintable(raw);
  return [
    ...readings(raw).map((text) => ({ name: 'as written', text })),
    ...readings(qp).map((text) => ({ name: 'quoted-printable decoded', text })),
    ...decodedHeaders(raw).map((text) => ({ name: 'headers, encoded words decoded', text })),
    ...decodedHeaders(qp).map((text) => ({ name: 'headers of the decoded text', text })),
    ...decodedBase64Runs(raw).map((text) => ({ name: 'base64 decoded', text })),
  ];
}

/** One finding in raw mail: the address or remnant and the reading it showed in. */
export interface RawFinding {
  kind: 'address' | 'remnant';
  text: string;
  reading: string;
}

/** Every address and remnant in any reading of raw mail (duplicates across readings dropped). */
export function addressesInRaw(bytes: Uint8Array | string): RawFinding[] {
  const seen = new Set<string>();
  const out: RawFinding[] = [];
  for (const { name, text } of rawReadings(bytes)) {
    const found = [
      ...addressesIn(text).map((t) => ({ kind: 'address' as const, text: t })),
      ...remnantsIn(text).map((t) => ({ kind: 'remnant' as const, text: t })),
    ];
    for (const f of found) {
      const key = `${f.kind}\n${f.text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ ...f, reading: name });
    }
  }
  return out;
}
