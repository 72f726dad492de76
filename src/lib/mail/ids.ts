/**
 * Message-ID handling: normalisation, URL slugs and stable derived ids.
 * Pure functions; the same input always gives the same output on every machine.
 */

/** 64-bit FNV-1a of the UTF-8 bytes of `text`, as 16 hex digits. Stable, not cryptographic. */
export function hash64(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= BigInt(byte);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

/**
 * The bare id inside a Message-ID-like header value: `<a@b>` → `a@b`.
 * Returns null when the value holds no plausible id.
 */
export function normalizeId(value: string | null | undefined): string | null {
  if (!value) return null;
  const bracketed = /<([^<>\s]+)>/.exec(value);
  const bare = bracketed?.[1] ?? value.trim();
  if (bare === '' || /\s/.test(bare)) return null;
  return bare;
}

const SAFE = /[A-Za-z0-9._@-]/;
const MAX_SLUG = 120;

/**
 * URL-safe, reversible-looking slug of a Message-ID, used for `/m/<slug>/` and file names.
 * Safe characters stay; anything else becomes `~` plus the hex of its UTF-8 bytes.
 * Very long ids keep a readable prefix and end in a hash, so they stay unique.
 */
export function slugOf(messageId: string): string {
  let out = '';
  for (const ch of messageId) {
    if (SAFE.test(ch)) out += ch;
    else for (const b of new TextEncoder().encode(ch)) out += `~${b.toString(16).padStart(2, '0')}`;
  }
  if (out.startsWith('.')) out = `~2e${out.slice(1)}`;
  if (out.length > MAX_SLUG) out = `${out.slice(0, MAX_SLUG - 17)}~${hash64(messageId)}`;
  return out;
}

/** Fragment id for a message inside a thread page (`#m-…`), like lore's `#m` anchors. */
export function anchorOf(messageId: string): string {
  return `m-${hash64(messageId).slice(0, 12)}`;
}

/** Derived ids never contain `@`, so they can never be mistaken for an address or a real id. */
export function isDerivedId(id: string): boolean {
  return id.startsWith('hypermail.') || id.startsWith('quoted.') || id.startsWith('nomsgid.');
}

/**
 * Stable id for a message read from a hypermail page, which carries no Message-ID. A page
 * whose date does not parse also gives the start of its body (as `nomsgidId` does), so two
 * undated pages by one author under one subject stay two messages.
 */
export function hypermailId(author: string, date: string, subject: string, body?: string): string {
  const parts = [author, date, subject].map((s) => s.trim().replace(/\s+/g, ' '));
  if (body !== undefined) parts.push(body.trim().replace(/\s+/g, ' ').slice(0, 200));
  return `hypermail.${hash64(parts.join('\n'))}`;
}

/**
 * Stable id for real mail that carries no usable Message-ID, from its author, date, subject
 * and the start of its body (whitespace-normalised, first 200 characters).
 */
export function nomsgidId(author: string, date: string, subject: string, body: string): string {
  const start = body.trim().replace(/\s+/g, ' ').slice(0, 200);
  const key = [author, date, subject]
    .map((s) => s.trim().replace(/\s+/g, ' '))
    .concat(start)
    .join('\n');
  return `nomsgid.${hash64(key)}`;
}

/** Stable id for a message that survives only as the depth-`depth` quote inside another. */
export function quotedId(quotingId: string, depth: number): string {
  return `quoted.${hash64(`${quotingId}\n${depth}`)}`;
}
