import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeAll } from '../../src/integrations/downloads.ts';
import { rawDownloads, threadDownloads } from '../../src/lib/downloads.ts';
import { buildArchive, threadSlug } from '../../src/lib/mail/archive.ts';
import { slugOf } from '../../src/lib/mail/ids.ts';
import { DOWNLOAD_RAWS, downloadRecords } from '../support/records.ts';

const archive = buildArchive(downloadRecords);
const raws = DOWNLOAD_RAWS;

describe('rawDownloads', () => {
  it('writes one redacted raw file per message with raw bytes, keeping Message-IDs and every other byte', () => {
    const files = [...rawDownloads(archive, (name) => Buffer.from(raws[name] ?? '', 'latin1'))];
    expect(files.map((f) => f.path).sort()).toEqual([
      `m/${slugOf('reply.2@example.org')}/raw.txt`,
      `m/${slugOf('root.1@example.org')}/raw.txt`,
    ]);
    const root = Buffer.from(files.find((f) => f.path.includes('root'))?.bytes ?? []).toString('latin1');
    expect(root).toContain('<root.1@example.org>');
    expect(root).not.toContain('fixture.author@example.org');
    expect(root.endsWith('body \xe9\n')).toBe(true);
  });
});

describe('threadDownloads', () => {
  it('writes JSON and mbox per thread, with absolute message URLs and no address', () => {
    const files = [...threadDownloads(archive, (slug) => `https://example.net/m/${slug}/`)];
    const slugs = archive.threads.map(threadSlug);
    expect(files.map((f) => f.path)).toEqual(slugs.flatMap((s) => [`threads/${s}.json`, `threads/${s}.mbox`]));
    const json = JSON.parse(Buffer.from(files[0]?.bytes ?? []).toString('utf8'));
    expect(json.messages.map((m: { url: string }) => m.url)).toContain(`https://example.net/m/${slugOf('reply.2@example.org')}/`);
    const mbox = files.filter((f) => f.path.endsWith('.mbox')).map((f) => Buffer.from(f.bytes).toString('utf8'));
    expect(mbox.join('')).toMatch(/^From /m);
    for (const f of files) expect(Buffer.from(f.bytes).toString('utf8')).not.toContain('fixture.author@example.org');
  });
});

describe('writeAll', () => {
  it('writes every file, into folders that exist and ones it has to make', async () => {
    const root = mkdtempSync(join(tmpdir(), 'downloads-test-'));
    mkdirSync(join(root, 'm/a'), { recursive: true });
    const files = [
      { path: 'm/a/raw.txt', bytes: Buffer.from('one') },
      { path: 'threads/t.json', bytes: Buffer.from('{}') },
      { path: 'threads/deeper/t.mbox', bytes: Buffer.from('From x') },
    ];
    expect(await writeAll(root, files)).toBe(3);
    for (const f of files) expect(readFileSync(join(root, f.path), 'utf8')).toBe(f.bytes.toString());
  });
});
