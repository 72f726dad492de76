/** Grouping and ordering for the hypermail-style indexes (date, author, subject). Pure. */
import { sortTime, type ArchiveMessage } from './mail/archive-message.ts';
import { hash64 } from './mail/ids.ts';

/** `Re: Re: [PATCH] x` → `[PATCH] x`: the subject a thread is filed under. */
export function baseSubject(subject: string): string {
  return subject.replace(/^\s*((re|fwd?|aw|sv)(\[\d+\])?:\s*)+/i, '').trim() || '(no subject)';
}

/** The subject a message is filed under in the subject index. */
export function subjectKey(m: ArchiveMessage): string {
  return baseSubject(m.subject);
}

/** Messages oldest first, undated reconstructions just before their first quoter. */
export function byDate(messages: Iterable<ArchiveMessage>): ArchiveMessage[] {
  return [...messages].sort((a, b) => sortTime(a) - sortTime(b) || a.messageId.localeCompare(b.messageId));
}

/** Groups in key order, each group's messages by date. */
export function groupBy(
  messages: Iterable<ArchiveMessage>,
  key: (m: ArchiveMessage) => string,
): { key: string; messages: ArchiveMessage[] }[] {
  const groups = new Map<string, ArchiveMessage[]>();
  for (const m of byDate(messages)) {
    const k = key(m);
    const group = groups.get(k);
    if (group) group.push(m);
    else groups.set(k, [m]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'en', { sensitivity: 'base' }))
    .map(([k, ms]) => ({ key: k, messages: ms }));
}

/** A stable, unique fragment id for a group heading: readable part plus a short hash. */
export function groupAnchor(key: string): string {
  const words = key
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return `g-${words}-${hash64(key).slice(0, 6)}`;
}
