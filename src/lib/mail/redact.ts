/**
 * Finding and hiding e-mail addresses in untrusted text. Pure and linear-time: the scan
 * expands around each `@` instead of running a backtracking regex over the whole text.
 */

/** What an address is replaced with. */
export const ADDRESS_PLACEHOLDER = '[address hidden]';

/** One address-like token found in a text. */
export interface AddressMatch {
  /** The bare `local@domain` token (what `keep` is asked about). */
  token: string;
  /** Start and end (exclusive) of the text to replace: includes `<…>` and `mailto:` wrappers. */
  start: number;
  end: number;
}

// Letters and digits of any script count (RFC 6531/6532 local parts, IDN domains written in
// Unicode): an address stopped at its first non-ASCII letter would leave the rest readable.
const LOCAL = /[\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~.-]/u;
const DOMAIN = /[\p{L}\p{M}\p{N}.-]/u;
const ALNUM = /[\p{L}\p{N}]/u;
const QUERY_END = /[\s"'<>()[\]]/;

// The scan goes by code point, not by UTF-16 unit: a letter outside the Basic Multilingual
// Plane (𝐣, 𠀀) is two units, neither of which is a letter on its own.

/** The code point ending just before `i` (one or two units), or '' at the start. */
function charBefore(text: string, i: number): string {
  const low = text.charCodeAt(i - 1);
  const high = text.charCodeAt(i - 2);
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? text.slice(i - 2, i) : text.slice(i - 1, i);
}

/** The code point starting at `i` (one or two units), or '' at the end. */
function charAt(text: string, i: number): string {
  const cp = text.codePointAt(i);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

/** The address around the `@` at `at`, or null when either side is not address-like. */
function addressAt(text: string, at: number): AddressMatch | null {
  let start = at;
  for (let ch = charBefore(text, start); LOCAL.test(ch); ch = charBefore(text, start)) start -= ch.length;
  while (start < at && text[start] === '.') start++; // "…end of sentence.jane@x" is rare; trim dots
  let end = at + 1;
  for (let ch = charAt(text, end); DOMAIN.test(ch); ch = charAt(text, end)) end += ch.length;
  while (end > at + 1 && /[.-]/.test(text[end - 1] ?? '')) end--; // trailing punctuation
  if (start === at || end === at + 1 || !ALNUM.test(charAt(text, at + 1))) return null;
  const token = text.slice(start, end);
  let outer = start;
  let outerEnd = end;
  if (text[start - 1] === '<' && text[end] === '>') {
    outer--;
    outerEnd++;
  }
  if (text.slice(Math.max(0, outer - 7), outer).toLowerCase() === 'mailto:') {
    outer -= 7;
    if (text[outerEnd] === '?') while (outerEnd < text.length && !QUERY_END.test(text[outerEnd] ?? '')) outerEnd++;
  }
  return { token, start: outer, end: outerEnd };
}

/** Every address-like token in `text`, in order (including Message-IDs, which look alike). */
export function findAddresses(text: string): AddressMatch[] {
  const found: AddressMatch[] = [];
  let from = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    const match = addressAt(text, at);
    if (match && match.start >= from) {
      found.push(match);
      from = match.end;
    }
  }
  return found;
}

/**
 * Replaces every e-mail address in `text` with {@link ADDRESS_PLACEHOLDER}: bare
 * addresses, `<addr>` (brackets included), `Name <addr>` (the name stays) and
 * `mailto:addr?query`. A token for which `keep(token)` is true stays as written; pass a
 * test for known Message-IDs, which look exactly like addresses.
 */
export function redactAddresses(text: string, keep: (token: string) => boolean = () => false): string {
  let out = '';
  let copied = 0;
  for (const match of findAddresses(text)) {
    if (keep(match.token)) continue;
    out += text.slice(copied, match.start) + ADDRESS_PLACEHOLDER;
    copied = match.end;
  }
  return out + text.slice(copied);
}
