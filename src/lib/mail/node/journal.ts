/**
 * Atomic writes in batches, for the importer. A message's files are staged in memory as one
 * group; `commit()` then writes every staged file to a temp name beside its target and makes
 * it durable (fdatasync before closing it, many files in flight at once), renames each
 * group's files in the order they were staged (so a raw file lands before the entry that
 * names it), removes what the group replaces, and fsyncs the folders, so what the importer
 * reports as written is on disk.
 *
 * A crash at any point leaves each file either as it was or as it is meant to be, never
 * half-written; at worst a hidden `.…tmp` file stays behind (the store ignores dot files),
 * which {@link removeLeftoverTemps} clears at the start of the next import.
 * Syncing a batch's files all at once instead of one after another is what makes a
 * 10,000-message import take seconds rather than half a minute.
 */
import { type Dirent, statSync } from 'node:fs';
import { pool } from '../../pool.ts';
import { type FileHandle, mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** What one group wants: files to write (in order) and files to remove once they are written. */
interface Group {
  tag: unknown;
  writes: { path: string; bytes: Buffer; temp?: string | undefined }[];
  removes: string[];
}

/** A group that could not be committed, and why. */
export interface JournalFailure {
  tag: unknown;
  error: Error;
}

/** How written files and renamed entries are made durable (tests put their own in). */
export interface Durability {
  /** A temp file just written, before it is closed. */
  file(handle: FileHandle): Promise<void>;
  /** A folder whose entries were renamed. */
  dir(path: string): Promise<void>;
}

/** Files, folders or groups in flight at once. */
const CONCURRENCY = 16;
let tempCounter = 0;

/**
 * fdatasync of each temp file while it is still open, many at once (the kernel groups them
 * into few journal commits), then fsync of each folder after the renames.
 */
export const fsyncEach: Durability = {
  file: (handle) => handle.datasync(),
  dir: async (path) => {
    const handle = await open(path, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
};

/** The temp file a commit writes before renaming it to `path`: hidden, beside it, named by this process. */
function tempName(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${++tempCounter}.tmp`);
}

/** A name {@link tempName} makes: `.` target name `.` pid `.` counter `.tmp`; group 1 is the pid. */
const TEMP_NAME = /^\..+\.(\d+)\.\d+\.tmp$/;

/** Whether process `pid` runs now (a process of another user counts as running). */
function running(pid: number): boolean {
  if (pid === process.pid) return false; // this process has written no temp yet when it sweeps
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temp files an interrupted commit left in `dir` and in the folders below it
 * the store reads (names without a dot): only names {@link tempName} makes, and only those
 * of a process that no longer runs, so an import at work elsewhere keeps its own. Returns
 * how many it removed; a missing `dir` has none.
 */
export async function removeLeftoverTemps(dir: string): Promise<number> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  let removed = 0;
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !entry.name.includes('.')) removed += await removeLeftoverTemps(path);
    const pid = TEMP_NAME.exec(entry.name)?.[1];
    if (entry.isFile() && pid !== undefined && !running(Number(pid))) {
      // Another sweep may have taken it first.
      const gone = await unlink(path).then(
        () => true,
        (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? false : Promise.reject(error)),
      );
      if (gone) removed++;
    }
  }
  return removed;
}

/** The bytes of `content` as a Buffer, without copying a Uint8Array. */
function toBuffer(content: string | Uint8Array): Buffer {
  return typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
}

export class Journal {
  readonly #groups: Group[] = [];
  readonly #touched = new Set<string>();
  readonly #durable: Durability;
  /** Groups that failed to commit, over the journal's life. */
  readonly failures: JournalFailure[] = [];

  constructor(opts: { durability?: Durability } = {}) {
    this.#durable = opts.durability ?? fsyncEach;
  }

  /** Groups staged and not yet committed. */
  get size(): number {
    return this.#groups.length;
  }

  /** Whether any of `paths` is written or removed by a staged group (commit first, then stage). */
  touches(paths: readonly string[]): boolean {
    return paths.some((p) => this.#touched.has(p));
  }

  /**
   * Stages one group. Files whose bytes on disk are already `content` are left out; the
   * result says, per file, whether it will change. The caller commits first when
   * {@link touches} is true for any of the group's paths.
   */
  async stage(
    tag: unknown,
    writes: readonly { path: string; content: string | Uint8Array }[],
    removes: readonly string[] = [],
  ): Promise<boolean[]> {
    const all = [...writes.map((w) => w.path), ...removes];
    if (this.touches(all)) throw new Error(`internal: ${all.find((p) => this.#touched.has(p))} is staged twice in one batch`);
    const group: Group = { tag, writes: [], removes: [...removes] };
    const changed: boolean[] = [];
    for (const { path, content } of writes) {
      const bytes = toBuffer(content);
      // Most targets are new: ask first, as a failed open costs an error object each.
      const current = statSync(path, { throwIfNoEntry: false }) ? await readFile(path).catch(() => null) : null;
      const same = current?.equals(bytes) ?? false;
      changed.push(!same);
      if (!same) group.writes.push({ path, bytes });
    }
    if (group.writes.length > 0 || group.removes.length > 0) {
      this.#groups.push(group);
      for (const p of all) this.#touched.add(p);
    }
    return changed;
  }

  /**
   * Writes, flushes and renames every staged group. Never throws: a group that fails is
   * recorded in {@link failures} with its error (and its temp files removed); the others
   * still land.
   */
  async commit(): Promise<void> {
    const groups = this.#groups.splice(0);
    this.#touched.clear();
    if (groups.length === 0) return;
    const failed = new Map<Group, Error>();
    const fail = (g: Group, error: unknown): void => {
      if (!failed.has(g)) failed.set(g, error instanceof Error ? error : new Error(String(error)));
    };
    const dirs = [...new Set(groups.flatMap((g) => g.writes.map((w) => dirname(w.path))))];
    await pool(dirs, CONCURRENCY, async (d) => {
      await mkdir(d, { recursive: true }).catch(() => undefined);
    });
    const writes = groups.flatMap((g) => g.writes.map((w) => ({ g, w })));
    await pool(writes, CONCURRENCY, async ({ g, w }) => {
      if (failed.has(g)) return;
      const temp = tempName(w.path);
      try {
        const handle = await open(temp, 'wx');
        w.temp = temp;
        try {
          await handle.writeFile(w.bytes);
          await this.#durable.file(handle);
        } finally {
          await handle.close();
        }
      } catch (error) {
        fail(g, error);
      }
    });
    await pool(groups, CONCURRENCY, async (g) => {
      if (failed.has(g)) return;
      try {
        for (const w of g.writes) {
          await rename(w.temp as string, w.path);
          w.temp = undefined;
        }
        for (const r of g.removes) await unlink(r).catch(() => undefined);
      } catch (error) {
        fail(g, error);
      }
    });
    // Temps of failed groups go; renamed files of a group that failed half-way stay (each is whole).
    await pool(writes, CONCURRENCY, async ({ w }) => {
      if (w.temp) await unlink(w.temp).catch(() => undefined);
    });
    try {
      await pool(dirs, CONCURRENCY, (d) => this.#durable.dir(d));
    } catch (error) {
      for (const g of groups) fail(g, error);
    }
    // In staging order: the order in which writes fail depends on the load of the moment.
    for (const g of groups) {
      const error = failed.get(g);
      if (error) this.failures.push({ tag: g.tag, error });
    }
  }
}
