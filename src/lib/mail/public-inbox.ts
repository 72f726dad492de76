/**
 * Public-inbox archives (lore.kernel.org and any other public-inbox-httpd): which thread
 * a message URL names and where its mbox is served.
 * Pure: no network and no file system (node/fetch-thread.ts downloads and checks the mbox).
 */
import { normalizeId } from './ids.ts';

/** A thread to fetch: the inbox it lives in, one of its messages, and its `t.mbox.gz`. */
export interface ThreadSource {
  /** The inbox's address without a trailing slash, e.g. `https://lore.kernel.org/lkml`. */
  inboxUrl: string;
  /** The bare Message-ID, without angle brackets and percent-decoded. */
  messageId: string;
  /** `<inboxUrl>/<escaped Message-ID>/t.mbox.gz`: the whole thread as one mbox. */
  mboxUrl: string;
}

/** lore.kernel.org's inbox of every list it carries, used by `--lore`. */
export const LORE_ALL = 'https://lore.kernel.org/all';

/** The message URL form readers are told about when they give something else. */
export const EXPECTED_URL_FORM =
  'expected <inbox URL>/<Message-ID>/, e.g. https://lore.kernel.org/lkml/<Message-ID>/ (or its /T/, /t/, /raw)';

/**
 * What may follow the Message-ID in a message URL: the thread views, the raw message,
 * the thread's mbox and Atom feed, the reply and diff pages, and attachments (`2-fix.patch`).
 */
const MESSAGE_SUFFIX = /^(?:T|t|raw|t\.mbox\.gz|t\.atom|R|f|d|\d+(?:\.\d+)*-[^/]+)$/;

/** Hosts whose `/r/<Message-ID>` is a short link into lore's `all` inbox. */
const LORE_SHORT_LINK_HOSTS = new Set(['lore.kernel.org', 'lkml.kernel.org']);

/** Characters public-inbox leaves as they are in the path of a message URL. */
const KEEP_IN_PATH = /[A-Za-z0-9\-._~!$&'()*+,;=:@]/;

/**
 * A Message-ID as public-inbox writes it in a URL path: characters outside the unreserved
 * and sub-delimiter sets, `:` and `@` become `%XX` of their UTF-8 bytes, so `/` is `%2F`.
 */
export function escapeMessageId(messageId: string): string {
  let out = '';
  for (const ch of messageId) {
    if (KEEP_IN_PATH.test(ch)) out += ch;
    else for (const byte of new TextEncoder().encode(ch)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** The thread of `messageId` in the inbox at `inboxUrl` (trailing slashes are dropped). */
export function threadSource(inboxUrl: string, messageId: string): ThreadSource {
  const inbox = inboxUrl.replace(/\/+$/, '');
  return { inboxUrl: inbox, messageId, mboxUrl: `${inbox}/${escapeMessageId(messageId)}/t.mbox.gz` };
}

/** True for an argument that is meant as a URL (it has a scheme and `//`) rather than a path. */
export function isUrlArgument(arg: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(arg);
}

function notAMessageUrl(input: string, why: string): Error {
  return new Error(`${input} is not a public-inbox message URL (${why}); ${EXPECTED_URL_FORM}`);
}

/**
 * The thread named by a message URL as readers copy it from a public-inbox archive:
 * `<inbox>/<Message-ID>/` with or without `T/`, `t/`, `raw`, `t.mbox.gz` (and the other
 * message pages), an `#anchor` or a `?query`; the id may be percent-encoded (`/` is `%2F`).
 * The Message-ID is the first path segment holding an `@` (RFC 5322 ids always have one),
 * and the inbox is everything before it, so archives served under a prefix work too.
 * lore's `/r/<Message-ID>` short links go to its `all` inbox. Throws a one-line error
 * saying which form is expected for anything else.
 */
export function parseMessageUrl(input: string): ThreadSource {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw notAMessageUrl(input, 'it cannot be parsed as a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw notAMessageUrl(input, `${url.protocol} is not http or https`);
  const segments = url.pathname.split('/').slice(1);
  if (segments.at(-1) === '') segments.pop();
  const at = segments.findIndex((s) => s.includes('@') || /%40/i.test(s));
  if (at === -1) throw notAMessageUrl(input, 'its path holds no Message-ID');
  if (at === 0) throw notAMessageUrl(input, 'no inbox name comes before the Message-ID');
  const rest = segments.slice(at + 1);
  if (rest.length > 1 || (rest[0] !== undefined && !MESSAGE_SUFFIX.test(rest[0]))) {
    throw notAMessageUrl(input, `it does not end at the message but at /${rest.join('/')}`);
  }
  let messageId: string;
  try {
    messageId = decodeURIComponent(segments[at] as string);
  } catch {
    throw notAMessageUrl(input, 'its Message-ID is not valid percent-encoding');
  }
  if (!/^[^\s<>]+$/.test(messageId)) throw notAMessageUrl(input, 'its Message-ID holds spaces or angle brackets');
  const prefix = segments.slice(0, at);
  const inboxUrl =
    LORE_SHORT_LINK_HOSTS.has(url.hostname) && prefix.length === 1 && prefix[0] === 'r' ? LORE_ALL : `${url.origin}/${prefix.join('/')}`;
  return threadSource(inboxUrl, messageId);
}

/** `--lore <Message-ID>`: the thread in lore.kernel.org's `all` inbox; `<id>` or a bare id. */
export function loreThread(messageId: string): ThreadSource {
  const id = normalizeId(messageId);
  if (id === null || !id.includes('@') || /[<>]/.test(id)) {
    throw new Error(`--lore ${messageId}: not a Message-ID (expected something like <local-part@domain>, brackets optional)`);
  }
  return threadSource(LORE_ALL, id);
}
