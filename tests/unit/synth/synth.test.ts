import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPaths } from '../../../src/lib/mail/node/importer.ts';
import { splitMbox } from '../../../src/lib/mail/mbox.ts';
import { segment } from '../../../src/lib/mail/quotes.ts';
import { random } from '../../../src/lib/synth/random.ts';
import { synthArchive } from '../../../src/lib/synth/archive.ts';

describe('seeded random stream', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = random(7);
    const b = random(7);
    const xs = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(xs);
    expect(random(8).next()).not.toBe(xs[0]);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it('draws Zipf-like indexes in range, small ones most often, in the proportions of a 1/x density', () => {
    const r = random(1);
    const draws = Array.from({ length: 20_000 }, () => r.zipf(100));
    // Whole numbers in [0, 100), every one of them drawn, the last included.
    expect(draws.filter((i) => !Number.isInteger(i) || i < 0 || i >= 100)).toEqual([]);
    expect(new Set(draws).size).toBe(100);
    // Log-uniform on [1, 101): index k comes up with probability ln((k + 2) / (k + 1)) / ln 101,
    // so these buckets hold 15.0 %, 8.8 %, 28.1 % and 48.0 % of the draws (within 5 % of that).
    const share = (from: number, to: number): number => Math.log((to + 2) / (from + 1)) / Math.log(101);
    for (const [from, to] of [
      [0, 0],
      [1, 1],
      [2, 9],
      [10, 99],
    ] as const) {
      const n = draws.filter((i) => i >= from && i <= to).length;
      expect(n / (20_000 * share(from, to)), `indexes ${from}–${to}`).toBeGreaterThan(0.95);
      expect(n / (20_000 * share(from, to)), `indexes ${from}–${to}`).toBeLessThan(1.05);
    }
  });
});

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
