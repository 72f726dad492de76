/**
 * Spellings of one Message-ID: news gateways add suffixes (`a.1@host.lists.linux.kernel`)
 * and rewrite domains, so the id a header names may not be the id the archive holds. The
 * resolver maps each id to the container standing for its message, and gives every spelling
 * of a missing message one ghost.
 */
import { gatewayPrefixes, rewritableLocalPart } from './headers.ts';
import type { Entry } from './thread-tree.ts';

/** How a header id was matched to a container: as written, or as another spelling of one. */
export interface Resolved {
  id: string;
  via: 'exact' | 'suffix' | 'domain';
}

/**
 * Maps each id that headers name to the container standing for its message. An archived id
 * is itself. Otherwise, in order: the longest archived id a news gateway extended into it
 * (`a.1@host.lists.linux.kernel` → `a.1@host`); the archived id with the same distinctive
 * local part under another domain (see `rewritableLocalPart`; the earliest, if several);
 * the shortest id referenced elsewhere that it extends; the first-referenced spelling of
 * its distinctive local part. Spellings of one missing message thus share one ghost.
 * Linear: ids are indexed by local part, never compared pairwise.
 */
export function resolver(entries: Entry[], referenced: Set<string>): (id: string) => Resolved {
  const held = new Set(entries.map((e) => e.id));
  const heldByLocal = new Map<string, string>();
  for (const e of entries) {
    const local = e.id === e.msg.messageId ? rewritableLocalPart(e.id) : null;
    if (local !== null && !heldByLocal.has(local)) heldByLocal.set(local, e.id);
  }
  const bySuffix = (id: string): Resolved => {
    const prefixes = gatewayPrefixes(id);
    const hit = prefixes.find((p) => held.has(p)) ?? prefixes.findLast((p) => referenced.has(p));
    return hit === undefined ? { id, via: 'exact' } : { id: hit, via: 'suffix' };
  };
  const ghostByLocal = new Map<string, string>();
  for (const id of referenced) {
    const base = held.has(id) ? id : bySuffix(id).id;
    const local = rewritableLocalPart(base);
    if (local !== null && !ghostByLocal.has(local)) ghostByLocal.set(local, base);
  }
  const memo = new Map<string, Resolved>();
  return (id) => {
    let r = memo.get(id);
    if (r) return r;
    if (held.has(id)) r = { id, via: 'exact' };
    else {
      const suffix = bySuffix(id);
      const local = rewritableLocalPart(suffix.id);
      const rewritten = local === null ? undefined : (heldByLocal.get(local) ?? ghostByLocal.get(local));
      if (suffix.via === 'suffix' && held.has(suffix.id)) r = suffix;
      else if (rewritten !== undefined && rewritten !== suffix.id) r = { id: rewritten, via: 'domain' };
      else r = suffix;
    }
    memo.set(id, r);
    return r;
  };
}
