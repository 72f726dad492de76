/**
 * The archive as the site shows it: stored entries merged with the messages rebuilt from
 * their quotes, one record per Message-ID, with quote links, backlinks and threads.
 * Pure: takes records, returns plain data. Called once per build (src/site.ts). One message's
 * shape is in archive-message.ts; the messages rebuilt from quotes come from archive-rebuild.ts.
 */
import { type ArchiveMessage, fromRecord, RANK, sortTime } from './archive-message.ts';
import { rebuildQuoted } from './archive-rebuild.ts';
import { gatewayPrefixes } from './headers.ts';
import { slugOf } from './ids.ts';
import { redactRawMail } from './raw-redact.ts';
import { redactAddresses } from './redact.ts';
import { backlinks, linkQuotes, type PassageSource, type QuoteLink } from './provenance.ts';
import { threadMessages } from './thread.ts';
import { walk, type Thread, type ThreadInput, type ThreadNode } from './thread-tree.ts';
import type { LinkKind, MessageRecord } from './types.ts';

/** Where a message sits in its thread. */
export interface Placement {
  thread: Thread;
  parent: { id: string; link: LinkKind; reason?: string } | null;
  replies: string[];
  prev: string | null;
  next: string | null;
}

export interface Archive {
  messages: Map<string, ArchiveMessage>;
  bySlug: Map<string, ArchiveMessage>;
  threads: Thread[];
  placement: Map<string, Placement>;
  /** Quote segment → where its text was first written, keyed `${messageId}#${segment}`. */
  quoteSources: Map<string, PassageSource>;
  /** Source message → paragraph → the places quoting it. */
  quotedBy: Map<string, Map<number, { messageId: string; segment: number }[]>>;
}

/** `m`'s quote links, `own` (all links of `m`, in link order). */
function threadInput(m: ArchiveMessage, own: readonly QuoteLink[], summaryInferred: Set<string>): ThreadInput {
  const quoted = own.map((l) => l.source.messageId);
  const depth1 = m.segments
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => s.kind === 'quote' && s.depth === 1)
    .map(({ i }) => own.find((l) => l.segment === i)?.source.messageId)
    .filter((id): id is string => id !== undefined);
  const quotes = [...new Set([...depth1.reverse(), ...quoted])];
  const header = summaryInferred.has(m.messageId) ? null : m.inReplyTo;
  const input: ThreadInput = {
    messageId: m.messageId,
    inReplyTo: header,
    references: summaryInferred.has(m.messageId) ? [] : m.references,
    subject: m.subject,
    date: m.date,
    author: m.author,
    quotes,
    attributions: m.segments.filter((s) => s.kind === 'attribution' && s.depth === 0 && s.who).map((s) => ({ who: s.who ?? '' })),
  };
  if (summaryInferred.has(m.messageId) && m.inReplyTo) input.parentHint = { id: m.inReplyTo, kind: 'inferred' };
  else if (m.provenance === 'reconstructed' && m.inReplyTo && !header) {
    input.parentHint = { id: m.inReplyTo, kind: 'reconstructed' };
  }
  return input;
}

/** Builds the whole archive from stored entries. */
export function buildArchive(records: MessageRecord[]): Archive {
  const byId = new Map<string, ArchiveMessage>();
  const summaryInferred = new Set<string>();
  for (const r of records) {
    const prev = byId.get(r.messageId);
    if (prev && RANK[prev.provenance] >= RANK[r.provenance]) continue;
    byId.set(r.messageId, fromRecord(r));
    if (r.parentBasis === 'inferred') summaryInferred.add(r.messageId);
    else summaryInferred.delete(r.messageId);
  }

  // Rebuild messages that survive only as quotes, from the full texts the archive holds.
  const hintFor = rebuildQuoted(byId);

  const all = [...byId.values()];
  const links = linkQuotes(all.map((m) => ({ messageId: m.messageId, date: m.date, segments: m.segments })));
  const linksOf = Map.groupBy(links, (l) => l.messageId);
  const inputs = all.map((m) => {
    const input = threadInput(m, linksOf.get(m.messageId) ?? [], summaryInferred);
    const hint = hintFor.get(m.messageId);
    if (hint && !input.inReplyTo && !input.parentHint) input.parentHint = { id: hint, kind: 'reconstructed' };
    return input;
  });
  const threads = threadMessages(inputs);

  const placement = new Map<string, Placement>();
  for (const thread of threads) {
    const order = walk(thread)
      .map(({ node }) => node)
      .filter((n): n is ThreadNode & { message: ThreadInput } => n.message !== null);
    const when = (id: string): number => sortTime(byId.get(id));
    const chrono = [...order].sort((a, b) => when(a.id) - when(b.id));
    chrono.forEach((node, i) => {
      const parent = node.parent;
      placement.set(node.id, {
        thread,
        parent: parent && node.link ? { id: parent.id, link: node.link, ...(node.reason ? { reason: node.reason } : {}) } : null,
        replies: node.children.map((c) => c.id),
        prev: chrono[i - 1]?.id ?? null,
        next: chrono[i + 1]?.id ?? null,
      });
    });
  }

  const quoteSources = new Map<string, PassageSource>();
  for (const l of links) quoteSources.set(`${l.messageId}#${l.segment}`, l.source);
  return {
    messages: byId,
    bySlug: new Map(all.map((m) => [m.slug, m])),
    threads,
    placement,
    quoteSources,
    quotedBy: backlinks(links),
  };
}

/** URL slug of a thread: the slug of its root's Message-ID (a ghost root included). */
export function threadSlug(thread: Thread): string {
  return slugOf(thread.id);
}

/** Whether `token` is a Message-ID of this archive, as written or with a news gateway's suffix. */
function isArchiveId(archive: Archive, token: string): boolean {
  const id = token.replace(/^<|>$/g, '');
  return archive.messages.has(id) || gatewayPrefixes(id).some((p) => archive.messages.has(p));
}

/** Redacts every e-mail address in text, keeping tokens that are Message-IDs of this archive. */
export function redactor(archive: Archive): (text: string) => string {
  return (text) => redactAddresses(text, (token) => isArchiveId(archive, token));
}

/**
 * Like {@link redactor}, for raw mail read as Latin-1 (the raw download): addresses in
 * encoded words, quoted-printable and base64 are found and hidden too (raw-redact.ts).
 */
export function rawRedactor(archive: Archive): (raw: string) => string {
  return (raw) => redactRawMail(raw, (token) => isArchiveId(archive, token));
}
