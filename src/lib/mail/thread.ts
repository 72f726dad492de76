/**
 * Threading: JWZ's container algorithm (jwz.org/doc/threading.html) adapted for an archive.
 * Ghost placeholders stand for referenced messages the archive lacks and are never pruned
 * while they hold replies; one ghost serves every spelling of a missing id (a news gateway's
 * suffix, a gateway's own domain). Tokens that are not ids (`<yes>`, `<>`) are ignored.
 * Messages whose headers connect them always share a thread, as in notmuch and
 * public-inbox; subjects are not merged unless asked; messages whose headers were lost get
 * an inferred parent from hints, prose, quotes, attributions or subject, which only ever
 * links whole trees. Every link is checked for cycles before it is made.
 *
 * The steps are here; the tree, its order and its cycle-checked link are in thread-tree.ts,
 * the spellings of one id in thread-spellings.ts, inferred parents in thread-inference.ts,
 * and the last step (prune, merge, sort, wrap) in thread-collect.ts.
 */
import { isReplySubject, isThreadableId, normaliseInReplyTo } from './headers.ts';
import { collect } from './thread-collect.ts';
import { inference } from './thread-inference.ts';
import { type Resolved, resolver } from './thread-spellings.ts';
import {
  attach,
  type Dated,
  type Entry,
  entriesOf,
  isDated,
  push,
  rootOf,
  type Thread,
  type ThreadInput,
  type ThreadNode,
} from './thread-tree.ts';
import type { LinkKind } from './types.ts';

export interface ThreadOptions {
  /** Merge root threads whose normalised subjects match (JWZ step 5). Default false. */
  mergeSubjects?: boolean;
}

const GATEWAY = 'gateway suffix stripped';
const REWRITTEN = 'id rewritten by a gateway (domain differs)';
const JOINED = 'headers join it to this thread';

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
