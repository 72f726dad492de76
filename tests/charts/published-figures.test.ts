/**
 * The two figures of published numbers: "measurements" draws exactly what fitAll() compares
 * (published value, source, model value, status), and "thread-numbers" draws only numbers
 * that stand in the words it links to. Both ignore the model state and export their CSV.
 */
import { readFileSync } from 'node:fs';
import { blankDocument } from '../support/dom.ts';
import { describe, expect, it } from 'vitest';
import { anchorsInMdx, resolveAnchor } from '../../src/lib/anchors.ts';
import { figureCsv } from '../../src/lib/charts/export.ts';
import { figures, renderFigure } from '../../src/lib/charts/index.ts';
import { measurementGroups, measurements } from '../../src/lib/charts/measurements.ts';
import type { FigureId } from '../../src/lib/charts/types.ts';
import { cellLink, gbps } from '../../src/lib/charts/words.ts';
import { matchKey } from '../../src/lib/mail/stream.ts';
import { fitAll } from '../../src/lib/model/fit.ts';
import { defaults, presetById, presetValues } from '../../src/lib/model/index.ts';
import { SOURCE_FACTS } from '../../src/lib/model/sources.ts';
import { parseRef } from '../../src/lib/passages.ts';
import { drawnNumbers, passagePath, THREAD_NUMBERS } from '../../src/lib/thread-numbers.ts';
import { root, shippedArchive } from '../support/shipped.ts';

const SIZE = { width: 720, height: 400 };
const draw = (figure: FigureId, values = defaults()): SVGSVGElement => {
  const document = blankDocument();
  return renderFigure(figures[figure], values, SIZE, 'light', document as unknown as Document);
};
const texts = (svg: Element): string[] => [...svg.querySelectorAll('text')].map((t) => t.textContent ?? '');

/** A minimal reader for these CSVs (no quoted line breaks): records keyed by header. */
function records(csv: string): Record<string, string>[] {
  const split = (line: string): string[] =>
    [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => m[1]!.replace(/^"([\s\S]*)"$/, '$1').replaceAll('""', '"'));
  const [header, ...lines] = csv.slice(0, -2).split('\r\n').map(split);
  return lines.map((cells) => Object.fromEntries(header!.map((h, i) => [h, cells[i] ?? ''])));
}

describe('measurements', () => {
  const fits = fitAll();
  const rowsOf = fits.flatMap((f) => f.rows.map((row, index) => ({ preset: f.preset.id, index, row })));
  const rates = rowsOf.filter((r) => r.row.expectation.metric === 'gbps' && r.row.expectation.basis === 'measurement');

  it('draws one point per published rate of fitAll(), with fitAll()’s published and model values', () => {
    const drawn = measurementGroups().flatMap((g) => g.members.map((m) => ({ g, m })));
    expect(drawn.map(({ m }) => `${m.preset.id}#${m.index}`).sort()).toEqual(rates.map((r) => `${r.preset}#${r.index}`).sort());
    for (const { g, m } of drawn) {
      const fresh = rowsOf.find((r) => r.preset === m.preset.id && r.index === m.index)!.row;
      expect(g.published).toBe(fresh.expectation.value);
      expect(m.row.expectation.value).toBe(fresh.expectation.value);
      expect(m.row.model).toBe(fresh.model);
      expect(m.row.status).toBe(fresh.status);
      expect(g.source).toBe(fresh.expectation.source);
    }
    // CPU figures and numbers derived by arithmetic stay off the chart.
    expect(measurements().filter((m) => !m.drawn)).toHaveLength(rowsOf.length - rates.length);
  });

  it('labels each point with the published number, the model’s and the verdict, in words', () => {
    const labels = texts(draw('measurements'));
    for (const g of measurementGroups()) {
      const m = g.members[0]!;
      const label = labels.find((t) => t.startsWith(`${g.relation === 'over' ? 'over ' : ''}${g.published} · model ${gbps(m.row.model)}`));
      expect(label, g.label).toBeDefined();
      expect(label).toContain(m.row.status);
      expect(labels).toContain(g.label);
    }
    expect(labels).toEqual(expect.arrayContaining(['published', 'model, fitted (calibration)', 'model, reproduced', 'model, misfit']));
  });

  it('ignores the model state', () => {
    const tuned = { ...defaults(), rxCopyMBps: 900, mss: 9000 };
    expect(draw('measurements', tuned).outerHTML).toBe(draw('measurements').outerHTML);
    const def = figures.measurements;
    expect(def.stateless).toBe(true);
    expect(def.caption(tuned)).toBe(def.caption(defaults()));
    expect(def.table(tuned)).toEqual(def.table(defaults()));
  });

  it('says in the caption, from the data, that fitted matches are calibration, and names each misfit', () => {
    const c = figures.measurements.caption(defaults());
    const fitted = rates.filter((r) => r.row.status === 'fitted').length;
    expect(c).toContain(`${new Set(rates.map((r) => `${r.row.expectation.source}|${r.row.expectation.value}`)).size} published rates`);
    expect(c).toContain(
      `Of ${rates.length} comparisons with the model, ${fitted} hit a number a parameter was fitted to: calibration, not evidence`,
    );
    for (const r of rates.filter((x) => x.row.status === 'misfit')) {
      expect(c).toContain(`published ${r.row.expectation.value}, model ${gbps(r.row.model)} Gbit/s`);
    }
  });

  it('lists every published number in its table, with the source linked and the verdict', () => {
    const t = figures.measurements.table(defaults());
    expect(t.rows).toHaveLength(rowsOf.length);
    const source = t.columns.find((c) => c.key === 'source')!;
    t.rows.forEach((row, i) => {
      const e = rowsOf[i]!.row.expectation;
      expect(cellLink(row, source, '/base/')).toBe(e.source);
      expect(row['source']).toBe(SOURCE_FACTS[e.source]?.name);
      expect(String(row['published'])).toContain(String(e.value));
      expect(String(row['status'])).toContain(rowsOf[i]!.row.status === 'fitted' ? 'calibration, not evidence' : rowsOf[i]!.row.status);
    });
  });

  it('exports every comparison as CSV, unrounded', () => {
    const rows = records(figureCsv(figures.measurements, defaults()));
    expect(rows.map((r) => [r['Model state'], Number(r['Published']), Number(r['Model']), r['Status'], r['Source URL']])).toEqual(
      rowsOf.map((r) => [r.preset, r.row.expectation.value, r.row.model, r.row.status, r.row.expectation.source]),
    );
  });

  it('names and dates every source a preset compares with; mail dates are the messages’ own', () => {
    const archive = shippedArchive();
    for (const { row } of rowsOf) expect(SOURCE_FACTS[row.expectation.source], row.expectation.source).toBeDefined();
    for (const [url, facts] of Object.entries(SOURCE_FACTS)) {
      const id = /^https:\/\/lore\.kernel\.org\/lkml\/(.+)\/$/.exec(url)?.[1];
      const message = id === undefined ? undefined : archive.messages.get(id);
      if (message?.date) expect(facts.date, url).toBe(message.date.slice(0, 10));
    }
  });
});

describe('thread numbers', () => {
  const archive = shippedArchive();
  /** What a stated number says: a rate or a share as written, "twice" as 2. */
  const parse = (stated: string): number => {
    if (stated === 'twice') return 2;
    const m = /^(\d+(?:\.\d+)?)\s*(%|Gbit(?:\/s)?)$/.exec(stated);
    if (!m) throw new Error(`not a number as written: ${stated}`);
    return Number(m[1]) / (m[2] === '%' ? 100 : 1);
  };

  for (const n of THREAD_NUMBERS) {
    it(`${n.id}: "${n.stated}" stands in what it links to, said by ${n.speaker}`, () => {
      const { messageId, paragraph } = parseRef(n.at);
      const message = archive.messages.get(messageId);
      expect(message, messageId).toBeDefined();
      expect(message!.author).toContain(n.speaker);
      expect(message!.date?.slice(0, 10)).toBe(n.said);
      expect(parse(n.stated)).toBe(n.value);
      if (paragraph === null) {
        // The archive lacks the words: the number stands in our summary of the message (its entry),
        // and in no paragraph the archive holds, which the figure would then link instead.
        expect(n.quote).toBeUndefined();
        expect([message!.summary ?? '', ...(message!.claims ?? [])].join('\n')).toContain(n.stated);
        for (const p of message!.paragraphs) expect(matchKey(p.text)).not.toContain(String(n.value));
        expect(passagePath(n)).toBe(`m/${message!.slug}/`);
      } else {
        expect(n.quote).toBeDefined();
        const landing = resolveAnchor(archive, { at: n.at, quote: n.quote! });
        expect(landing.status).toBe('found');
        if (landing.status !== 'found') return;
        expect(landing.paragraphs.map((p) => p.index)).toEqual([paragraph]);
        expect(matchKey(landing.paragraphs[0]!.text)).toContain(matchKey(n.quote!));
        expect(n.quote).toContain(n.stated);
        expect(passagePath(n)).toBe(`m/${message!.slug}/#p${paragraph}`);
      }
    });
  }

  it('sits in the seed article beside the passages it links to', () => {
    const mdx = readFileSync(`${root}src/content/articles/the-seed-annotated.mdx`, 'utf8');
    expect(mdx).toContain('<Figure name="thread-numbers"');
    const named = anchorsInMdx(mdx).map((a) => `${a.at}\n${a.quote ?? ''}`);
    for (const n of THREAD_NUMBERS) expect(named, n.at).toContain(`${n.at}\n${n.quote ?? ''}`);
  });

  it('draws the stated rates as stated and the rest as arithmetic on them', () => {
    const drawn = drawnNumbers();
    const rate = (id: string): number => THREAD_NUMBERS.find((n) => n.id === id)!.value;
    for (const d of drawn) {
      if (d.number.kind === 'rate') expect([d.low, d.high, d.basis]).toEqual([d.number.value, d.number.value, 'stated']);
      else expect(d.basis).toBe('arithmetic');
    }
    const ratio = drawn.find((d) => d.number.id === 'ratio')!;
    expect(ratio.low).toBeCloseTo(ratio.number.value * rate('send'), 12);
    const twice = drawn.find((d) => d.number.id === 'twice')!;
    expect([twice.low, twice.high]).toEqual([2 * rate('receive'), 2 * rate('send')]);
  });

  it('links every row of its table to the message page, at the paragraph', () => {
    const t = figures['thread-numbers'].table(defaults());
    const where = t.columns.find((c) => c.key === 'where')!;
    t.rows.forEach((row, i) => {
      expect(cellLink(row, where, '/sub/')).toBe(`/sub/${passagePath(THREAD_NUMBERS[i]!)}`);
      expect(row['stated']).toBe(THREAD_NUMBERS[i]!.stated);
    });
  });

  it('ignores the model state and exports its numbers as CSV', () => {
    const zc = presetValues(presetById('quadrics-zc-both')!);
    expect(draw('thread-numbers', zc).outerHTML).toBe(draw('thread-numbers').outerHTML);
    const rows = records(figureCsv(figures['thread-numbers'], zc));
    expect(rows.map((r) => [r['Number'], r['As written'], Number(r['Value']), r['Passage (Message-ID#paragraph)']])).toEqual(
      THREAD_NUMBERS.map((n) => [n.id, n.stated, n.value, n.at]),
    );
    const drawn = drawnNumbers();
    expect(rows.map((r) => [Number(r['Drawn from (Gbit/s)']), Number(r['Drawn to (Gbit/s)'])])).toEqual(drawn.map((d) => [d.low, d.high]));
  });
});

describe('in the articles', () => {
  const article = (slug: string): string => readFileSync(`${root}src/content/articles/${slug}.mdx`, 'utf8');
  it('the measurements sit where the published numbers are discussed, with the fit page linked', () => {
    for (const slug of ['zero-copy-twenty-years-later', 'from-2002-to-today']) {
      const text = article(slug);
      expect(text, slug).toContain('<Figure name="measurements"');
      expect(text, slug).toContain('](../../model/fit/)');
    }
  });
});
