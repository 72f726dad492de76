/**
 * The threading's last step (thread.ts): childless ghosts pruned, root threads with one
 * subject merged when asked, every node's replies sorted by date (a ghost by the earliest
 * message below it), and each root wrapped as a Thread with its subject and size.
 */
import { normaliseSubject } from './headers.ts';
import { attach, byTime, type Entry, type Thread, type ThreadNode } from './thread-tree.ts';

/** Prunes childless ghosts, merges subjects if asked, sorts, and wraps the roots as threads. */
export function collect(table: Map<string, ThreadNode>, entries: Entry[], mergeSubjects: boolean): Thread[] {
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
