/**
 * The message store: one `<slug>.md` per message (its text is entry-file.ts's: YAML
 * frontmatter in the schema's key order, then the body verbatim) and the raw bytes beside it
 * as `<slug>.raw`. Writes are atomic and skipped when the bytes would not change, so
 * importing twice changes nothing; what an import keeps of an existing entry is
 * entry-merge.ts's.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { type EntryText, parseEntry, serializeEntry } from '../entry-file.ts';
import { keepsExistingBody, mergeMessage } from '../entry-merge.ts';
import { slugOf } from '../ids.ts';
import type { ParsedMessage } from '../types.ts';
import { Journal } from './journal.ts';

/** One entry file read from the store. */
export interface StoredEntry extends EntryText {
  /** Path of the `.md` file. */
  path: string;
}

/** Entries of a store directory, indexed by messageId and by every alias. */
export interface Store {
  dir: string;
  byId: Map<string, StoredEntry>;
  /** Files that could not be read as entries (they are left alone). */
  problems: string[];
}

/** What writing one message did. */
export type WriteOutcome = 'imported' | 'updated' | 'unchanged';

async function listMarkdown(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const files: string[] = [];
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    if (name.endsWith('.md')) files.push(path);
    else if (!name.includes('.')) files.push(...(await listMarkdown(path).catch(() => [])));
  }
  return files;
}

function index(store: Store, entry: StoredEntry): void {
  for (const id of [entry.data.messageId, ...entry.data.aliases]) {
    const other = store.byId.get(id);
    if (other && other.path !== entry.path) store.problems.push(`${entry.path}: id ${id} is also used by ${other.path}`);
    else store.byId.set(id, entry);
  }
}

/** Reads every `.md` entry under `dir` (missing dir → empty store). Unreadable files go to `problems`. */
export async function loadStore(dir: string): Promise<Store> {
  const store: Store = { dir, byId: new Map(), problems: [] };
  for (const path of await listMarkdown(dir)) {
    try {
      index(store, { path, ...parseEntry(await readFile(path, 'utf8')) });
    } catch (error) {
      store.problems.push(`${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return store;
}

/** The entry known by any of `ids` (messageId or alias), if any. */
export function findEntry(store: Store, ids: readonly string[]): StoredEntry | undefined {
  for (const id of ids) {
    const entry = store.byId.get(id);
    if (entry) return entry;
  }
  return undefined;
}

/** Where the entry for `message` lives: a hand-named file stays put; importer-named files follow the id. */
function entryPath(store: Store, message: ParsedMessage, existing: StoredEntry | undefined): string {
  if (!existing) return join(store.dir, `${slugOf(message.messageId)}.md`);
  const id = keepsExistingBody(message, existing.data) ? existing.data.messageId : message.messageId;
  const importerNamed = basename(existing.path) === `${slugOf(existing.data.messageId)}.md`;
  return importerNamed && id !== existing.data.messageId ? join(store.dir, `${slugOf(id)}.md`) : existing.path;
}

/**
 * Merges `message` into the store (see {@link mergeMessage}) and writes its entry and raw
 * bytes atomically, raw first so an entry never names a missing file. Unchanged bytes are
 * not rewritten. Refuses to overwrite a file that is not a readable entry.
 *
 * With a `journal` the files are only staged, tagged with `tag`, and land when the
 * journal commits (a failure then shows in `journal.failures`); without one they are
 * written before this returns.
 */
export async function writeEntry(
  store: Store,
  message: ParsedMessage,
  journal?: Journal,
  tag: unknown = message.messageId,
): Promise<WriteOutcome> {
  const own = journal === undefined;
  const batch = journal ?? new Journal();
  const existing = findEntry(store, [message.messageId, ...message.aliases]);
  const path = entryPath(store, message, existing);
  if (!existing && existsSync(path)) {
    throw new Error(`${path} exists but is not a readable entry; not overwriting it`);
  }
  const rawName = `${basename(path, '.md')}.raw`;
  const rawPath = join(dirname(path), rawName);
  const merged = mergeMessage(message, existing, rawName);
  const moved = existing !== undefined && existing.path !== path;
  const removes: string[] = [];
  if (existing && moved) {
    removes.push(existing.path);
    const oldRaw = existing.data.raw;
    if (oldRaw && oldRaw === basename(oldRaw) && oldRaw !== rawName) removes.push(join(dirname(existing.path), oldRaw));
  }
  const writes = [
    ...(merged.writeRaw ? [{ path: rawPath, content: message.raw }] : []),
    { path, content: serializeEntry(merged.data, merged.body, existing?.extra) },
  ];
  if (batch.touches([...writes.map((w) => w.path), ...removes])) await batch.commit();
  const changed = await batch.stage(tag, writes, removes);
  const rawChanged = merged.writeRaw && changed[0] === true;
  const entryChanged = changed.at(-1) === true;
  if (own) {
    await batch.commit();
    const failure = batch.failures[0];
    if (failure) throw failure.error;
  }
  if (existing) for (const id of [existing.data.messageId, ...existing.data.aliases]) store.byId.delete(id);
  index(store, { path, data: merged.data, body: merged.body, extra: existing?.extra ?? {} });
  if (!existing) return 'imported';
  return rawChanged || entryChanged || moved ? 'updated' : 'unchanged';
}
