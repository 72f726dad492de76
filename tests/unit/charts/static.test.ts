import { readFileSync } from 'node:fs';
import { blankDocument, htmlDocument, xmlDocument } from '../../support/dom.ts';
import { describe, expect, it } from 'vitest';
import { exportSvg, SVG_LAYOUT } from '../../../src/lib/charts/export.ts';
import { EXPORT_GLYPHS } from '../../../src/lib/fonts/export-font.ts';
import { figureIds, figures, parseBandKeys, renderFigure } from '../../../src/lib/charts/index.ts';
import { resolveFigure, staticFigure, staticFile, type StaticState } from '../../../src/lib/charts/static.ts';
import { UNKNOWN_KEYS } from '../../../src/lib/charts/words.ts';
import { defaults, presetById, presets, presetValues, type ParamKey, type Values } from '../../../src/lib/model/index.ts';
import { bandKeysFor, presetMatching } from '../../../src/lib/model/compare.ts';

const fresh = (): Document => blankDocument();

/** The bands figure-live.ts draws on a page starting at `values`: the page's, narrowed to the figure's `data-band-keys`. */
function articleLive(values: Values, dataBandKeys: string | undefined): ParamKey[] {
  const own = parseBandKeys(dataBandKeys);
  return bandKeysFor(values, presetMatching(values), values).filter((k) => !own || own.includes(k));
}

/** The bands embed.ts draws on an embed page built at `values` (with its preset, if any). */
function embedLive(values: Values, pagePreset: string | undefined): ParamKey[] {
  const page = presetById(pagePreset ?? '');
  return bandKeysFor(values, page ?? presetMatching(values), values);
}

/** States a page can start at: every preset, the defaults, and some that no preset equals. */
const STATES: StaticState[] = [
  {},
  ...presets.map((p) => ({ preset: p.id })),
  { values: presetValues(presetById('zcrx-2024-zcrx')!) },
  { values: { mss: 1500 } },
  { preset: 'quadrics-2002', values: { rxCopyMBps: 400 } },
  { preset: 'quadrics-2002', bandKeys: ['mss', 'rxCsum'] },
  { preset: 'gige-2002', bandKeys: ['mss', 'rxCsum'] },
];

describe('staticFigure', () => {
  it('draws the same SVG as renderFigure at a preset, with its caption, table and title', () => {
    for (const p of ['quadrics-2002', 'zcrx-2024-zcrx']) {
      const preset = presetById(p)!;
      for (const id of figureIds) {
        const context = { bandKeys: preset.bandKeys };
        const expected = renderFigure(figures[id], presetValues(preset), SVG_LAYOUT, 'light', fresh(), context).outerHTML;
        const drawn = staticFigure(id, { preset: p });
        expect(drawn.svg).toBe(expected);
        expect(drawn.caption).toBe(figures[id].caption(presetValues(preset), context));
        expect(drawn.table).toEqual(figures[id].table(presetValues(preset), context));
        expect(drawn.title).toBe(figures[id].title);
        // The shared document carries nothing from one drawing to the next.
        expect(staticFigure(id, { preset: p }).svg).toBe(expected);
      }
    }
  });

  it('takes size, theme and values over the preset, clamped', () => {
    const size = { width: 500, height: 300 };
    const values = { ...presetValues(presetById('gige-2002')!), mss: 9000 };
    const drawn = staticFigure('memory-bus', { preset: 'gige-2002', values: { mss: 9000 }, size, theme: 'dark' });
    expect(drawn.values).toEqual(values);
    expect(drawn.svg).toBe(renderFigure(figures['memory-bus'], values, size, 'dark', fresh(), { bandKeys: [] }).outerHTML);
    expect(staticFigure('memory-bus', { values: { mss: -5 } }).values.mss).not.toBe(-5);
  });

  it('writes well-formed XML when asked, the same drawing', () => {
    const html = staticFigure('slowest-side', { preset: 'quadrics-2002' }).svg;
    const xml = staticFigure('slowest-side', { preset: 'quadrics-2002', markup: 'xml' }).svg;
    expect(xml).not.toBe(html);
    const parsed = xmlDocument(xml);
    expect(parsed.documentElement.getAttribute('aria-label')).toBe(htmlDocument(html).querySelector('svg')?.getAttribute('aria-label'));
  });

  it('throws on an unknown figure or preset', () => {
    expect(() => staticFigure('no-such-figure')).toThrow('unknown figure "no-such-figure"');
    expect(() => staticFigure('memory-bus', { preset: 'no-such-preset' })).toThrow('memory-bus: unknown preset "no-such-preset"');
    expect(() => resolveFigure('memory-bus', { preset: 'no-such-preset' })).toThrow('unknown preset');
    expect(() =>
      staticFile('memory-bus', { preset: 'no-such-preset' }, { theme: 'light', size: SVG_LAYOUT, site: 'https://x.example/' }),
    ).toThrow('unknown preset');
  });

  it('draws the standalone file as exportSvg does at a preset, its text outlined with the export glyphs', () => {
    const p = presetById('quadrics-2002-queued')!;
    const opts = { theme: 'dark', size: SVG_LAYOUT, site: 'https://x.example/' } as const;
    expect(staticFile('receive-path', { preset: p.id }, opts)).toBe(
      exportSvg(figures['receive-path'], presetValues(p), {
        ...opts,
        preset: p.id,
        context: { bandKeys: p.bandKeys },
        document: fresh(),
        glyphs: EXPORT_GLYPHS,
      }),
    );
  });
});

describe('the band rule', () => {
  it('is what the live article figure and the live embed draw at the state they start from', () => {
    for (const state of STATES) {
      const drawn = staticFigure('throughput-vs-segment', state);
      expect(drawn.bandKeys, JSON.stringify(state)).toEqual(articleLive(drawn.values, drawn.ownBandKeys?.join(',')));
      if (state.bandKeys === undefined && (state.values === undefined || state.preset === undefined)) {
        expect(drawn.bandKeys, JSON.stringify(state)).toEqual(embedLive(drawn.values, state.preset));
      }
    }
  });

  it('finds a named preset by its values (no two presets hold the same values)', () => {
    for (const p of presets) expect(presetMatching(presetValues(p))?.id).toBe(p.id);
  });

  it('gives a state a preset equals its bands, named or not; every unknown range when none equals it', () => {
    const zcrx = presetValues(presetById('zcrx-2024-zcrx')!);
    expect(resolveFigure('memory-bus', { preset: 'zcrx-2024-zcrx' }).bandKeys).toEqual([]);
    expect(resolveFigure('memory-bus', { values: zcrx }).bandKeys).toEqual([]);
    expect(resolveFigure('memory-bus', { values: { mss: 1500 } }).bandKeys).toEqual([...UNKNOWN_KEYS]);
    expect(resolveFigure('memory-bus').bandKeys).toEqual(presetById('quadrics-2002')!.bandKeys);
    expect(resolveFigure('memory-bus').values).toEqual(defaults());
  });

  it('keeps the bands of a preset whose values are changed, as a page starting there does, and only narrows to a given list', () => {
    const changed = resolveFigure('memory-bus', { preset: 'quadrics-2002', values: { rxCopyMBps: 400 } });
    expect(changed.bandKeys).toEqual(presetById('quadrics-2002')!.bandKeys);
    expect(resolveFigure('memory-bus', { preset: 'gige-2002', values: { mss: 1500 } }).bandKeys).toEqual([]);
    expect(resolveFigure('memory-bus', { preset: 'quadrics-2002', bandKeys: ['mss', 'rxCsum'] }).bandKeys).toEqual(['mss', 'rxCsum']);
    expect(resolveFigure('memory-bus', { preset: 'gige-2002', bandKeys: ['mss', 'rxCsum'] }).bandKeys).toEqual([]);
  });

  it('is the only rule: the article and embed components draw through staticFigure and pick no bands themselves', () => {
    for (const file of ['src/components/Figure.astro', 'src/components/EmbedFigure.astro']) {
      const source = readFileSync(file, 'utf8');
      expect(source, file).toContain('staticFigure(');
      expect(source, file).not.toMatch(/renderFigure|parseHTML|bandKeysFor|presetMatching|presetById|\.bandKeys\s*\?\?/);
    }
  });
});
