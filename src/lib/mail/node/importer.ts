/**
 * `npm run import`: files and folders of raw mail → entries in the message store.
 * One broken message never stops the batch; it becomes a Rejection with its position.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodePage, looksLikeHypermail, parseHypermail } from '../hypermail.ts';
import { dateFromFile } from '../dating.ts';
import { Journal, removeLeftoverTemps } from './journal.ts';
import { isFromLine, isGzip, looksLikeMbox, splitMbox } from '../mbox.ts';
import { parseMessage } from '../parse.ts';
import { sanitizeMessage } from '../sanitize.ts';
import { findEntry, loadStore, writeEntry } from './store.ts';
import type { WriteOutcome } from './store.ts';
import type { InputPosition, ParsedMessage, ReadMessage, Rejection } from '../types.ts';

/** Options of {@link importPaths}. */
export interface ImportOptions {
  /** Directory of message entries, e.g. `src/content/messages`. */
  dir: string;
  /** JSON object mapping derived ids to real Message-IDs; a missing file means no aliases. */
  aliasesFile?: string;
  /**
   * Receives warnings (unreadable store entries, reused Message-IDs), the repairs made to
   * each message and the count of temp files removed; silent when absent.
   */
  log?: (line: string) => void;
  /** The import's clock (epoch ms): a Date more than a day after it is treated as broken; default now. */
  now?: number;
}

/** Counts of one import run; `updated` includes a later copy of a message in the same batch. */
export interface ImportResult {
  imported: number;
  updated: number;
  unchanged: number;
  /** Of the imported and updated messages, how many needed a repair (their entries list them). */
  repaired: number;
  rejected: Rejection[];
  /** Temp files an interrupted import had left in the entries folder, removed before this one began. */
  tempsRemoved: number;
}

export { FUTURE_SLACK_MS } from '../dating.ts';

/** Largest decompressed size of a .gz input, in bytes. */
export const MAX_INFLATED_BYTES = 1024 * 1024 * 1024;

/** Messages staged before their files are written, synced and renamed together (see journal.ts). */
const BATCH = 500;

/** File names picked up when walking a folder; other files are skipped. */
const IMPORTABLE = /\.(?:mbox|mbox\.gz|gz|eml|txt|html?)$/i;

/** Reads a derived-id → Message-ID table. A missing file is an empty table; malformed JSON throws. */
export async function loadAliases(file: string | undefined): Promise<Map<string, string>> {
  if (file === undefined) return new Map();
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }
  const table: unknown = JSON.parse(text);
  if (typeof table !== 'object' || table === null || Array.isArray(table)) throw new Error(`${file}: not a JSON object`);
  const aliases = new Map<string, string>();
  for (const [from, to] of Object.entries(table)) {
    if (typeof to !== 'string') throw new Error(`${file}: alias ${from} does not map to a string`);
    aliases.set(from, to);
  }
  return aliases;
}

/**
 * Input files under `paths` in a stable order: files as given, folders walked recursively
 * (sorted, hidden entries skipped) for .mbox, .mbox.gz, .gz, .eml, .txt, .html and files
 * without an extension. Paths that do not exist are returned too, to be reported.
 */
export async function collectFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile() && (IMPORTABLE.test(entry.name) || !entry.name.includes('.'))) files.push(path);
    }
  };
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) await walk(path);
    else files.push(path);
  }
  return files;
}

/** Applies the alias table: a derived id with a known real id becomes an alias of it. */
function applyAliases(message: ParsedMessage, aliases: ReadonlyMap<string, string>): ParsedMessage {
  const real = aliases.get(message.messageId);
  if (real === undefined || real === message.messageId) return message;
  return { ...message, messageId: real, aliases: [...new Set([...message.aliases, message.messageId])] };
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A message to parse, with where it came from. */
interface Candidate {
  index: number;
  line: number;
  parse: () => Promise<ReadMessage>;
}

/** The messages in one file's bytes, by sniffing the content (mbox, hypermail page, else .eml). */
function candidates(bytes: Uint8Array, now: number): Candidate[] {
  const firstLine = new TextDecoder('latin1').decode(bytes.subarray(0, 1000)).split('\n')[0] ?? '';
  if (looksLikeMbox(bytes) && isFromLine(firstLine)) {
    return splitMbox(bytes).messages.map((m) => ({
      index: m.index,
      line: m.line,
      parse: () => parseMessage(m.raw, 'mbox', { fromLine: m.fromLine, now }),
    }));
  }
  if (looksLikeHypermail(decodePage(bytes))) return [{ index: 1, line: 1, parse: async () => parseHypermail(bytes, now) }];
  return [{ index: 1, line: 1, parse: () => parseMessage(bytes, 'eml', { now }) }];
}

async function readInput(file: string): Promise<Uint8Array> {
  const bytes = await readFile(file);
  if (!isGzip(bytes)) return bytes;
  try {
    return gunzipSync(bytes, { maxOutputLength: MAX_INFLATED_BYTES });
  } catch (error) {
    throw new Error(`cannot decompress: ${reason(error)}`);
  }
}

/** A message of the batch, parsed and checked, with where it came from. */
interface Parsed extends InputPosition {
  message: ParsedMessage;
}

/**
 * The messages of one file, parsed, dated (those that nothing in themselves dates take the
 * date of a neighbour in the file, else the file's modification time: see dating.ts),
 * aliased and sanitised; input that is not a message as rejections.
 */
async function parseFile(
  file: string,
  aliases: ReadonlyMap<string, string>,
  now: number,
): Promise<{ parsed: Parsed[]; rejected: Rejection[] }> {
  const out: { parsed: Parsed[]; rejected: Rejection[] } = { parsed: [], rejected: [] };
  let found: Candidate[];
  let mtimeMs: number;
  try {
    found = candidates(await readInput(file), now);
    mtimeMs = (await stat(file)).mtimeMs;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    out.rejected.push({ file, index: 1, line: 1, reason: code === 'ENOENT' ? 'no such file or folder' : reason(error) });
    return out;
  }
  const read: (InputPosition & { message: ReadMessage })[] = [];
  for (const { index, line, parse } of found) {
    try {
      read.push({ file, index, line, message: await parse() });
    } catch (error) {
      out.rejected.push({ file, index, line, reason: reason(error) });
    }
  }
  for (const { message, ...at } of dateFromFile(read, mtimeMs)) {
    try {
      out.parsed.push({ ...at, message: sanitizeMessage(applyAliases(message, aliases)) });
    } catch (error) {
      out.rejected.push({ ...at, reason: reason(error) });
    }
  }
  return out;
}

/** Whether two copies of one Message-ID say the same thing (mail merged from two folders often repeats). */
function sameContent(a: ParsedMessage, b: ParsedMessage): boolean {
  return a.body === b.body && a.subject === b.subject && a.author === b.author && a.date === b.date;
}

const isMail = (m: ParsedMessage): boolean => m.sourceFormat === 'mbox' || m.sourceFormat === 'eml';
const where = (p: InputPosition): string => `${p.file}:${p.line} (message ${p.index})`;

/**
 * Imports every message under `paths` into `opts.dir` (see {@link collectFiles} for what is
 * read). Each message is parsed, mapped through the alias table, sanitised (see
 * sanitize.ts), merged with the entry that exists for it and written atomically, in batches
 * of {@link BATCH} with one flush each (see journal.ts); a batch that fails to land is
 * reported message by message and the batches before it stay; nothing
 * is written when nothing changed. Only input that is not a message is rejected; a message
 * with a missing, unparseable or future Date (more than a day after `opts.now`) is dated
 * another way and says so (see dating.ts). Temp files an interrupted import left in
 * `opts.dir` are removed first. A Message-ID repeated in the batch is an update: the last
 * full-mail copy wins. An earlier copy is only written when the store has no entry yet, so
 * importing twice changes nothing.
 */
export async function importPaths(paths: readonly string[], opts: ImportOptions): Promise<ImportResult> {
  const aliases = await loadAliases(opts.aliasesFile);
  const tempsRemoved = await removeLeftoverTemps(opts.dir);
  if (tempsRemoved > 0)
    opts.log?.(`removed ${tempsRemoved} temp file${tempsRemoved === 1 ? '' : 's'} an interrupted import left in ${opts.dir}`);
  const store = await loadStore(opts.dir);
  for (const problem of store.problems) opts.log?.(`warning: ${problem}`);
  const result: ImportResult = { imported: 0, updated: 0, unchanged: 0, repaired: 0, rejected: [], tempsRemoved };
  const now = opts.now ?? Date.now();
  const batch: Parsed[] = [];
  const files = await collectFiles(paths);
  for (const file of files) {
    const { parsed, rejected } = await parseFile(file, aliases, now);
    batch.push(...parsed);
    result.rejected.push(...rejected);
  }
  const journal = new Journal();
  const outcomes = new Map<Parsed, WriteOutcome>();
  const last = new Map<string, Parsed>();
  for (const item of batch) last.set(item.message.messageId, item);
  for (const item of batch) {
    const { message } = item;
    const final = last.get(message.messageId);
    if (final && final !== item) {
      // A hypermail copy only adds an alias to full mail, so it does not replace this one.
      const replaced = isMail(final.message) && isMail(message);
      if (replaced && !sameContent(final.message, message)) {
        opts.log?.(
          `warning: ${where(item)}: Message-ID <${message.messageId}> is used again at ${where(final)} with other content; the later copy is kept`,
        );
      }
      if (replaced && findEntry(store, [message.messageId, ...message.aliases])) {
        outcomes.set(item, 'unchanged');
        continue;
      }
    }
    try {
      outcomes.set(item, await writeEntry(store, message, journal, item));
    } catch (error) {
      result.rejected.push({ file: item.file, index: item.index, line: item.line, reason: reason(error) });
    }
    if (journal.size >= BATCH) await journal.commit();
  }
  await journal.commit();
  for (const { tag, error } of journal.failures) {
    const item = tag as Parsed;
    outcomes.delete(item);
    result.rejected.push({ file: item.file, index: item.index, line: item.line, reason: `not written: ${reason(error)}` });
  }
  for (const [item, outcome] of outcomes) {
    result[outcome]++;
    const repairs = item.message.repairs ?? [];
    if (outcome === 'unchanged' || repairs.length === 0) continue;
    result.repaired++;
    opts.log?.(`repaired ${where(item)}: ${repairs.join('; ')}`);
  }
  // Rejections in input order, whether found while parsing or while writing.
  const fileOrder = new Map(files.map((f, i) => [f, i]));
  result.rejected.sort((a, b) => (fileOrder.get(a.file) ?? 0) - (fileOrder.get(b.file) ?? 0) || a.index - b.index);
  return result;
}
