/**
 * The tree a threading builds (thread.ts): the shapes it takes and gives (ThreadInput,
 * ThreadNode, Thread), the entry it keeps per message while it works, the one order it sorts
 * by (date, undated last, then id), the cycle-checked link every step makes (`attach`), and
 * the display-order walk the pages read a thread by.
 */
import { normaliseSubject, parseMailDate } from './headers.ts';
import type { LinkKind } from './types.ts';

/** One message as the threader sees it. */
export interface ThreadInput {
  messageId: string;
  /** Already normalised by the importer; may be null. */
  inReplyTo: string | null;
  /** Raw header when it held free text, e.g. `Jane Doe's message of "28 Jun 2002 00:35:31 +0200"`. */
  inReplyToRaw?: string;
  /** Normalised ids, oldest first; may carry news-gateway suffixes. */
  references: string[];
  subject: string;
  /** ISO 8601 with offset, or null when unknown. */
  date: string | null;
  author: string;
  /** Parent asserted by a summary or a reconstruction: used when headers give none. */
  parentHint?: { id: string; kind: LinkKind };
  /** Ids of messages whose text this one quotes (from quote provenance), most recent source first. */
  quotes?: string[];
  /** Names credited by depth-0 attribution lines ("Bernd", "Andi Kleen"), with the date if the line gives one. */
  attributions?: { who: string; date?: string }[];
}

/** A place in a thread tree: a message, or a ghost for one referenced but not archived. */
export interface ThreadNode {
  id: string;
  /** null for a ghost: a message referenced but not in the archive. */
  message: ThreadInput | null;
  parent: ThreadNode | null;
  /** Replies, in display order (date, undated last, then id). */
  children: ThreadNode[];
  /** How this node was linked to its parent; null for roots. */
  link: LinkKind | null;
  /** Why, in a few words, for inferred links (e.g. "quotes its text", "subject and date"). */
  reason?: string;
}

/** One thread: a root (real or ghost) and everything below it. */
export interface Thread {
  /** The root node's id (ghost or real). */
  id: string;
  root: ThreadNode;
  /**
   * The root's subject; for a ghost root, or a root whose subject is blank, the subject of
   * the earliest message below that has one; '' when none has. Never an id.
   */
  subject: string;
  /** Real messages in the thread, ghosts excluded. */
  size: number;
}

/** A message while it is threaded: its unique id, its node, its time and its subject's key. */
export interface Entry {
  id: string;
  msg: ThreadInput;
  node: ThreadNode;
  /** Epoch ms, or null when the date is unknown. */
  time: number | null;
  subject: string;
}
export type Dated = Entry & { time: number };

/** Messages that survive only as quotes carry ids made by `quotedId` in ids.ts. */
const isReconstruction = (id: string): boolean => id.startsWith('quoted.');

/** Date order, undated last, then id: used for processing and for display. */
export function byTime(a: { time: number | null; id: string }, b: { time: number | null; id: string }): number {
  if (a.time !== b.time) {
    if (a.time === null) return 1;
    if (b.time === null) return -1;
    return a.time - b.time;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export const isDated = (e: Entry): e is Dated => e.time !== null;

function sameMessage(a: ThreadInput, b: ThreadInput): boolean {
  return (
    a.subject === b.subject &&
    a.author === b.author &&
    a.date === b.date &&
    a.inReplyTo === b.inReplyTo &&
    a.references.join(' ') === b.references.join(' ')
  );
}

/** Entries with unique ids: a later different message reusing an id becomes `id#dup2`, … */
export function entriesOf(messages: ThreadInput[]): Entry[] {
  const seen = new Map<string, ThreadInput[]>();
  const out: Entry[] = [];
  for (const msg of messages) {
    const same = seen.get(msg.messageId) ?? [];
    if (same.some((m) => sameMessage(m, msg))) continue;
    same.push(msg);
    seen.set(msg.messageId, same);
    const id = same.length === 1 ? msg.messageId : `${msg.messageId}#dup${same.length}`;
    const node: ThreadNode = { id, message: msg, parent: null, children: [], link: null };
    out.push({ id, msg, node, time: parseMailDate(msg.date), subject: normaliseSubject(msg.subject) });
  }
  return out.sort(byTime);
}

/** Adds `value` to the list under `key`. */
export function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Index of the first entry of a time-sorted list dated at or after `t`. */
export function firstFrom(list: Dated[], t: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid]?.time ?? 0) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Links `child` under `parent` unless it already has a parent or that would make a cycle. */
export function attach(child: ThreadNode, parent: ThreadNode, kind: LinkKind, reason: string | undefined): boolean {
  if (child.parent || child === parent) return false;
  // Only a node with children can have the would-be parent below it.
  if (child.children.length > 0) for (let n = parent.parent; n; n = n.parent) if (n === child) return false;
  child.parent = parent;
  parent.children.push(child);
  child.link = isReconstruction(child.id) || isReconstruction(parent.id) ? 'reconstructed' : kind;
  if (reason !== undefined) child.reason = reason;
  return true;
}

/** The root of the tree `node` is in. */
export function rootOf(node: ThreadNode): ThreadNode {
  let n = node;
  while (n.parent) n = n.parent;
  return n;
}

/** Depth-first walk in display order (children sorted by date, undated last, then id). */
export function walk(thread: Thread): { node: ThreadNode; depth: number }[] {
  const out: { node: ThreadNode; depth: number }[] = [];
  const stack = [{ node: thread.root, depth: 0 }];
  for (let item = stack.pop(); item; item = stack.pop()) {
    out.push(item);
    for (let i = item.node.children.length - 1; i >= 0; i--) {
      const child = item.node.children[i];
      if (child) stack.push({ node: child, depth: item.depth + 1 });
    }
  }
  return out;
}
