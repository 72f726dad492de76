import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { paramFor } from '../../src/lib/model/params.ts';
import {
  messageBacklinks,
  notesByTag,
  noteStatusList,
  noteTagList,
  paramBacklinks,
  sortNotes,
  type NoteLike,
} from '../../src/lib/notes.ts';
import { resolveAnchor } from '../../src/lib/anchors.ts';
import { paths } from '../../src/lib/routes.ts';
import { root, shippedArchive } from '../support/shipped.ts';

const SEED = 'Pine.LNX.4.44.0206271943340.24818-100000@alvie-mail.lanl.gov';
const archive = shippedArchive();

interface Shipped extends NoteLike {
  data: NoteLike['data'] & { description: string; status: string };
  body: string;
}
const dir = `${root}src/content/notes`;
const shipped: Shipped[] = readdirSync(dir)
  .filter((f) => f.endsWith('.md'))
  .map((f) => {
    const text = readFileSync(`${dir}/${f}`, 'utf8');
    const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
    if (!m) throw new Error(`${f}: no frontmatter`);
    return { id: f.slice(0, -3), data: parse(m[1] ?? '') as Shipped['data'], body: m[2] ?? '' };
  });

describe('shipped notes', () => {
  it('are at least ten, each with a known status, vocabulary tags and a unique order', () => {
    expect(shipped.length).toBeGreaterThanOrEqual(10);
    for (const n of shipped) {
      expect(noteStatusList, n.id).toContain(n.data.status);
      expect(n.data.tags.length, n.id).toBeGreaterThan(0);
      for (const t of n.data.tags) expect(noteTagList, `${n.id}: tag ${t}`).toContain(t);
    }
    expect(new Set(shipped.map((n) => n.data.order)).size).toBe(shipped.length);
  });

  it('rest only on passages that exist in the archive', () => {
    for (const n of shipped) {
      expect(n.data.messages.length, n.id).toBeGreaterThan(0);
      for (const at of n.data.messages) expect(resolveAnchor(archive, { at }).status, `${n.id}: ${at}`).toBe('found');
    }
  });

  it('name only parameters of the model table', () => {
    for (const n of shipped) for (const key of n.data.params ?? []) expect(paramFor(key), `${n.id}: ${key}`).toBeDefined();
  });

  it('are 250–600 words of prose, with no e-mail address or Message-ID, not even in a link', () => {
    for (const n of shipped) {
      const words = n.body.split(/\s+/).filter(Boolean).length;
      expect(words, n.id).toBeGreaterThanOrEqual(250);
      expect(words, n.id).toBeLessThanOrEqual(600);
      const tokens = n.body.match(/[\w.+-]+@[\w-]+(\.[\w-]+)*/g) ?? [];
      expect(tokens, n.id).toEqual([]);
    }
  });

  it('link to each other only by relative links that name a shipped note', () => {
    const ids = new Set(shipped.map((n) => n.id));
    for (const n of shipped) {
      for (const [, target] of n.body.matchAll(/\]\((\.\.\/[^)#]*)/g)) {
        if (target?.startsWith('../../')) continue;
        expect(ids.has((target ?? '').replace(/^\.\.\/|\/$/g, '')), `${n.id} → ${target}`).toBe(true);
      }
      expect(n.body, n.id).not.toMatch(/\]\(\//);
    }
  });
});

const note = (id: string, order: number, messages: string[], params: string[] = [], tags: string[] = ['nda']): NoteLike => ({
  id,
  data: { title: id.toUpperCase(), order, messages, params, tags },
});

describe('backlink maps', () => {
  const a = note('a', 2, [`${SEED}#p6`, `${SEED}#p3`, `${SEED}#p6`, 'other@x'], ['mss', 'rxCsum'], ['nda', 'model']);
  const b = note('b', 1, [SEED, `${SEED}#p1`], ['rxCsum', 'rxCsum'], ['today']);
  const c = note('c', 3, ['other@x'], []);

  it('message → notes: reading order, cited paragraphs sorted without repeats, whole-message refs flagged', () => {
    const map = messageBacklinks([a, b, c]);
    expect(map.get(SEED)?.map((l) => [l.note.id, l.paragraphs, l.whole])).toEqual([
      ['b', [1], true],
      ['a', [3, 6], false],
    ]);
    expect(map.get('other@x')?.map((l) => l.note.id)).toEqual(['a', 'c']);
    expect(map.get('nobody@x')).toBeUndefined();
  });

  it('parameter → notes: reading order, each note once', () => {
    const map = paramBacklinks([a, b, c]);
    expect(map.get('rxCsum')?.map((n) => n.id)).toEqual(['b', 'a']);
    expect(map.get('mss')?.map((n) => n.id)).toEqual(['a']);
    expect(map.has('txCsum')).toBe(false);
  });

  it('tag → notes in vocabulary order, only tags in use', () => {
    const map = notesByTag([a, b, c]);
    expect([...map.keys()]).toEqual(['nda', 'model', 'today']);
    expect(map.get('nda')?.map((n) => n.id)).toEqual(['a', 'c']);
  });

  it('sorting is by order, then id; paths are relative to the base', () => {
    expect(sortNotes([c, a, b]).map((n) => n.id)).toEqual(['b', 'a', 'c']);
    expect(paths.note('x')).toBe('notes/x/');
    expect(paths.noteTag('nda')).toBe('notes/tags/nda/');
    expect(paths.param('mss')).toBe('model/params/#param-mss');
  });

  it('the shipped notes give the seed message backlinks and the unknown parameters notes', () => {
    expect(messageBacklinks(shipped).get(SEED)?.length).toBeGreaterThanOrEqual(3);
    const byParam = paramBacklinks(shipped);
    for (const key of ['mss', 'rxCsum', 'rxSegUs', 'rxCopyMBps']) expect(byParam.get(key)?.length, key).toBeGreaterThan(0);
  });
});
