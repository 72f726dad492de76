import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paramFor } from '../../src/lib/model/params.ts';
import { timeline } from '../../src/lib/timeline.ts';
import { meanings, TYPED_NUMBERS, typedNumbers } from '../../src/lib/typed-numbers.ts';

const content = (dir: string) =>
  readdirSync(join('src/content', dir))
    .filter((f) => /\.mdx?$/.test(f))
    .map((f) => ({ file: `${dir}/${f}`, text: readFileSync(join('src/content', dir, f), 'utf8') }));
/** The timeline's prose is rendered into an article too, so its numbers count as typed. */
const timelineText = timeline.flatMap((e) => [e.title, e.summary, e.checkNote, e.reason ?? '', e.model?.note ?? '']).join('\n\n');
const pages = [...content('articles'), ...content('notes'), { file: 'src/lib/timeline.ts', text: timelineText }];

describe('typed numbers', () => {
  it('extracts numbers with units from prose, not from model values, code or link targets', () => {
    const md = [
      'Send ran at 1.4 Gbit/s and ~70 % of it; the model says <ModelValue preset="quadrics-2002" at="rx.gbps" digits={2} unit="Gbit/s" />.',
      'The code `model quadrics-2002 rx.gbps 2 Gbit/s` and `HZ/50 = 20 ms` stay out, as does [a link](https://x.org/1.4 Gbit/s).',
      '```text\n8.89 ns per byte\n```',
      'A range: 116–129 µs, a ratio ×1.8, and 3.75 GB/s.',
    ].join('\n');
    expect(typedNumbers(md)).toEqual(['1.4 Gbit/s', '70 %', '116–129 µs', '×1.8', '3.75 GB/s']);
  });

  it('every number an article or note types is in the ledger: published, our arithmetic, or a table input', () => {
    const missing = pages.flatMap(({ file, text }) =>
      typedNumbers(text)
        .filter((t) => meanings(t).length === 0)
        .map((t) => `${file}: ${t}`),
    );
    expect(missing, 'type model output with <ModelValue> or `model …` code; classify anything else in src/lib/typed-numbers.ts').toEqual(
      [],
    );
  });

  it('no ledger entry is left that no page types any more', () => {
    const used = new Set(pages.flatMap(({ text }) => typedNumbers(text)));
    expect(Object.keys(TYPED_NUMBERS).filter((k) => !used.has(k))).toEqual([]);
  });

  it('published numbers cite a web address; arithmetic says on what; inputs match the parameter table today', () => {
    for (const token of Object.keys(TYPED_NUMBERS)) {
      const value = Number(token.replace(/[^\d.]/g, '').replace(/^\./, ''));
      const inputs = meanings(token).filter((m) => m.basis === 'input');
      for (const m of meanings(token)) {
        if (m.basis === 'published') expect(m.source, token).toMatch(/^https?:\/\/\S+$/);
        if (m.basis === 'arithmetic') expect(m.from.length, token).toBeGreaterThan(3);
        if (m.basis === 'assumption') expect(m.why.length, token).toBeGreaterThan(3);
      }
      if (inputs.length === 0) continue;
      // At least one table meaning must hold: a changed parameter leaves no stale prose behind.
      const holds = inputs.some((m) => {
        if (m.basis !== 'input') return false;
        const p = paramFor(m.param);
        if (p?.kind !== 'number') return false;
        const table: Record<string, number | undefined> = {
          default: p.default,
          min: p.min,
          max: p.max,
          'unknown.min': p.unknown?.min,
          'unknown.max': p.unknown?.max,
        };
        return table[m.which] === value;
      });
      expect(holds, `${token} no longer matches the parameter table`).toBe(true);
    }
  });
});

describe('claims of fit', () => {
  it('every paragraph that says a number was fitted links the fit page, where the fit is shown', () => {
    const unlinked = pages.flatMap(({ file, text }) =>
      text
        .replace(/^---\n[\s\S]*?\n---\n/, '')
        .split(/\n\s*\n/)
        .filter((p) => /\bfitted\b/i.test(p) && !/^\s*(?:\{\/\*|<PresenterSteps|\s*\{)/.test(p) && !p.includes('model/fit/'))
        .map((p) => `${file}: ${p.slice(0, 80)}`),
    );
    expect(unlinked).toEqual([]);
  });
});

describe('numbers that open the model', () => {
  it('a typed rate inside <ModelLink> is a published number of a preset that has published numbers, never a what-if’s output', async () => {
    const { presetById } = await import('../../src/lib/model/presets.ts');
    const wrong: string[] = [];
    for (const { file, text } of pages) {
      for (const m of text.matchAll(/<ModelLink preset="([^"]+)"[^>]*>([\s\S]*?)<\/ModelLink>/g)) {
        const inner = (m[2] ?? '').replace(/<ModelValue\b[\s\S]*?\/>/g, ' ');
        const rates = typedNumbers(inner).filter((t) => /Gbit|Gbps|Gb\/s|MB\/s|%/.test(t));
        const whatIf = (presetById(m[1] ?? '')?.expected.length ?? 0) === 0;
        for (const t of rates) {
          if (whatIf || !meanings(t).some((x) => x.basis === 'published')) wrong.push(`${file}: ${m[1]}: ${t}`);
        }
      }
    }
    expect(wrong, 'print a what-if’s numbers with <ModelValue>').toEqual([]);
  });
});
