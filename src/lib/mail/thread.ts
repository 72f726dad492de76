/**
 * Threading: JWZ's container algorithm (jwz.org/doc/threading.html) adapted for an archive.
 * Ghost placeholders stand for referenced messages the archive lacks and are never pruned
 * while they hold replies; tokens that are not ids (`<yes>`, `<>`) are ignored; subjects
 * are not merged unless asked; messages whose headers were lost get an inferred parent
 * from hints, prose, quotes, attributions or subject.
 * Every link is checked for cycles before it is made.
 */
import type { LinkKind } from './types.ts';
import {
  credits,
  gatewayPrefixes,
  isReplySubject,
  isThreadableId,
  nameTokens,
  normaliseInReplyTo,
  normaliseSubject,
  parseMailDate,
  personKey,
} from './headers.ts';

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
  /** The root's subject, or for a ghost root the subject of the earliest message. */
  subject: string;
  /** Real messages in the thread, ghosts excluded. */
  size: number;
}

export interface ThreadOptions {
  /** Merge root threads whose normalised subjects match (JWZ step 5). Default false. */
  mergeSubjects?: boolean;
}

interface Entry {
  id: string;
  msg: ThreadInput;
  node: ThreadNode;
  /** Epoch ms, or null when the date is unknown. */
  time: number | null;
  subject: string;
}
type Dated = Entry & { time: number };
interface Link {
  id: string;
  kind: LinkKind;
  reason: string | undefined;
}

const TOLERANCE_MS = 2 * 60_000;
const GATEWAY = 'gateway suffix stripped';
const HINT_REASON: Record<LinkKind, string> = {
  header: 'headers recorded in a summary',
  inferred: 'asserted by a summary',
  reconstructed: 'asserted by a reconstruction',
};
/** Messages that survive only as quotes carry ids made by `quotedId` in ids.ts. */
const isReconstruction = (id: string): boolean => id.startsWith('quoted.');

/** Date order, undated last, then id: used for processing and for display. */
function byTime(a: { time: number | null; id: string }, b: { time: number | null; id: string }): number {
  if (a.time !== b.time) {
    if (a.time === null) return 1;
    if (b.time === null) return -1;
    return a.time - b.time;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const isDated = (e: Entry): e is Dated => e.time !== null;

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
function entriesOf(messages: ThreadInput[]): Entry[] {
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
function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Index of the first entry of a time-sorted list dated at or after `t`. */
function firstFrom(list: Dated[], t: number): number {
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
function attach(child: ThreadNode, parent: ThreadNode, kind: LinkKind, reason: string | undefined): boolean {
  if (child.parent || child === parent) return false;
  // Only a node with children can have the would-be parent below it.
  if (child.children.length > 0) for (let n = parent.parent; n; n = n.parent) if (n === child) return false;
  child.parent = parent;
  parent.children.push(child);
  child.link = isReconstruction(child.id) || isReconstruction(parent.id) ? 'reconstructed' : kind;
  if (reason !== undefined) child.reason = reason;
  return true;
}

function rootOf(node: ThreadNode): ThreadNode {
  let n = node;
  while (n.parent) n = n.parent;
  return n;
}

/**
 * What a message's own headers say, junk left out: its parent (In-Reply-To, else the last
 * References id) and its References.
 */
function headerIds(msg: ThreadInput): { own: string | undefined; refs: string[] } {
  const usable = (id: string | null | undefined): id is string =>
    id !== null && id !== undefined && id !== msg.messageId && isThreadableId(id);
  const refs = msg.references.filter(usable);
  const reply = usable(msg.inReplyTo) ? msg.inReplyTo : [normaliseInReplyTo(msg.inReplyToRaw).id].find(usable);
  return { own: reply ?? refs.at(-1), refs };
}

/**
 * Threads an archive. Parent evidence, strongest first: the message's own In-Reply-To (else
 * last References id), other messages' References chains, `parentHint`, a free-text
 * In-Reply-To naming author and date, quoted text, attribution lines, and for a `Re:`
 * subject the earliest earlier thread with that subject. Tokens that are not ids are
 * ignored. Threads come out sorted by the date of their earliest message.
 */
export function threadMessages(messages: ThreadInput[], options: ThreadOptions = {}): Thread[] {
  const entries = entriesOf(messages);
  const byId = new Map(entries.map((e) => [e.id, e]));
  const table = new Map(entries.map((e) => [e.id, e.node]));
  const headers = new Map(entries.map((e) => [e, headerIds(e.msg)]));
  const referenced = new Set([...headers.values()].flatMap((h) => h.refs));

  const resolve = (id: string): { id: string; mapped: boolean } => {
    if (byId.has(id)) return { id, mapped: false };
    const prefixes = gatewayPrefixes(id);
    const hit = prefixes.find((p) => byId.has(p)) ?? prefixes.find((p) => referenced.has(p));
    return hit === undefined ? { id, mapped: false } : { id: hit, mapped: true };
  };
  const nodeOf = (id: string): ThreadNode => {
    let node = table.get(id);
    if (!node) {
      node = { id, message: null, parent: null, children: [], link: null };
      table.set(id, node);
    }
    return node;
  };
  const link = (child: ThreadNode, to: string, kind: LinkKind, reason?: string): boolean => {
    if (!byId.has(to) && !isThreadableId(to)) return false;
    const r = resolve(to);
    return attach(child, nodeOf(r.id), kind, r.mapped ? GATEWAY : reason);
  };

  // 1. Each message's own headers name its parent.
  for (const e of entries) {
    const own = headers.get(e)?.own;
    if (own !== undefined) link(e.node, own, 'header');
  }
  // 2. References chains fill in parents nobody's own headers gave.
  for (const e of entries) {
    const refs = (headers.get(e)?.refs ?? []).map(resolve);
    for (let i = 1; i < refs.length; i++) {
      const [up, down] = [refs[i - 1], refs[i]];
      if (up && down && !table.get(down.id)?.parent) {
        attach(nodeOf(down.id), nodeOf(up.id), 'header', up.mapped || down.mapped ? GATEWAY : undefined);
      }
    }
  }

  // 3. Inference for messages still without a parent.
  const infer = inference(entries, byId);
  for (const e of entries) {
    if (e.node.parent) continue;
    for (const c of infer(e)) if (link(e.node, c.id, c.kind, c.reason)) break;
  }
  // 4. A "Re:" with no other evidence joins the thread of the earliest earlier same subject.
  const bySubject = new Map<string, Dated[]>();
  for (const e of entries) if (isDated(e) && e.subject !== '') push(bySubject, e.subject, e);
  const rootBySubject = new Map<string, ThreadNode>(); // a cached root stays right while it has no parent
  for (const e of entries) {
    const first = bySubject.get(e.subject)?.[0];
    if (e.node.parent || !first || first === e || !isReplySubject(e.msg.subject)) continue;
    if (e.time !== null && first.time >= e.time) continue;
    let root = rootBySubject.get(e.subject);
    if (!root || root.parent) {
      root = rootOf(first.node);
      rootBySubject.set(e.subject, root);
    }
    attach(e.node, root, 'inferred', 'subject and date');
  }

  return collect(table, entries, options.mergeSubjects === true);
}

/** Candidate parents from hints, prose, quotes and attributions, best first, for one message. */
function inference(entries: Entry[], byId: Map<string, Entry>): (e: Entry) => Generator<Link> {
  const byPerson = new Map<string, Dated[]>();
  const byWord = new Map<string, Dated[]>();
  const bySubjectWord = new Map<string, Dated[]>();
  for (const e of entries) {
    if (!isDated(e)) continue;
    push(byPerson, personKey(e.msg.author), e);
    for (const w of new Set(nameTokens(e.msg.author))) {
      push(byWord, w, e);
      push(bySubjectWord, `${e.subject}\n${w}`, e);
    }
  }
  /** Messages in `list` dated within the tolerance of `t`, closest first. */
  const near = (list: Dated[] | undefined, t: number): Dated[] => {
    const out: Dated[] = [];
    for (let i = firstFrom(list ?? [], t - TOLERANCE_MS); list && i < list.length; i++) {
      const e = list[i];
      if (!e || e.time > t + TOLERANCE_MS) break;
      out.push(e);
    }
    return out.sort((a, b) => Math.abs(a.time - t) - Math.abs(b.time - t));
  };
  const before = (a: Entry, b: Entry): boolean => a.time === null || b.time === null || a.time < b.time;

  return function* candidates(e: Entry): Generator<Link> {
    const { msg } = e;
    if (msg.parentHint) yield { ...msg.parentHint, reason: HINT_REASON[msg.parentHint.kind] };
    const named = msg.inReplyTo !== null && isThreadableId(msg.inReplyTo) ? null : normaliseInReplyTo(msg.inReplyToRaw).named;
    const at = parseMailDate(named?.date);
    if (named && at !== null) {
      const hit = near(byPerson.get(personKey(named.who)), at).find((c) => c !== e);
      if (hit) yield { id: hit.id, kind: 'inferred', reason: 'In-Reply-To names author and date' };
    }
    for (const q of msg.quotes ?? []) {
      const source = byId.get(q);
      if (source && source !== e && before(source, e)) yield { id: q, kind: 'inferred', reason: 'quotes its text' };
    }
    for (const a of msg.attributions ?? []) {
      const word = nameTokens(a.who)[0];
      if (word === undefined) continue;
      const reason = `attribution names ${a.who}`;
      const fits = (c: Entry): boolean => c !== e && before(c, e) && credits(a.who, c.msg.author);
      const when = parseMailDate(a.date);
      const dated = when === null ? undefined : near(byWord.get(word), when).find(fits);
      if (dated) yield { id: dated.id, kind: 'inferred', reason };
      const list = bySubjectWord.get(`${e.subject}\n${word}`) ?? [];
      for (let i = (e.time === null ? list.length : firstFrom(list, e.time)) - 1; i >= 0; i--) {
        const c = list[i];
        if (c && fits(c)) {
          yield { id: c.id, kind: 'inferred', reason };
          break;
        }
      }
    }
  };
}

/** Prunes childless ghosts, merges subjects if asked, sorts, and wraps the roots as threads. */
function collect(table: Map<string, ThreadNode>, entries: Entry[], mergeSubjects: boolean): Thread[] {
  for (const node of table.values()) {
    for (let n: ThreadNode | null = node; n && !n.message && n.children.length === 0; ) {
      const up: ThreadNode | null = n.parent;
      if (up) up.children.splice(up.children.indexOf(n), 1);
      n.parent = null;
      n = up;
    }
  }
  // A node sorts by its own date; a ghost by the earliest message below it.
  const time = new Map<ThreadNode, number | null>();
  const byNode = new Map(entries.map((e) => [e.node, e]));
  for (const e of entries) {
    time.set(e.node, e.time);
    for (let n = e.node.parent; n && !n.message && e.time !== null; n = n.parent) {
      const t = time.get(n);
      if (t === undefined || t === null || e.time < t) time.set(n, e.time);
    }
  }
  const order = (a: ThreadNode, b: ThreadNode): number =>
    byTime({ time: time.get(a) ?? null, id: a.id }, { time: time.get(b) ?? null, id: b.id });

  const info = new Map<ThreadNode, { earliest: Entry | undefined; size: number }>();
  for (const node of table.values()) {
    if (!node.parent && (node.message || node.children.length > 0)) info.set(node, scan(node, byNode));
  }
  const subjectOf = (root: ThreadNode): string => root.message?.subject ?? info.get(root)?.earliest?.msg.subject ?? '';
  const first = (root: ThreadNode): { time: number | null; id: string } => ({ time: info.get(root)?.earliest?.time ?? null, id: root.id });
  let roots = [...info.keys()].sort((a, b) => byTime(first(a), first(b)));
  if (mergeSubjects) {
    const keep = new Map<string, ThreadNode>();
    for (const root of roots) {
      const key = normaliseSubject(subjectOf(root));
      const into = keep.get(key);
      if (key === '' || !into) keep.set(key, root);
      else if (attach(root, into, 'inferred', 'same subject')) {
        const target = info.get(into);
        if (target) target.size += info.get(root)?.size ?? 0;
      }
    }
    roots = roots.filter((r) => !r.parent);
  }

  for (const node of table.values()) node.children.sort(order);
  return roots.map((root) => ({ id: root.id, root, subject: subjectOf(root), size: info.get(root)?.size ?? 0 }));
}

/** The earliest message and the number of real messages under `root`. */
function scan(root: ThreadNode, byNode: Map<ThreadNode, Entry>): { earliest: Entry | undefined; size: number } {
  let earliest: Entry | undefined;
  let size = 0;
  for (const stack = [root]; stack.length > 0; ) {
    const n = stack.pop();
    if (!n) break;
    const e = byNode.get(n);
    if (e) {
      size++;
      if (!earliest || byTime(e, earliest) < 0) earliest = e;
    }
    for (const child of n.children) stack.push(child);
  }
  return { earliest, size };
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
