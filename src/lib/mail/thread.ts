/**
 * Threading: JWZ's container algorithm (jwz.org/doc/threading.html) adapted for an archive.
 * Ghost placeholders stand for referenced messages the archive lacks and are never pruned
 * while they hold replies; one ghost serves every spelling of a missing id (a news gateway's
 * suffix, a gateway's own domain). Tokens that are not ids (`<yes>`, `<>`) are ignored.
 * Messages whose headers connect them always share a thread, as in notmuch and
 * public-inbox; subjects are not merged unless asked; messages whose headers were lost get
 * an inferred parent from hints, prose, quotes, attributions or subject, which only ever
 * links whole trees. Every link is checked for cycles before it is made.
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
  rewritableLocalPart,
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
  /**
   * The root's subject; for a ghost root, or a root whose subject is blank, the subject of
   * the earliest message below that has one; '' when none has. Never an id.
   */
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
const REWRITTEN = 'id rewritten by a gateway (domain differs)';
const JOINED = 'headers join it to this thread';
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

/** How a header id was matched to a container: as written, or as another spelling of one. */
interface Resolved {
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
function resolver(entries: Entry[], referenced: Set<string>): (id: string) => Resolved {
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

/**
 * What a message's own headers say, junk left out: its parent (In-Reply-To, else the last
 * References id) and the chain of ancestors (References, oldest first, then an In-Reply-To
 * they lack: mailers that copy the parent's References without adding the parent's id).
 */
export function headerIds(msg: Pick<ThreadInput, 'messageId' | 'inReplyTo' | 'inReplyToRaw' | 'references'>): {
  own: string | undefined;
  chain: string[];
} {
  const usable = (id: string | null | undefined): id is string =>
    id !== null && id !== undefined && id !== msg.messageId && isThreadableId(id);
  const refs = msg.references.filter(usable);
  const reply = usable(msg.inReplyTo) ? msg.inReplyTo : [normaliseInReplyTo(msg.inReplyToRaw).id].find(usable);
  const chain = reply === undefined || refs.includes(reply) ? refs : [...refs, reply];
  return { own: reply ?? refs.at(-1), chain };
}

/**
 * Threads an archive. Parent evidence, strongest first: the message's own In-Reply-To (else
 * last References id), other messages' References chains, `parentHint`, a free-text
 * In-Reply-To naming author and date, quoted text, attribution lines, and for a `Re:`
 * subject the earliest earlier thread with that subject. Tokens that are not ids are
 * ignored; other spellings of an id (gateway suffixes, rewritten domains) find its
 * container. Messages the headers connect always share a thread: inference only links
 * whole header-joined trees. Threads come out sorted by the date of their earliest message.
 */
export function threadMessages(messages: ThreadInput[], options: ThreadOptions = {}): Thread[] {
  const entries = entriesOf(messages);
  const byId = new Map(entries.map((e) => [e.id, e]));
  const table = new Map(entries.map((e) => [e.id, e.node]));
  const headers = new Map(entries.map((e) => [e, headerIds(e.msg)]));
  const referenced = new Set([...headers.values()].flatMap((h) => h.chain));
  const resolve = resolver(entries, referenced);

  const nodeOf = (id: string): ThreadNode => {
    let node = table.get(id);
    if (!node) {
      node = { id, message: null, parent: null, children: [], link: null };
      table.set(id, node);
    }
    return node;
  };
  /** Links `child` under `parent`, saying so when either was found under another spelling. */
  const linkResolved = (child: ThreadNode, parent: Resolved, kind: LinkKind, reason?: string, via = parent.via): boolean => {
    if (via === 'domain') return attach(child, nodeOf(parent.id), 'inferred', REWRITTEN);
    return attach(child, nodeOf(parent.id), kind, via === 'suffix' ? GATEWAY : reason);
  };
  const link = (child: ThreadNode, to: string, kind: LinkKind, reason?: string): boolean =>
    (byId.has(to) || isThreadableId(to)) && linkResolved(child, resolve(to), kind, reason);

  // 1. Each message's own headers name its parent.
  for (const e of entries) {
    const own = headers.get(e)?.own;
    if (own !== undefined) link(e.node, own, 'header');
  }
  // 2. References chains fill in parents nobody's own headers gave. A link refused because
  // the container already has another parent still says the two belong to one thread.
  const apart: [ThreadNode, ThreadNode][] = [];
  for (const e of entries) {
    const chain = (headers.get(e)?.chain ?? []).map(resolve).filter((r) => r.id !== e.id);
    for (let i = 1; i < chain.length; i++) {
      const [up, down] = [chain[i - 1], chain[i]];
      if (!up || !down || up.id === down.id) continue;
      const node = nodeOf(down.id);
      if (!node.parent) {
        const via = up.via === 'domain' || down.via === 'domain' ? 'domain' : up.via === 'suffix' ? 'suffix' : down.via;
        linkResolved(node, up, 'header', undefined, via);
      } else if (node.parent.id !== up.id) apart.push([nodeOf(up.id), node]);
    }
  }
  // 3. Trees the headers connect but first-come links left apart join the earliest one.
  joinConnected(entries, apart);

  // 4. Inference for messages still without a parent.
  const infer = inference(entries, byId);
  for (const e of entries) {
    if (e.node.parent) continue;
    for (const c of infer(e)) if (link(e.node, c.id, c.kind, c.reason)) break;
  }
  // 5. A "Re:" with no other evidence joins the thread of the earliest earlier same subject.
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

/**
 * JWZ keeps the first parent a container is given, so References chains that disagree
 * about a missing message's ancestors can leave apart trees that headers connect (`apart`
 * holds the refused links). Each such tree goes under the root of the one holding the
 * earliest message, as an inferred link: the headers say the messages belong together,
 * not where the later tree's root sits. Union-find over tree roots: near-linear.
 */
function joinConnected(entries: Entry[], apart: [ThreadNode, ThreadNode][]): void {
  if (apart.length === 0) return;
  const rootMemo = new Map<ThreadNode, ThreadNode>();
  const treeRoot = (node: ThreadNode): ThreadNode => {
    const path: ThreadNode[] = [];
    let n = node;
    for (; n.parent && !rootMemo.has(n); n = n.parent) path.push(n);
    const root = rootMemo.get(n) ?? n;
    for (const p of path) rootMemo.set(p, root);
    return root;
  };
  const up = new Map<ThreadNode, ThreadNode>();
  const find = (node: ThreadNode): ThreadNode => {
    let r = node;
    for (let next = up.get(r); next; next = up.get(r)) r = next;
    for (let n = node, next = up.get(n); next && next !== r; next = up.get(n)) {
      up.set(n, r);
      n = next;
    }
    return r;
  };
  for (const [a, b] of apart) {
    const [ra, rb] = [find(treeRoot(a)), find(treeRoot(b))];
    if (ra !== rb) up.set(ra, rb);
  }
  const first = new Map<ThreadNode, ThreadNode>();
  for (const e of entries) {
    const root = treeRoot(e.node);
    const key = find(root);
    const into = first.get(key);
    if (!into) first.set(key, root);
    else if (into !== root && !root.parent) attach(root, into, 'inferred', JOINED);
  }
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

  const info = new Map<ThreadNode, Scan>();
  for (const node of table.values()) {
    if (!node.parent && (node.message || node.children.length > 0)) info.set(node, scan(node, byNode));
  }
  const subjectOf = (root: ThreadNode): string =>
    (root.message?.subject.trim() ? root.message.subject : info.get(root)?.named?.msg.subject) ?? '';
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

interface Scan {
  /** The earliest message under the root, and the earliest with a subject that is not blank. */
  earliest: Entry | undefined;
  named: Entry | undefined;
  /** Real messages under the root. */
  size: number;
}

function scan(root: ThreadNode, byNode: Map<ThreadNode, Entry>): Scan {
  const out: Scan = { earliest: undefined, named: undefined, size: 0 };
  for (const stack = [root]; stack.length > 0; ) {
    const n = stack.pop();
    if (!n) break;
    const e = byNode.get(n);
    if (e) {
      out.size++;
      if (!out.earliest || byTime(e, out.earliest) < 0) out.earliest = e;
      if (e.msg.subject.trim() !== '' && (!out.named || byTime(e, out.named) < 0)) out.named = e;
    }
    for (const child of n.children) stack.push(child);
  }
  return out;
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
