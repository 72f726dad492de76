/**
 * `npm run import`: files and folders of raw mail → entries in the message store.
 * One broken message never stops the batch; it becomes a Rejection with its position.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodePage, looksLikeHypermail, parseHypermail } from './hypermail.ts';
import { isFromLine, isGzip, looksLikeMbox, splitMbox } from './mbox.ts';
import { parseMessage } from './parse.ts';
import { loadStore, writeEntry } from './store.ts';
import type { Store, WriteOutcome } from './store.ts';
import type { ParsedMessage, Rejection } from './types.ts';

/** Options of {@link importPaths}. */
export interface ImportOptions {
  /** Directory of message entries, e.g. `src/content/messages`. */
  dir: string;
  /** JSON object mapping derived ids to real Message-IDs; a missing file means no aliases. */
  aliasesFile?: string;
  /** Receives warnings (unreadable store entries); silent when absent. */
  log?: (line: string) => void;
}

/** Counts of one import run; `updated` includes a later copy of a message in the same batch. */
export interface ImportResult {
  imported: number;
  updated: number;
  unchanged: number;
  rejected: Rejection[];
}

/** Largest decompressed size of a .gz input, in bytes. */
export const MAX_INFLATED_BYTES = 1024 * 1024 * 1024;

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
  parse: () => Promise<ParsedMessage>;
}

/** The messages in one file's bytes, by sniffing the content (mbox, hypermail page, else .eml). */
function candidates(bytes: Uint8Array): Candidate[] {
  const firstLine = new TextDecoder('latin1').decode(bytes.subarray(0, 1000)).split('\n')[0] ?? '';
  if (looksLikeMbox(bytes) && isFromLine(firstLine)) {
    return splitMbox(bytes).messages.map((m) => ({ index: m.index, line: m.line, parse: () => parseMessage(m.raw, 'mbox') }));
  }
  if (looksLikeHypermail(decodePage(bytes))) return [{ index: 1, line: 1, parse: async () => parseHypermail(bytes) }];
  return [{ index: 1, line: 1, parse: () => parseMessage(bytes, 'eml') }];
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

async function importFile(file: string, store: Store, aliases: ReadonlyMap<string, string>, result: ImportResult): Promise<void> {
  let found: Candidate[];
  try {
    found = candidates(await readInput(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    result.rejected.push({ file, index: 1, line: 1, reason: code === 'ENOENT' ? 'no such file or folder' : reason(error) });
    return;
  }
  for (const { index, line, parse } of found) {
    try {
      const outcome: WriteOutcome = await writeEntry(store, applyAliases(await parse(), aliases));
      result[outcome]++;
    } catch (error) {
      result.rejected.push({ file, index, line, reason: reason(error) });
    }
  }
}

/**
 * Imports every message under `paths` into `opts.dir` (see {@link collectFiles} for what is
 * read). Each message is parsed, mapped through the alias table, merged with the entry
 * that exists for it and written atomically; nothing is written when nothing changed.
 */
export async function importPaths(paths: readonly string[], opts: ImportOptions): Promise<ImportResult> {
  const aliases = await loadAliases(opts.aliasesFile);
  const store = await loadStore(opts.dir);
  for (const problem of store.problems) opts.log?.(`warning: ${problem}`);
  const result: ImportResult = { imported: 0, updated: 0, unchanged: 0, rejected: [] };
  for (const file of await collectFiles(paths)) await importFile(file, store, aliases, result);
  return result;
}
