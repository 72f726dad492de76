/**
 * downloadThread and fetchInputs against a small HTTP server on 127.0.0.1 that this file
 * starts: it serves a thread mbox (gzip'd or plain, in one piece or two), error statuses,
 * an HTML page, an answer that stalls and one that comes late. Hosts that cannot be
 * reached by name (DNS failures) are a stubbed fetch rejecting as undici does.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkThreadMbox, downloadThread, fetchInputs } from '../../../../src/lib/mail/node/fetch-thread.ts';
import { threadSource } from '../../../../src/lib/mail/public-inbox.ts';

const USER_AGENT = 'slowest-side-import (fetches one thread mbox per command)';

/** A two-message thread, written for these tests. */
const MBOX = new TextEncoder().encode(
  [
    'From ada@example.org Thu Jun 27 11:46:28 2002',
    'From: Ada Placeholder <ada@example.org>',
    'Subject: the slowest side',
    'Message-ID: <root.1@example.org>',
    'Date: Thu, 27 Jun 2002 11:46:28 +0200',
    '',
    'Which side is slowest?',
    '',
    'From bo@example.net Thu Jun 27 12:01:02 2002',
    'From: Bo Invented <bo@example.net>',
    'Subject: Re: the slowest side',
    'Message-ID: <reply.2@example.net>',
    'In-Reply-To: <root.1@example.org>',
    '',
    'The other one.',
    '',
  ].join('\n'),
);
const GZIPPED = gzipSync(MBOX);

let server: Server;
let inbox: string;
const userAgents: string[] = [];
const timers = new Set<NodeJS.Timeout>();
const later = (ms: number, fn: () => void) => {
  const t = setTimeout(() => {
    timers.delete(t);
    fn();
  }, ms);
  timers.add(t);
};

beforeAll(async () => {
  server = createServer((req, res) => {
    userAgents.push(req.headers['user-agent'] ?? '');
    const id = decodeURIComponent((req.url ?? '').split('/')[2] ?? '');
    const local = id.split('@')[0];
    switch (local) {
      case 'gz':
        res.writeHead(200, { 'content-type': 'application/gzip' }).end(GZIPPED);
        return;
      case 'plain':
        res.writeHead(200).end(MBOX);
        return;
      case 'halves':
        // Two chunks well apart, so the client reads them one by one.
        res.writeHead(200).write(MBOX.subarray(0, 100));
        later(30, () => res.end(MBOX.subarray(100)));
        return;
      case 'missing':
        res.writeHead(404, { 'content-type': 'text/html' }).end('<html>no such message</html>');
        return;
      case 'busy':
        res.writeHead(503, 'Service Unavailable').end('try later');
        return;
      case 'bare':
        res.writeHead(500, '').end('oops');
        return;
      case 'same':
        res.writeHead(304).end();
        return;
      case 'nothing':
        res.writeHead(204).end();
        return;
      case 'html':
        res.writeHead(200, { 'content-type': 'text/html' }).end('<!DOCTYPE html>\n<html><body>Checking your browser</body></html>');
        return;
      case 'stall':
        // Headers and half the mbox now, the rest only long after the test's timeout.
        res.writeHead(200).write(MBOX.subarray(0, 50));
        later(400, () => res.end(MBOX.subarray(50)));
        return;
      case 'late':
        later(40, () => res.writeHead(200).end(GZIPPED));
        return;
      default:
        res.writeHead(400).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  inbox = `http://127.0.0.1:${(server.address() as { port: number }).port}/inbox`;
});

afterAll(async () => {
  for (const t of timers) clearTimeout(t);
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** The message `promise` rejects with (fails the test if it resolves). */
async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('expected a rejection');
}

const source = (local: string) => threadSource(inbox, `${local}@example.org`);
const url = (local: string) => `${inbox}/${local}@example.org/t.mbox.gz`;

describe('downloadThread', () => {
  it('downloads and inflates a gzip thread, naming itself in the User-Agent', async () => {
    userAgents.length = 0;
    const bytes = await downloadThread(source('gz'), { timeoutMs: 5000 });
    expect(Buffer.from(bytes)).toEqual(Buffer.from(MBOX));
    expect(userAgents).toEqual([USER_AGENT]);
  });

  it('leaves no timer running once a download is done', async () => {
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    await downloadThread(source('gz'), { timeoutMs: 600_000 });
    const before = timers();
    await downloadThread(source('gz'), { timeoutMs: 600_000 });
    await downloadThread(source('plain'), { timeoutMs: 600_000 });
    // Timers of other code may end meanwhile; none of this download's may stay.
    expect(timers()).toBeLessThanOrEqual(before);
  });

  it('takes a plain mbox as it is', async () => {
    expect(Buffer.from(await downloadThread(source('plain'), { timeoutMs: 5000 }))).toEqual(Buffer.from(MBOX));
  });

  it('joins a body that arrives in pieces and accepts exactly maxBytes', async () => {
    const bytes = await downloadThread(source('halves'), { timeoutMs: 5000, maxBytes: MBOX.length });
    expect(Buffer.from(bytes)).toEqual(Buffer.from(MBOX));
  });

  it('refuses a body one byte over maxBytes, counted over all its pieces', async () => {
    const max = MBOX.length - 1;
    expect(await failure(downloadThread(source('halves'), { timeoutMs: 5000, maxBytes: max }))).toBe(
      `${url('halves')}: the download is larger than ${max} bytes`,
    );
  });

  it('says a 404 means the message is not in that archive', async () => {
    expect(await failure(downloadThread(source('missing'), { timeoutMs: 5000 }))).toBe(
      `<missing@example.org> is not in the archive at ${inbox} (HTTP 404 for ${url('missing')})`,
    );
  });

  it('names other HTTP errors with their status, without a trailing space when the reason is empty', async () => {
    expect(await failure(downloadThread(source('busy'), { timeoutMs: 5000 }))).toBe(`${url('busy')} answered HTTP 503 Service Unavailable`);
    expect(await failure(downloadThread(source('bare'), { timeoutMs: 5000 }))).toBe(`${url('bare')} answered HTTP 500`);
  });

  it('handles a status without a body: 304 is an HTTP error, 204 an empty download', async () => {
    expect(await failure(downloadThread(source('same'), { timeoutMs: 5000 }))).toBe(`${url('same')} answered HTTP 304 Not Modified`);
    expect(await failure(downloadThread(source('nothing'), { timeoutMs: 5000 }))).toBe(
      `${url('nothing')}: not an mbox: the download is empty`,
    );
  });

  it('refuses an HTML page in place of the mbox, naming the URL', async () => {
    expect(await failure(downloadThread(source('html'), { timeoutMs: 5000 }))).toBe(
      `${url('html')}: not an mbox: it starts with "<!DOCTYPE html>"`,
    );
  });

  it('gives up on a download that stalls past the timeout', async () => {
    const started = Date.now();
    expect(await failure(downloadThread(source('stall'), { timeoutMs: 60 }))).toBe(
      `no answer from ${url('stall')} within 0.06 s (allow longer with --timeout <seconds>)`,
    );
    expect(Date.now() - started).toBeLessThan(380);
  });

  it('waits for a late answer when the timeout is beyond what setTimeout can hold', async () => {
    // 1e12 ms is clamped to setTimeout's largest delay; unclamped, Node would fire it at once.
    const bytes = await downloadThread(source('late'), { timeoutMs: 1e12 });
    expect(Buffer.from(bytes)).toEqual(Buffer.from(MBOX));
  });

  it('says a refused connection is refused', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const host = `127.0.0.1:${(closed.address() as { port: number }).port}`;
    await new Promise((done) => closed.close(done));
    const from = threadSource(`http://${host}/inbox`, 'gone@example.org');
    expect(await failure(downloadThread(from, { timeoutMs: 5000 }))).toBe(
      `cannot connect to ${host}: connection refused (${from.mboxUrl})`,
    );
  });

  it('passes on the reason of another failed request (a port fetch refuses to use)', async () => {
    const from = threadSource('http://127.0.0.1:1/inbox', 'port@example.org');
    expect(await failure(downloadThread(from, { timeoutMs: 5000 }))).toBe(`cannot fetch ${from.mboxUrl}: bad port`);
  });

  it.each(['ENOTFOUND', 'EAI_AGAIN'])('says the host cannot be found for %s', async (code) => {
    const cause = Object.assign(new Error(`getaddrinfo ${code} lists.example.net`), { code });
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('fetch failed', { cause }));
    const from = threadSource('https://lists.example.net/inbox', 'dns@example.net');
    expect(await failure(downloadThread(from, { timeoutMs: 5000 }))).toBe(`cannot find the host lists.example.net (${from.mboxUrl})`);
  });

  it('uses the message of a TypeError that has no cause', async () => {
    vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('invalid header value'));
    const from = threadSource('https://lists.example.net/inbox', 'plain@example.net');
    expect(await failure(downloadThread(from, { timeoutMs: 5000 }))).toBe(`cannot fetch ${from.mboxUrl}: invalid header value`);
  });
});

describe('checkThreadMbox edges', () => {
  it('shows a 40-character first line whole and cuts a 41-character one', () => {
    const forty = 'x'.repeat(40);
    const thrown = (text: string) => {
      try {
        checkThreadMbox(new TextEncoder().encode(text));
      } catch (error) {
        return (error as Error).message;
      }
      return 'no error';
    };
    expect(thrown(`${forty}\n`)).toBe(`not an mbox: it starts with "${forty}"`);
    expect(thrown(`${forty}y\n`)).toBe(`not an mbox: it starts with "${forty}…"`);
  });

  it('wants the first message to begin with a header field, not a line with a colon further on', () => {
    const bytes = new TextEncoder().encode('From x@example.org Thu Jun 27 11:46:28 2002\nhello there: friend\n\nbody\n');
    expect(() => checkThreadMbox(bytes)).toThrow('has no header fields');
  });
});

describe('fetchInputs', () => {
  /** Runs `fn` with os.tmpdir() pointing at a fresh folder, returned to `fn`; removes it after. */
  async function withTmp(fn: (tmp: string) => Promise<void>): Promise<void> {
    const tmp = mkdtempSync(join(tmpdir(), 'fetch-inputs-test-'));
    const saved = process.env['TMPDIR'];
    process.env['TMPDIR'] = tmp;
    try {
      await fn(tmp);
    } finally {
      if (saved === undefined) delete process.env['TMPDIR'];
      else process.env['TMPDIR'] = saved;
      rmSync(tmp, { recursive: true, force: true });
    }
  }
  const listeners = () => [process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')];

  it('gives paths back unchanged and creates nothing when there is nothing to fetch', async () => {
    await withTmp(async (tmp) => {
      const before = listeners();
      const args = ['a.mbox', 'mail/'];
      const inputs = await fetchInputs(args, [], { timeoutMs: 5000 });
      expect(inputs.paths).toEqual(['a.mbox', 'mail/']);
      expect(inputs.paths).not.toBe(args);
      expect(inputs.label('a.mbox')).toBe('a.mbox');
      expect(readdirSync(tmp)).toEqual([]);
      expect(listeners()).toEqual(before);
      await inputs.remove();
    });
  });

  it('downloads URLs in place and --lore threads after, labels them, and removes them', async () => {
    const realFetch = globalThis.fetch;
    const asked: string[] = [];
    vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
      const target = String(input).replace('https://lore.kernel.org/all', inbox);
      asked.push(String(input));
      return realFetch(target, init);
    });
    await withTmp(async (tmp) => {
      const before = listeners();
      const inputs = await fetchInputs(['a.mbox', `${inbox}/gz@example.org/`, 'b.mbox'], ['<plain@example.org>'], { timeoutMs: 5000 });
      const [dir] = readdirSync(tmp);
      expect(dir).toMatch(/^slowest-side-fetch-/);
      const folder = join(tmp, dir as string);
      const first = join(folder, 'thread-1.mbox');
      const second = join(folder, 'thread-2.mbox');
      expect(inputs.paths).toEqual(['a.mbox', first, 'b.mbox', second]);
      expect(asked).toEqual([url('gz'), 'https://lore.kernel.org/all/plain@example.org/t.mbox.gz']);
      expect(readFileSync(first)).toEqual(Buffer.from(MBOX));
      expect(readFileSync(second)).toEqual(Buffer.from(MBOX));
      expect(statSync(first).mode & 0o777).toBe(0o600);
      expect(inputs.label(first)).toBe(url('gz'));
      expect(inputs.label(second)).toBe('https://lore.kernel.org/all/plain@example.org/t.mbox.gz');
      expect(inputs.label('b.mbox')).toBe('b.mbox');
      expect(listeners()).toEqual(before.map((n) => n + 1));
      await inputs.remove();
      expect(readdirSync(tmp)).toEqual([]);
      expect(listeners()).toEqual(before);
      await inputs.remove();
    });
  });

  it('removes the folder and its signal handlers when a download fails', async () => {
    await withTmp(async (tmp) => {
      const before = listeners();
      const message = await failure(fetchInputs([`${inbox}/gz@example.org/T/`, `${inbox}/missing@example.org/`], [], { timeoutMs: 5000 }));
      expect(message).toBe(`<missing@example.org> is not in the archive at ${inbox} (HTTP 404 for ${url('missing')})`);
      expect(readdirSync(tmp)).toEqual([]);
      expect(listeners()).toEqual(before);
    });
  });

  it('on SIGINT or SIGTERM removes the folder, then ends the process with that signal', async () => {
    await withTmp(async (tmp) => {
      for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        const before = process.listeners(signal);
        const inputs = await fetchInputs([`${inbox}/plain@example.org/`], [], { timeoutMs: 5000 });
        const handler = process.listeners(signal).find((l) => !before.includes(l));
        expect(handler).toBeTypeOf('function');
        const folder = dirname(inputs.paths[0] as string);
        expect(basename(inputs.paths[0] as string)).toBe('thread-1.mbox');
        const kill = vi.spyOn(process, 'kill').mockImplementation(() => true);
        (handler as (s: NodeJS.Signals) => void)(signal);
        expect(readdirSync(tmp)).toEqual([]);
        expect(kill).toHaveBeenCalledWith(process.pid, signal);
        kill.mockRestore();
        expect(() => statSync(folder)).toThrow('ENOENT');
        await inputs.remove();
      }
    });
  });
});
