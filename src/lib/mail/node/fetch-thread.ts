/**
 * Downloads threads from public-inbox archives for `npm run import`: every URL is fetched
 * and checked ({@link checkThreadMbox}) into a private folder in the OS temp dir before the
 * importer reads any of it, and the folder is removed afterwards, also on failure.
 */
import { rmSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { concatBytes } from '../../bytes.ts';
import { isFromLine, isGzip, looksLikeMbox, splitMbox } from '../mbox.ts';
import { isUrlArgument, loreThread, parseMessageUrl } from '../public-inbox.ts';
import type { ThreadSource } from '../public-inbox.ts';

/** Options of {@link downloadThread} and {@link fetchInputs}. */
export interface FetchOptions {
  /** How long one download may take in all, from connecting to the last byte, in ms. */
  timeoutMs: number;
  /** Largest download accepted, compressed or not, in bytes; default {@link MAX_THREAD_BYTES}. */
  maxBytes?: number;
}

/** The importer's inputs once every thread is on disk. */
export interface FetchedInputs {
  /** The arguments with each URL replaced by its downloaded mbox, then the `--lore` threads. */
  paths: string[];
  /** The URL a downloaded file came from (for messages about it); other paths as they are. */
  label(path: string): string;
  /** Removes the downloads; safe to call more than once. */
  remove(): Promise<void>;
}

/** Largest thread mbox accepted after decompression, in bytes. */
export const MAX_THREAD_BYTES = 512 * 1024 * 1024;

/** The first line of `bytes`, shortened and with control characters shown as `?`, for errors. */
function opening(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200)).trimStart();
  const line = head.split(/\r?\n/)[0] ?? '';
  const shown = line.replace(/[\x00-\x1f\x7f-\x9f]/g, '?');
  return JSON.stringify(shown.length > 40 ? `${shown.slice(0, 40)}…` : shown);
}

/**
 * Checks a downloaded thread before anything is imported from it and returns the mbox
 * bytes: gzip is inflated (at most `maxBytes`), and the result must start with a `From `
 * line carrying a time and a header field, as public-inbox's `t.mbox.gz` does. An HTML
 * page, an empty body or a gzip of something else throws a one-line `not an mbox` error.
 */
export function checkThreadMbox(download: Uint8Array, maxBytes = MAX_THREAD_BYTES): Uint8Array {
  let bytes = download;
  if (isGzip(bytes)) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: maxBytes });
    } catch (error) {
      throw new Error(`not an mbox: the gzip data cannot be inflated (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  if (bytes.length === 0) throw new Error('not an mbox: the download is empty');
  const firstLine = new TextDecoder('latin1').decode(bytes.subarray(0, 1000)).split('\n')[0] ?? '';
  if (!looksLikeMbox(bytes) || !isFromLine(firstLine)) throw new Error(`not an mbox: it starts with ${opening(bytes)}`);
  const first = splitMbox(bytes.subarray(0, Math.min(bytes.length, 64 * 1024))).messages[0];
  const header = new TextDecoder('latin1').decode(first?.raw.subarray(0, 1000) ?? new Uint8Array(0));
  if (!/^[!-9;-~]+:/.test(header)) throw new Error(`not an mbox: the first message after ${opening(bytes)} has no header fields`);
  return bytes;
}

const USER_AGENT = 'slowest-side-import (fetches one thread mbox per command)';

/** The system error code (`ECONNREFUSED` …) and message behind a failed fetch. */
function causeOf(error: unknown): { code: string | undefined; message: string } {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return { code: (cause as NodeJS.ErrnoException).code, message: cause instanceof Error ? cause.message : String(cause) };
}

/** A one-line reason for a failed request, naming the URL. */
function fetchError(error: unknown, url: string, timedOut: boolean, timeoutMs: number): Error {
  if (timedOut) return new Error(`no answer from ${url} within ${timeoutMs / 1000} s (allow longer with --timeout <seconds>)`);
  const { code, message } = causeOf(error);
  const host = new URL(url).host;
  if (code === 'ECONNREFUSED') return new Error(`cannot connect to ${host}: connection refused (${url})`);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new Error(`cannot find the host ${host} (${url})`);
  return new Error(`cannot fetch ${url}: ${message}`);
}

/** The whole body, refusing more than `maxBytes`. */
async function readBody(response: Response, url: string, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (response.body) {
    for await (const chunk of response.body) {
      size += chunk.length;
      if (size > maxBytes) throw new Error(`${url}: the download is larger than ${maxBytes} bytes`);
      chunks.push(chunk);
    }
  }
  return concatBytes(chunks);
}

/**
 * Fetches `source.mboxUrl` and returns the thread's mbox, inflated and checked. Throws a
 * one-line error for a 404 (the message is not in that archive), another HTTP error, a
 * timeout, a refused connection or a body that is not an mbox.
 */
export async function downloadThread(source: ThreadSource, opts: FetchOptions): Promise<Uint8Array> {
  const url = source.mboxUrl;
  const maxBytes = opts.maxBytes ?? MAX_THREAD_BYTES;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), Math.min(opts.timeoutMs, 2 ** 31 - 1));
  try {
    let body: Uint8Array;
    try {
      const response = await fetch(url, { signal: controller.signal, headers: { 'user-agent': USER_AGENT } });
      if (!response.ok) {
        await response.body?.cancel();
        if (response.status === 404) {
          throw new Error(`<${source.messageId}> is not in the archive at ${source.inboxUrl} (HTTP 404 for ${url})`);
        }
        throw new Error(`${url} answered HTTP ${response.status} ${response.statusText}`.trimEnd());
      }
      body = await readBody(response, url, maxBytes);
    } catch (error) {
      if (controller.signal.aborted) throw fetchError(error, url, true, opts.timeoutMs);
      if (error instanceof TypeError) throw fetchError(error, url, false, opts.timeoutMs);
      throw error;
    }
    try {
      return checkThreadMbox(body, maxBytes);
    } catch (error) {
      throw new Error(`${url}: ${error instanceof Error ? error.message : String(error)}`);
    }
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Turns the import's arguments into files: each argument that is a URL must be a
 * public-inbox message URL and each `--lore` id a Message-ID (all are checked before any
 * request), then every thread is downloaded, one after another, into a new folder in the
 * OS temp dir. If any fails, the folder is removed and the error thrown, so nothing is
 * imported. Without URLs or ids the arguments come back unchanged and nothing is created.
 * While the folder exists, SIGINT and SIGTERM remove it before the process ends.
 */
export async function fetchInputs(args: readonly string[], loreIds: readonly string[], opts: FetchOptions): Promise<FetchedInputs> {
  const sources = new Map<number, ThreadSource>();
  args.forEach((arg, i) => {
    if (isUrlArgument(arg)) sources.set(i, parseMessageUrl(arg));
  });
  const lore = loreIds.map(loreThread);
  if (sources.size === 0 && lore.length === 0) return { paths: [...args], label: (path) => path, remove: async () => {} };

  const dir = await mkdtemp(join(tmpdir(), 'slowest-side-fetch-'));
  const onSignal = (signal: NodeJS.Signals) => {
    rmSync(dir, { recursive: true, force: true });
    process.kill(process.pid, signal); // the handler is gone (once), so this ends the process as the signal would
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const remove = async () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await rm(dir, { recursive: true, force: true });
  };

  const origins = new Map<string, string>();
  const download = async (source: ThreadSource): Promise<string> => {
    const bytes = await downloadThread(source, opts);
    const file = join(dir, `thread-${origins.size + 1}.mbox`);
    await writeFile(file, bytes, { mode: 0o600 });
    origins.set(file, source.mboxUrl);
    return file;
  };
  try {
    const paths: string[] = [];
    for (const [i, arg] of args.entries()) {
      const source = sources.get(i);
      paths.push(source ? await download(source) : arg);
    }
    for (const source of lore) paths.push(await download(source));
    return { paths, label: (path) => origins.get(path) ?? path, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
