/**
 * Messages that survive only as quotes, rebuilt into the archive (reconstruct.ts does one
 * reply's quotes): each held message's quotes are rebuilt along its ancestry, a rebuilt id
 * the archive lacks is matched to the real message it stands for where one is held, and
 * rebuilds of one missing message merge into one. Mutates the archive's message map.
 */
import { isDerivedId, slugOf } from './ids.ts';
import { gatewayPrefixes, rewritableLocalPart } from './headers.ts';
import { type ArchiveMessage, fromRecord, RANK, timeOf } from './archive-message.ts';
import { SourceIndex } from './provenance.ts';
import { paragraphs, quotedShare, segment } from './quotes.ts';
import { reconstruct, type Reconstruction } from './reconstruct.ts';
import { headerIds } from './thread.ts';

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

/**
 * Rebuilds, into `byId`, the messages its held messages quote. A reply without headers whose
 * quotes come from a held message is not rebuilt: its quotes name its parent, and the
 * ancestry continues from there. Returns the threading hints: for each reply that names no
 * parent and quotes none held, the id of the message rebuilt from its direct quotes.
 */
export function rebuildQuoted(byId: Map<string, ArchiveMessage>): Map<string, string> {
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

  return hintFor;
}
