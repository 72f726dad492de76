/**
 * The archive as the site shows it: stored entries merged with the messages rebuilt from
 * their quotes, one record per Message-ID, with quote links, backlinks and threads.
 * Pure: takes records, returns plain data. Called once per build (src/archive.ts).
 */
import { anchorOf, isDerivedId, slugOf } from './ids.ts';
import { redactRawMail } from './raw-redact.ts';
import { redactAddresses } from './redact.ts';
import { gatewayPrefixes, rewritableLocalPart } from './headers.ts';
import { backlinks, linkQuotes, type PassageSource, SourceIndex, type QuoteLink } from './provenance.ts';
import { paragraphs, quotedShare, segment, type Paragraph, type Segment } from './quotes.ts';
import { reconstruct, type Reconstruction } from './reconstruct.ts';
import { headerIds, threadMessages } from './thread.ts';
import { walk, type Thread, type ThreadInput, type ThreadNode } from './thread-tree.ts';
import type { ArchiveLink, LinkKind, MessageRecord, Provenance, SourceFormat } from './types.ts';

/** One message as the pages show it. */
export interface ArchiveMessage {
  messageId: string;
  slug: string;
  /** Fragment id of this message on its thread page. */
  anchor: string;
  author: string;
  /** ISO date with the sender's offset; null when only known as "before" a quoting message. */
  date: string | null;
  /** Why the date is not the message's own Date header, and where it came from (set by the importer). */
  dateInferred?: string;
  subject: string;
  provenance: Provenance;
  sourceFormat: SourceFormat | 'quotes';
  list: string;
  aliases: string[];
  inReplyTo: string | null;
  references: string[];
  body: string;
  segments: Segment[];
  paragraphs: Paragraph[];
  /** Share of quoted lines; pages fold quotes above one half. */
  quotedShare: number;
  summary?: string;
  claims?: string[];
  archive?: ArchiveLink[];
  /** File name of the raw bytes, when the archive has them. */
  raw?: string;
  /** What the importer put right in the mail, in our words. */
  repairs?: string[];
  /** For reconstructions: the messages whose quotes it was rebuilt from. */
  rebuiltFrom: string[];
  /** For undated reconstructions: the date of the earliest message quoting it. */
  before: string | null;
  /** Quote depth it was rebuilt from (0 for messages the archive holds). */
  depth: number;
}

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

const RANK: Record<Provenance, number> = { imported: 3, reconstructed: 2, summary: 1 };

function fromRecord(r: MessageRecord): ArchiveMessage {
  const segments = segment(r.body);
  return {
    messageId: r.messageId,
    slug: slugOf(r.messageId),
    anchor: anchorOf(r.messageId),
    author: r.author,
    date: r.date,
    ...(r.dateInferred === undefined ? {} : { dateInferred: r.dateInferred }),
    subject: r.subject,
    provenance: r.provenance,
    sourceFormat: r.sourceFormat,
    list: r.list,
    aliases: r.aliases,
    inReplyTo: r.inReplyTo,
    references: r.references,
    body: r.body,
    segments,
    paragraphs: paragraphs(segments),
    quotedShare: quotedShare(segments),
    ...(r.summary === undefined ? {} : { summary: r.summary }),
    ...(r.claims === undefined ? {} : { claims: r.claims }),
    ...(r.archive === undefined ? {} : { archive: r.archive }),
    ...(r.raw === undefined ? {} : { raw: r.raw }),
    ...(r.repairs === undefined ? {} : { repairs: r.repairs }),
    rebuiltFrom: [],
    before: null,
    depth: 0,
  };
}

/** Merges two rebuilds of one message: keeps the longer text, then adds passages it lacks. */
function mergeBodies(a: string, b: string): string {
  const [long, short] = a.length >= b.length ? [a, b] : [b, a];
  const extra = short.split(/\n\[…\]\n/).filter((p) => p.trim() !== '' && !long.includes(p.trim()));
  return extra.length === 0 ? long : [long, ...extra].join('\n[…]\n');
}

/** The parent the headers name (In-Reply-To, else the last References id; junk left out). */
function parentOf(m: ArchiveMessage | undefined): string | null {
  return m ? (headerIds(m).own ?? null) : null;
}

/**
 * Parent chain as far as the headers and summaries know it: [parent, grandparent, …]. Where
 * a link is missing from the archive, the chain goes on with the References of the last
 * message read, newest first, so replies to one missing message share its reconstruction.
 */
function ancestorsOf(id: string, byId: Map<string, ArchiveMessage>): string[] {
  const out: string[] = [];
  const seen = new Set([id]);
  let m = byId.get(id);
  while (m && out.length < 50) {
    const { own, chain } = headerIds(m);
    if (own === undefined) break;
    let next: ArchiveMessage | undefined;
    for (const up of chain.slice(0, chain.lastIndexOf(own) + 1).reverse()) {
      if (seen.has(up)) return out;
      out.push(up);
      seen.add(up);
      next = byId.get(up);
      if (next) break;
    }
    m = next;
  }
  return out;
}

function applyReconstruction(byId: Map<string, ArchiveMessage>, r: Reconstruction, quotingDate: string | null): void {
  const existing = byId.get(r.messageId);
  if (existing && RANK[existing.provenance] > RANK.reconstructed) return;
  if (existing && existing.provenance === 'reconstructed') {
    existing.body = mergeBodies(existing.body, r.body);
    existing.rebuiltFrom.push(r.quotedIn);
    if (timeOf(quotingDate) < timeOf(existing.before)) existing.before = quotingDate;
  } else if (existing) {
    existing.provenance = 'reconstructed';
    existing.sourceFormat = 'quotes';
    existing.body = r.body;
    existing.rebuiltFrom = [r.quotedIn];
    existing.inReplyTo ??= r.inReplyTo;
    existing.depth = r.depth;
  } else {
    byId.set(r.messageId, {
      ...fromRecord({
        messageId: r.messageId,
        slug: slugOf(r.messageId),
        aliases: [],
        author: r.author ?? 'unknown author',
        date: quotingDate ?? '1970-01-01T00:00:00Z',
        subject: r.subject,
        inReplyTo: r.inReplyTo,
        references: [],
        list: 'linux-kernel',
        sourceFormat: 'summary',
        provenance: 'reconstructed',
        body: r.body,
      }),
      date: null,
      sourceFormat: 'quotes',
      rebuiltFrom: [r.quotedIn],
      before: quotingDate,
      depth: r.depth,
    });
    return;
  }
  const m = byId.get(r.messageId);
  if (!m) return;
  m.segments = segment(m.body);
  m.paragraphs = paragraphs(m.segments);
  m.quotedShare = quotedShare(m.segments);
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

/** The message that first wrote the first depth-1 quote of `m` (never `m` itself). */
function firstQuoteSource(m: ArchiveMessage, index: SourceIndex): string | undefined {
  for (const s of m.segments) {
    if (s.kind !== 'quote' || s.depth !== 1) continue;
    const source = index.find(s.lines.join('\n'), (id) => id !== m.messageId);
    if (source) return source.messageId;
  }
  return undefined;
}

/**
 * The message among `index`'s sources whose own text holds most of a reconstruction's
 * passages, written no later than the message quoting it (undated sources are allowed): the
 * real message a reconstruction stands for, whatever id the quotes gave it, or an earlier
 * rebuild of the same missing message. Undefined unless it holds at least half the passages.
 */
function sourceOf(r: Reconstruction, quoting: ArchiveMessage, index: SourceIndex): string | undefined {
  const until = timeOf(quoting.date);
  const accept = (id: string, time: number): boolean =>
    id !== quoting.messageId && id !== r.messageId && (time <= until || time === Number.POSITIVE_INFINITY);
  const votes = new Map<string, number>();
  let passages = 0;
  for (const p of paragraphs(segment(r.body))) {
    // Under four words the index has no word pair to narrow by; such lines do not decide.
    if (p.text.trim().length < 20 || p.text.trim().split(/\s+/).length < 4) continue;
    passages++;
    const source = index.find(p.text, accept);
    if (source) votes.set(source.messageId, (votes.get(source.messageId) ?? 0) + 1);
  }
  let best: [string, number] | undefined;
  for (const vote of votes) if (!best || vote[1] > best[1]) best = vote;
  return best && best[1] * 2 >= passages ? best[0] : undefined;
}

/**
 * Rebuilds the messages `m` quotes. A rebuilt message whose id the archive lacks is matched
 * to a real one: an id a gateway rewrote (a suffix added, or the same distinctive local part
 * under another domain) to the message the archive holds under its own id; an id the archive
 * made up (`quoted.…`) to the archived message that first wrote its words, else to an
 * earlier rebuild of the same words (`rebuilds`), so replies without headers to one missing
 * message share it. The match takes its place in the chain, and what lies above it comes
 * from its own headers. So a reconstruction merges into the real message as soon as that is
 * imported, whatever id the quotes gave it; an id the headers name is never traded for
 * another message's on the strength of shared words (a v2 patch quoting v1's hunks).
 */
function rebuildFrom(
  m: ArchiveMessage,
  ancestors: string[],
  byId: Map<string, ArchiveMessage>,
  byLocal: Map<string, string>,
  index: SourceIndex,
  rebuilds: SourceIndex,
): Reconstruction[] {
  const chain = [...ancestors];
  for (;;) {
    const rebuilt = reconstruct(m, chain);
    const moved = rebuilt.find((r) => {
      if (byId.has(r.messageId)) return false;
      // An id the headers or an attribution gave is only matched as a gateway spelling of
      // one the archive holds; words decide only for ids the archive made up itself.
      const local = rewritableLocalPart(r.messageId);
      const real =
        gatewayPrefixes(r.messageId).find((id) => byId.has(id)) ??
        (local === null ? undefined : byLocal.get(local)) ??
        (isDerivedId(r.messageId) ? (sourceOf(r, m, index) ?? sourceOf(r, m, rebuilds)) : undefined);
      if (real === undefined || real === m.messageId || chain.includes(real)) return false;
      chain.length = r.depth - 1;
      chain[r.depth - 1] = real;
      chain.push(...ancestorsOf(real, byId).filter((id) => !chain.includes(id)));
      return true;
    });
    if (!moved) {
      for (const r of rebuilt) {
        if (isDerivedId(r.messageId) && !byId.has(r.messageId))
          rebuilds.add({ messageId: r.messageId, date: null, segments: segment(r.body) });
      }
      return rebuilt;
    }
  }
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
  // A reply without headers whose quotes come from a held message is not rebuilt: its
  // quotes name its parent, and the ancestry continues from there.
  const held = [...byId.values()].filter((x) => x.provenance === 'imported');
  const index = new SourceIndex(held.map((m) => ({ messageId: m.messageId, date: m.date, segments: m.segments })));
  const rebuilds = new SourceIndex();
  // Held and summarised messages by a distinctive local part, for ids a gateway rewrote.
  const byLocal = new Map<string, string>();
  for (const id of byId.keys()) {
    const local = rewritableLocalPart(id);
    if (local !== null && !byLocal.has(local)) byLocal.set(local, id);
  }
  const hintFor = new Map<string, string>();
  for (const m of held) {
    // Only a reply whose headers name no parent needs its quoted parent found here.
    const quotedParent = parentOf(m) ? undefined : firstQuoteSource(m, index);
    const ancestors = quotedParent ? [quotedParent, ...ancestorsOf(quotedParent, byId)] : ancestorsOf(m.messageId, byId);
    const rebuilt = rebuildFrom(m, ancestors, byId, byLocal, index, rebuilds);
    for (const r of rebuilt) applyReconstruction(byId, r, m.date);
    const direct = rebuilt.find((r) => r.depth === 1);
    if (direct && !parentOf(m) && !quotedParent) hintFor.set(m.messageId, direct.messageId);
  }

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

/** Milliseconds of an ISO date; undated messages sort last. */
export function timeOf(date: string | null): number {
  if (!date) return Number.MAX_SAFE_INTEGER;
  const t = Date.parse(date);
  return Number.isNaN(t) ? Number.MAX_SAFE_INTEGER : t;
}

/** Sort key: the date, or for an undated reconstruction a moment before its first quoter. */
export function sortTime(m: ArchiveMessage | undefined): number {
  if (!m) return Number.MAX_SAFE_INTEGER;
  if (m.date) return timeOf(m.date);
  return m.before ? timeOf(m.before) - m.depth * 1000 : Number.MAX_SAFE_INTEGER;
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
