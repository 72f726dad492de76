/**
 * `npm run import -- <public-inbox message URL>` against a real public-inbox: an inbox made
 * with Debian's public-inbox tools in a temp dir (its own HOME and PI_CONFIG, so the user's
 * config is never read or written), fed the thread in tests/fixtures/public-inbox/ and
 * served by public-inbox-httpd on 127.0.0.1. Nothing of public-inbox is mocked.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { slugOf } from '../../src/lib/mail/ids.ts';
import { parseEntry } from '../../src/lib/mail/entry-file.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = join(root, 'tests/fixtures/public-inbox');
const LIST = 'netdev-test@example.org';
const TOOLS = ['public-inbox-init', 'public-inbox-mda', 'public-inbox-index', 'public-inbox-httpd'];
/** Indexing and starting httpd take a few seconds on a slow machine; give them plenty. */
const SETUP_MS = 120_000;
const TEST_MS = 60_000;

/** The fixture thread: each message's id and the id it replies to, read from its headers. */
const thread = readdirSync(fixtures)
  .filter((name) => name.endsWith('.eml'))
  .sort()
  .map((name) => {
    const text = readFileSync(join(fixtures, name), 'utf8');
    const header = (field: string) => new RegExp(`^${field}: <([^>]+)>`, 'mi').exec(text)?.[1] ?? null;
    return { name, bytes: readFileSync(join(fixtures, name)), id: header('Message-ID') as string, inReplyTo: header('In-Reply-To') };
  });

function onPath(tool: string): boolean {
  return (process.env['PATH'] ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, tool), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** A port nothing listens on right now (the kernel's pick, released again). */
async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

async function listen<T extends NetServer | HttpServer>(server: T): Promise<{ server: T; port: number }> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, port: (server.address() as { port: number }).port };
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

let work: string;
let base: string;
let httpd: ChildProcess | undefined;
/** Why the inbox could not be set up; every test that needs it fails with this (none is skipped). */
let setupError: unknown;
const servers: Array<NetServer | HttpServer> = [];
const sockets = new Set<Socket>();

/** A fresh entries dir, aliases path and TMPDIR for one CLI run. */
function scratch() {
  const dir = mkdtempSync(join(work, 'run-'));
  mkdirSync(join(dir, 'entries'));
  mkdirSync(join(dir, 'tmp'));
  return { dir, entries: join(dir, 'entries'), aliases: join(dir, 'aliases.json'), tmp: join(dir, 'tmp') };
}

/** Starts the real CLI (`node scripts/import.ts`) with its OS temp dir set to `where.tmp`. */
function startCli(where: ReturnType<typeof scratch>, args: string[]): { child: ChildProcess; done: Promise<Run> } {
  const child = spawn(process.execPath, [join(root, 'scripts/import.ts'), '--dir', where.entries, '--aliases', where.aliases, ...args], {
    cwd: root,
    env: { ...process.env, TMPDIR: where.tmp },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const done = new Promise<Run>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
}

const cli = (where: ReturnType<typeof scratch>, ...args: string[]) => startCli(where, args).done;

/** Asserts a run failed with exactly one line on stderr, wrote no entry and left no temp file. */
function expectRefused(run: Run, where: ReturnType<typeof scratch>, message: string) {
  expect(run.code).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr).toBe(`import failed: ${message}\n`);
  expect(readdirSync(where.entries)).toEqual([]);
  expect(existsSync(where.aliases)).toBe(false);
  expect(readdirSync(where.tmp)).toEqual([]);
}

/** Makes the inbox, delivers and indexes the fixture thread, and starts httpd serving it. */
async function startInbox(): Promise<void> {
  const missing = TOOLS.filter((tool) => !onPath(tool));
  if (missing.length > 0) {
    throw new Error(`${missing.join(', ')} not found: these tests need Debian's public-inbox (apt-get install public-inbox)`);
  }
  const config = join(work, 'pi-config');
  // Everything public-inbox and git read or write stays inside `work`.
  const env = { ...process.env, HOME: work, PI_CONFIG: config, XDG_CONFIG_HOME: join(work, '.config'), GIT_CONFIG_NOSYSTEM: '1' };
  const run = (command: string, args: string[], input?: Buffer, extra: Record<string, string> = {}) => {
    const result = spawnSync(command, args, { env: { ...env, ...extra }, input, encoding: 'utf8' });
    if (result.status !== 0)
      throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr}${result.error ?? ''}`);
  };
  const port = await freePort();
  base = `http://127.0.0.1:${port}/test`;
  const inbox = join(work, 'inbox');
  run('public-inbox-init', ['-V2', 'test', inbox, base, LIST]);
  run('git', ['config', '-f', config, 'publicinboxmda.spamcheck', 'none']);
  for (const message of thread) run('public-inbox-mda', ['--no-precheck'], message.bytes, { ORIGINAL_RECIPIENT: LIST });
  run('public-inbox-index', [inbox]);

  const server = spawn('public-inbox-httpd', ['-W0', '-l', `http://127.0.0.1:${port}`], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  httpd = server;
  let log = '';
  server.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString('utf8');
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`public-inbox-httpd exited with ${server.exitCode}: ${log}`);
    const answer = await fetch(`${base}/`).catch(() => null);
    if (answer?.ok) break;
    if (Date.now() > deadline) throw new Error(`public-inbox-httpd did not answer on ${base}/ within 30 s: ${log}`);
    await new Promise((wait) => setTimeout(wait, 100));
  }
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'public-inbox-test-'));
  await startInbox().catch((error: unknown) => {
    setupError = error;
  });
}, SETUP_MS);

afterAll(async () => {
  if (httpd && httpd.exitCode === null) {
    const exited = new Promise((done) => httpd?.once('exit', done));
    httpd.kill('SIGTERM');
    await exited;
  }
  for (const socket of sockets) socket.destroy();
  await Promise.all(servers.map((server) => new Promise((done) => server.close(done))));
  if (work) rmSync(work, { recursive: true, force: true });
}, SETUP_MS);

describe('import from a real public-inbox-httpd', () => {
  beforeEach(() => {
    if (setupError !== undefined) throw setupError;
  });

  it(
    'stores every message of the thread from a message URL as a reader copies it (/T/#anchor)',
    async () => {
      const where = scratch();
      const third = thread[2]?.id as string;
      const run = await cli(where, `${base}/${third}/T/#u`);
      expect(run.stderr).toBe('');
      expect([run.code, run.stdout]).toEqual([0, `imported ${thread.length} (0 with repairs), updated 0, unchanged 0, rejected 0\n`]);
      expect(readdirSync(where.entries).filter((n) => n.endsWith('.md'))).toEqual(thread.map((m) => `${slugOf(m.id)}.md`).sort());
      for (const message of thread) {
        const { data, body } = parseEntry(readFileSync(join(where.entries, `${slugOf(message.id)}.md`), 'utf8'));
        expect(data).toMatchObject({ messageId: message.id, inReplyTo: message.inReplyTo, provenance: 'imported', sourceFormat: 'mbox' });
        expect(body.length).toBeGreaterThan(0);
      }
      const reply = parseEntry(readFileSync(join(where.entries, `${slugOf(thread[1]?.id as string)}.md`), 'utf8'));
      expect(reply.body).toContain('> Is the data copied once or twice between the card and user space?');
      expect(readdirSync(where.tmp)).toEqual([]);

      // The same thread again through another message is a no-op.
      const again = await cli(where, `${base}/${thread[0]?.id}/`);
      expect([again.code, again.stdout]).toEqual([0, `imported 0 (0 with repairs), updated 0, unchanged ${thread.length}, rejected 0\n`]);
    },
    TEST_MS,
  );

  it(
    'finds a message whose id holds / when the URL spells it %2F, as public-inbox links do',
    async () => {
      const slashed = thread.find((m) => m.id.includes('/'))?.id ?? '';
      expect(slashed).toContain('/');
      const where = scratch();
      const run = await cli(where, `${base}/${slashed.replace('/', '%2F')}/raw`);
      expect([run.code, run.stdout, run.stderr]).toEqual([
        0,
        `imported ${thread.length} (0 with repairs), updated 0, unchanged 0, rejected 0\n`,
        '',
      ]);
      expect(existsSync(join(where.entries, `${slugOf(slashed)}.md`))).toBe(true);
    },
    TEST_MS,
  );

  it(
    'imports files and URLs given together',
    async () => {
      const where = scratch();
      const run = await cli(where, join(root, 'tests/fixtures/mail/base64.eml'), `${base}/${thread[0]?.id}/t.mbox.gz`);
      expect([run.code, run.stdout]).toEqual([0, `imported ${thread.length + 1} (0 with repairs), updated 0, unchanged 0, rejected 0\n`]);
    },
    TEST_MS,
  );

  it(
    'says a message is not in the archive on a 404, and writes nothing',
    async () => {
      const where = scratch();
      const run = await cli(where, `${base}/missing.0001@example.org/`);
      expectRefused(
        run,
        where,
        `<missing.0001@example.org> is not in the archive at ${base} (HTTP 404 for ${base}/missing.0001@example.org/t.mbox.gz)`,
      );
    },
    TEST_MS,
  );

  it(
    'imports nothing when one of several URLs fails, even after the others downloaded',
    async () => {
      const where = scratch();
      const run = await cli(
        where,
        `${base}/${thread[0]?.id}/`,
        join(root, 'tests/fixtures/mail/base64.eml'),
        `${base}/missing.0002@example.org/T/`,
      );
      expectRefused(
        run,
        where,
        `<missing.0002@example.org> is not in the archive at ${base} (HTTP 404 for ${base}/missing.0002@example.org/t.mbox.gz)`,
      );
    },
    TEST_MS,
  );

  it.each([
    ['the inbox root', '/', 'its path holds no Message-ID'],
    ['the help page', '/_/text/help/', 'its path holds no Message-ID'],
    ['the Atom feed', '/new.atom', 'its path holds no Message-ID'],
  ])(
    'refuses %s, a page the inbox serves, as not a public-inbox message URL',
    async (_, path, why) => {
      expect((await fetch(`${base}${path}`)).status).toBe(200);
      const where = scratch();
      const url = `${base}${path}`;
      expectRefused(
        await cli(where, url),
        where,
        `${url} is not a public-inbox message URL (${why}); expected <inbox URL>/<Message-ID>/, e.g. https://lore.kernel.org/lkml/<Message-ID>/ (or its /T/, /t/, /raw)`,
      );
    },
    TEST_MS,
  );
});

// A real inbox cannot be made to hang, to serve HTML or some other gzip where its mbox
// should be, or to refuse connections; the servers below are stand-ins for those failures.
describe('import from servers that fail', () => {
  /** A server that accepts connections and never answers. */
  async function silentServer(): Promise<number> {
    const server = createNetServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => {});
    });
    servers.push(server);
    return (await listen(server)).port;
  }

  /** An HTTP server answering every request with 200 and `body`. */
  async function httpServer(type: string, body: Buffer): Promise<number> {
    const server = createHttpServer((_, response) => {
      response.writeHead(200, { 'content-type': type, 'content-length': body.length });
      response.end(body);
    });
    servers.push(server);
    return (await listen(server)).port;
  }

  it(
    'gives up after --timeout seconds when nothing answers',
    async () => {
      const port = await silentServer();
      const where = scratch();
      const started = Date.now();
      const url = `http://127.0.0.1:${port}/list/a.1@example.org/`;
      const run = await cli(where, '--timeout', '1', url);
      expect(Date.now() - started).toBeLessThan(20_000);
      expectRefused(
        run,
        where,
        `no answer from http://127.0.0.1:${port}/list/a.1@example.org/t.mbox.gz within 1 s (allow longer with --timeout <seconds>)`,
      );
    },
    TEST_MS,
  );

  it(
    'says the connection was refused',
    async () => {
      const port = await freePort();
      const where = scratch();
      const run = await cli(where, `http://127.0.0.1:${port}/list/a.1@example.org/T/`);
      expectRefused(
        run,
        where,
        `cannot connect to 127.0.0.1:${port}: connection refused (http://127.0.0.1:${port}/list/a.1@example.org/t.mbox.gz)`,
      );
    },
    TEST_MS,
  );

  it(
    'refuses an HTML page or a gzip of something that is not mail',
    async () => {
      const html = await httpServer('text/html', Buffer.from('<!DOCTYPE html>\n<html><body>Please enable JavaScript</body></html>\n'));
      const where = scratch();
      const page = `http://127.0.0.1:${html}/list/a.1@example.org/t.mbox.gz`;
      expectRefused(
        await cli(where, `http://127.0.0.1:${html}/list/a.1@example.org/`),
        where,
        `${page}: not an mbox: it starts with "<!DOCTYPE html>"`,
      );

      const gzip = await httpServer('application/gzip', gzipSync('id,value\n1,2\n'));
      const other = scratch();
      const csv = `http://127.0.0.1:${gzip}/list/a.1@example.org/t.mbox.gz`;
      expectRefused(await cli(other, csv), other, `${csv}: not an mbox: it starts with "id,value"`);
    },
    TEST_MS,
  );

  it(
    'removes its temp folder when stopped during a download',
    async () => {
      const port = await silentServer();
      const where = scratch();
      const { child, done } = startCli(where, [`http://127.0.0.1:${port}/list/a.1@example.org/`]);
      const deadline = Date.now() + 20_000;
      while (readdirSync(where.tmp).length === 0 && Date.now() < deadline) await new Promise((wait) => setTimeout(wait, 50));
      expect(readdirSync(where.tmp)).toHaveLength(1);
      child.kill('SIGTERM');
      const run = await done;
      expect(run.signal).toBe('SIGTERM');
      expect(readdirSync(where.tmp)).toEqual([]);
      expect(readdirSync(where.entries)).toEqual([]);
    },
    TEST_MS,
  );

  it(
    'refuses a --lore argument that is not a Message-ID, and a --timeout that is not a number of seconds',
    async () => {
      const where = scratch();
      expectRefused(
        await cli(where, '--lore', 'not-a-message-id'),
        where,
        '--lore not-a-message-id: not a Message-ID (expected something like <local-part@domain>, brackets optional)',
      );
      const run = await cli(where, '--timeout', '0', 'http://127.0.0.1:1/list/a.1@example.org/');
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^--timeout 0: not a positive number of seconds\nusage: npm run import -- /);
      expect(readdirSync(where.entries)).toEqual([]);
    },
    TEST_MS,
  );
});
