/**
 * The message store: one `<slug>.md` per message (YAML frontmatter in a fixed key order,
 * then the body verbatim) and the raw bytes beside it as `<slug>.raw`. Writes are atomic
 * and skipped when the bytes would not change, so importing twice changes nothing.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parse, stringify } from 'yaml';
import { FILE_TIME_REPAIR } from '../dating.ts';
import { isDerivedId, slugOf } from '../ids.ts';
import { Journal } from './journal.ts';
import type { MessageData, ParsedMessage } from '../types.ts';

/** Frontmatter keys in the order they are written; keys not listed follow in their own order. */
export const KEY_ORDER = [
  'messageId',
  'aliases',
  'author',
  'date',
  'dateInferred',
  'subject',
  'inReplyTo',
  'inReplyToRaw',
  'references',
  'parentBasis',
  'list',
  'sourceFormat',
  'provenance',
  'raw',
  'repairs',
  'summary',
  'claims',
  'archive',
] as const satisfies ReadonlyArray<keyof MessageData>;

/** List name written when neither the message nor the existing entry names one. */
export const DEFAULT_LIST = 'linux-kernel';

/** One entry file read from the store. */
export interface StoredEntry {
  /** Path of the `.md` file. */
  path: string;
  data: MessageData;
  body: string;
  /** Frontmatter keys the schema does not know, kept as written. */
  extra: Record<string, unknown>;
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

/**
 * Entry text: `---`, YAML with every string double-quoted (JSON style, so a date never
 * turns into a timestamp and no line is folded), `---`, then the body unchanged.
 */
export function serializeEntry(data: MessageData, body: string, extra: Record<string, unknown> = {}): string {
  const ordered: Record<string, unknown> = {};
  const fields: Record<string, unknown> = { ...data };
  for (const key of KEY_ORDER) if (fields[key] !== undefined) ordered[key] = fields[key];
  for (const [key, value] of Object.entries(extra)) {
    if (value !== undefined && !(key in ordered) && !(KEY_ORDER as readonly string[]).includes(key)) ordered[key] = value;
  }
  const yaml = stringify(ordered, {
    defaultStringType: 'QUOTE_DOUBLE',
    defaultKeyType: 'PLAIN',
    doubleQuotedAsJSON: true,
    lineWidth: 0,
  });
  return `---\n${yaml}---\n${body}`;
}

/** Keys YAML would read as something other than their text (null, booleans). */
const SPECIAL_KEY = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;

/** A double-quoted scalar on one line, read as JSON; undefined when JSON cannot read it. */
function quoted(raw: string): string | undefined {
  if (!raw.startsWith('"') || !raw.endsWith('"')) return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The frontmatter {@link serializeEntry} writes, read without a YAML parser: `key: "…"`,
 * `key: null`, `key: []`, or `key:` then `  - "…"` lines. JSON and YAML read such one-line
 * double-quoted scalars alike. Anything else (hand-written entries, nested maps, numbers)
 * gives undefined and is left to the YAML parser; reading ten thousand entries this way
 * takes a tenth of the time.
 */
export function readOwnFrontmatter(text: string): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  let list: string[] | undefined;
  for (const line of lines) {
    if (line.startsWith('  - ')) {
      const item = list && quoted(line.slice(4));
      if (item === undefined) return undefined;
      list?.push(item);
      continue;
    }
    if (list?.length === 0) return undefined; // `key:` with nothing under it is null in YAML
    list = undefined;
    const m = /^([A-Za-z_][A-Za-z0-9_]*):(?: (.*))?$/.exec(line);
    const key = m?.[1];
    if (!m || key === undefined || SPECIAL_KEY.test(key) || Object.hasOwn(out, key)) return undefined;
    const raw = m[2];
    if (raw === undefined) {
      list = [];
      out[key] = list;
    } else if (raw === 'null') out[key] = null;
    else if (raw === '[]') out[key] = [];
    else {
      const value = quoted(raw);
      if (value === undefined) return undefined;
      out[key] = value;
    }
  }
  return list?.length === 0 ? undefined : out;
}

/** Splits entry text into frontmatter data, unknown keys and body. Throws on malformed text. */
export function parseEntry(text: string): Omit<StoredEntry, 'path'> {
  const open = /^\uFEFF?---[ \t]*\r?\n/.exec(text);
  if (!open) throw new Error('no frontmatter');
  const close = /^---[ \t]*(?:\r?\n|$)/m;
  const rest = text.slice(open[0].length);
  const end = close.exec(rest);
  if (!end) throw new Error('unterminated frontmatter');
  const yaml = rest.slice(0, end.index);
  const parsed: unknown = readOwnFrontmatter(yaml) ?? parse(yaml);
  if (typeof parsed !== 'object' || parsed === null || typeof (parsed as { messageId?: unknown }).messageId !== 'string') {
    throw new Error('frontmatter has no messageId');
  }
  const known: Record<string, unknown> = {};
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if ((KEY_ORDER as readonly string[]).includes(key)) known[key] = value;
    else extra[key] = value;
  }
  const data = known as unknown as MessageData;
  return {
    data: { ...data, aliases: Array.isArray(data.aliases) ? data.aliases : [] },
    body: rest.slice(end.index + end[0].length),
    extra,
  };
}

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

function unique(ids: Iterable<string>, except: string): string[] {
  return [...new Set(ids)].filter((id) => id !== except);
}

/** True when `message` is a hypermail page and `old` already holds the full mail (mbox/eml). */
export function keepsExistingBody(message: ParsedMessage, old: MessageData | undefined): boolean {
  return message.sourceFormat.startsWith('hypermail-') && (old?.sourceFormat === 'mbox' || old?.sourceFormat === 'eml');
}

/**
 * Frontmatter and body for `message`, merged into the entry that exists for it:
 * our authored `summary`, `claims`, `archive` and `parentBasis` stay; parent links the new
 * message lacks stay; a hypermail page never replaces an mbox/eml body (it only adds its
 * id as an alias) nor an existing date for the same instant (which keeps the sender's
 * offset, where hypermail shows the archive's zone); otherwise the new text replaces the old and provenance is `imported`.
 * `dateInferred` and `repairs` describe the new copy only: a clean copy of a repaired message drops them.
 * `writeRaw` is false when the raw bytes of the existing entry stay.
 */
export function mergeMessage(
  message: ParsedMessage,
  existing: Pick<StoredEntry, 'data' | 'body'> | undefined,
  rawName: string,
): { data: MessageData; body: string; writeRaw: boolean } {
  const old = existing?.data;
  if (existing && old && keepsExistingBody(message, old)) {
    const aliases = unique([...old.aliases, message.messageId, ...message.aliases], old.messageId);
    return { data: { ...old, aliases }, body: existing.body, writeRaw: false };
  }
  const keepParent = message.inReplyTo === null && message.inReplyToRaw === undefined;
  // A hypermail date is in the archive's zone; an existing date for the same instant keeps the sender's offset.
  const sameInstant = old !== undefined && Date.parse(old.date) === Date.parse(message.date);
  // A date that only a file's modification time gave moves whenever the file is touched (a
  // fresh checkout): the first one stays, so importing the same mail again changes nothing.
  const fileTimeAgain = (m: { repairs?: string[] } | undefined): boolean => m?.repairs?.includes(FILE_TIME_REPAIR) === true;
  const keepFileTime = old !== undefined && fileTimeAgain(message) && fileTimeAgain(old);
  const date = (message.sourceFormat.startsWith('hypermail-') && sameInstant) || keepFileTime ? (old?.date ?? message.date) : message.date;
  const inReplyToRaw = keepParent ? old?.inReplyToRaw : message.inReplyToRaw;
  const formerId = old && old.messageId !== message.messageId && isDerivedId(old.messageId) ? [old.messageId] : [];
  const data: MessageData = {
    messageId: message.messageId,
    aliases: unique([...(old?.aliases ?? []), ...formerId, ...message.aliases], message.messageId),
    author: message.author,
    date,
    ...(message.dateInferred !== undefined && {
      dateInferred: keepFileTime ? (old?.dateInferred ?? message.dateInferred) : message.dateInferred,
    }),
    subject: message.subject,
    inReplyTo: keepParent ? (old?.inReplyTo ?? null) : message.inReplyTo,
    ...(inReplyToRaw !== undefined && { inReplyToRaw }),
    references: message.references.length > 0 ? message.references : (old?.references ?? []),
    ...(old?.parentBasis !== undefined && { parentBasis: old.parentBasis }),
    list: message.list ?? old?.list ?? DEFAULT_LIST,
    sourceFormat: message.sourceFormat,
    provenance: 'imported',
    raw: rawName,
    ...(message.repairs !== undefined && message.repairs.length > 0 && { repairs: message.repairs }),
    ...(old?.summary !== undefined && { summary: old.summary }),
    ...(old?.claims !== undefined && { claims: old.claims }),
    ...(old?.archive !== undefined && { archive: old.archive }),
  };
  return { data, body: message.body, writeRaw: true };
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
