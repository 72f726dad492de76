/**
 * The anchors of the shipped content, read from disk: every `<Margin>` and `<Passage>` of
 * the articles and every passage a note's `messages:` names, and the lock file recording
 * their words. Touches the file system (for `npm run anchors` and the tests); the build
 * reads the same through Astro's collections (src/site.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { type AnchorRef, anchorsInMdx, type LockedAnchor } from '../anchors.ts';

/** Where the lock lives under the repository `root`. */
export const lockFile = (root: string): string => join(root, 'src/content/anchors.json');

/** The recorded selectors. */
export function readLock(root: string): LockedAnchor[] {
  return JSON.parse(readFileSync(lockFile(root), 'utf8')) as LockedAnchor[];
}

/** The passages a note's frontmatter `messages:` names. */
export function anchorsInNote(source: string): AnchorRef[] {
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1] ?? '';
  const data = parse(front) as { messages?: unknown } | null;
  const messages = Array.isArray(data?.messages) ? data.messages : [];
  return messages.filter((m): m is string => typeof m === 'string').map((at) => ({ at }));
}

/** Every anchor of the articles and notes under `root`, in file order. */
export function contentAnchors(root: string): AnchorRef[] {
  const read = (dir: string, ext: string): string[] =>
    readdirSync(join(root, dir))
      .filter((f) => f.endsWith(ext))
      .sort()
      .map((f) => readFileSync(join(root, dir, f), 'utf8'));
  return [...read('src/content/articles', '.mdx').flatMap(anchorsInMdx), ...read('src/content/notes', '.md').flatMap(anchorsInNote)];
}
