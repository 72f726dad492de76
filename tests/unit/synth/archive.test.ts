import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPaths } from '../../../src/lib/mail/node/importer.ts';
import { splitMbox } from '../../../src/lib/mail/mbox.ts';
import { segment } from '../../../src/lib/mail/quotes.ts';
import { synthArchive } from '../../../src/lib/synth/archive.ts';

describe('synthetic archive', () => {
  it('is the same bytes for the same seed, with exactly the messages asked for', () => {
    const a = synthArchive({ messages: 300, seed: 5 });
    expect(synthArchive({ messages: 300, seed: 5 }).mbox).toBe(a.mbox);
    expect(synthArchive({ messages: 300, seed: 6 }).mbox).not.toBe(a.mbox);
    expect(a.ids).toHaveLength(300);
    expect(new Set(a.ids).size).toBe(300);
    expect(a.threadSizes.reduce((x, y) => x + y, 0)).toBe(300);
    expect(Math.max(...a.threadSizes)).toBeLessThanOrEqual(30);
    expect(Math.min(...a.threadSizes)).toBeGreaterThanOrEqual(1);
    expect(splitMbox(a.mbox).messages).toHaveLength(300);
  });

  it('has the variety a real month has: quotes at several depths, signatures, encodings, patches', () => {
    const { mbox } = synthArchive({ messages: 600, seed: 2002 });
    expect(mbox).toMatch(/^> > > /m);
    expect(mbox).toMatch(/^-- $/m);
    expect(mbox).toContain('Content-Transfer-Encoding: quoted-printable');
    expect(mbox).toContain('Content-Transfer-Encoding: base64');
    expect(mbox).toMatch(/=\?utf-8\?B\?/);
    expect(mbox).toMatch(/^\+\+\+ b\//m);
    expect(mbox).toMatch(/^In-Reply-To: </m);
  });

  it('imports completely with the project’s importer, and its quotes segment', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'synth-'));
    try {
      const { mbox, ids } = synthArchive({ messages: 150, seed: 11 });
      await writeFile(join(dir, 'month.mbox'), mbox);
      const result = await importPaths([join(dir, 'month.mbox')], { dir: join(dir, 'messages') });
      expect(result.rejected).toEqual([]);
      expect(result.imported).toBe(150);
      const files = (await readdir(join(dir, 'messages'))).filter((f) => f.endsWith('.md'));
      expect(files).toHaveLength(150);
      const sample = await readFile(join(dir, 'messages', files[0]!), 'utf8');
      expect(ids.some((id) => sample.includes(id))).toBe(true);
      expect(sample).not.toMatch(/[\w.]+@example\.(org|net|com)/);
      // A reply's stored body segments into its own text and quotes nested two deep.
      const texts = await Promise.all(files.map((f) => readFile(join(dir, 'messages', f), 'utf8')));
      const nested = texts.find((t) => /^> > /m.test(t));
      expect(nested).toBeDefined();
      const depths = segment(nested!.slice(nested!.indexOf('\n---\n', 4) + 5)).map((s) => s.depth ?? 0);
      expect(Math.max(...depths)).toBeGreaterThanOrEqual(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
