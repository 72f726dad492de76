import { describe, expect, it } from 'vitest';
import { EXPORT_SIZES, DENSITY, layoutSize } from '../../../src/lib/charts/sizes.ts';
import {
  embedUrl,
  fileUrl,
  FIGURE_HOME,
  iframeSnippet,
  imgSnippet,
  permalink,
  presetOf,
  stateQuery,
} from '../../../src/lib/embed/links.ts';
import { defaults, fromQuery, MODEL_VERSION, presetById, presetValues, type Values } from '../../../src/lib/model/index.ts';
import { checkVersion, MODEL_VERSIONS } from '../../../src/lib/model/versions.ts';
import { figureIds } from '../../../src/lib/charts/index.ts';

const SITE = 'https://example.org/sub/';

/** The state a query names: `preset=<id>` alone, or keys over the defaults. */
function readSearchless(query: string): Values {
  const q = new URLSearchParams(query);
  const p = presetById(q.get('preset') ?? '');
  return p ? presetValues(p) : fromQuery(q).values;
}
const zcBoth = presetValues(presetById('quadrics-zc-both')!);

describe('figure links', () => {
  it('name a preset only when the state is exactly that preset', () => {
    expect(presetOf(zcBoth, 'quadrics-zc-both')).toBe('quadrics-zc-both');
    expect(presetOf({ ...zcBoth, mss: 9000 }, 'quadrics-zc-both')).toBeUndefined();
    expect(presetOf(zcBoth, 'no-such-preset')).toBeUndefined();
    expect(stateQuery(zcBoth, 'quadrics-zc-both')).toBe('preset=quadrics-zc-both');
  });

  it('write a custom state as its differences from the defaults, which read back to the same state', () => {
    const values = { ...defaults(), rxCopyMBps: 500 };
    const q = stateQuery(values, 'quadrics-2002');
    expect(q).toBe('rxCopyMBps=500');
    expect(readSearchless(q)).toEqual(values);
  });

  it('put the permalink in the figure’s article, at the figure', () => {
    const url = new URL(permalink(SITE, 'memory-bus', zcBoth, 'quadrics-zc-both'));
    expect(url.pathname).toBe(`/sub/articles/${FIGURE_HOME['memory-bus']}/`);
    expect(url.searchParams.get('preset')).toBe('quadrics-zc-both');
    expect(url.hash).toBe('#fig-memory-bus');
  });

  it('give every figure a home article', () => {
    for (const id of figureIds) expect(FIGURE_HOME[id]).toMatch(/^[a-z0-9-]+$/);
  });

  it('point embeds at the preset’s built page and carry the model version and options', () => {
    const url = new URL(embedUrl(SITE, 'slowest-side', zcBoth, 'quadrics-zc-both', { theme: 'dark', width: 960, height: 540 }));
    expect(url.pathname).toBe('/sub/embed/slowest-side/quadrics-zc-both/');
    expect(url.searchParams.get('v')).toBe(MODEL_VERSION);
    expect(url.searchParams.get('theme')).toBe('dark');
    expect(url.searchParams.get('size')).toBe('960x540');
    const custom = new URL(embedUrl(SITE, 'slowest-side', { ...zcBoth, mss: 9000 }));
    expect(custom.pathname).toBe('/sub/embed/slowest-side/');
    expect(custom.searchParams.get('mss')).toBe('9000');
    expect(custom.searchParams.has('theme')).toBe(false);
  });

  it('name the build-time files', () => {
    expect(fileUrl(SITE, 'time-breakdown', 'gige-2002', 'svg')).toBe(`${SITE}embed/time-breakdown/gige-2002.svg`);
    expect(fileUrl(SITE, 'time-breakdown', 'gige-2002', '1920x1080.png')).toBe(`${SITE}embed/time-breakdown/gige-2002-1920x1080.png`);
  });

  it('escape snippets', () => {
    const s = iframeSnippet('https://x/?a=1&b="2"', 'A <b> "title"');
    expect(s).toContain('src="https://x/?a=1&amp;b=&quot;2&quot;"');
    expect(s).toContain('title="A &lt;b&gt; &quot;title&quot;"');
    expect(s).not.toMatch(/<b>/);
    expect(imgSnippet('https://x/a.svg', 'x" onerror="alert(1)')).not.toContain('" onerror="');
  });
});

describe('export sizes', () => {
  it('lay out at half the pixel size and rasterise at 2×', () => {
    expect(DENSITY).toBe(2);
    expect(EXPORT_SIZES.map((s) => s.id)).toEqual(['1920x1080', '1280x720', '1080x1080']);
    for (const s of EXPORT_SIZES) {
      const l = layoutSize(s);
      expect([l.width * DENSITY, l.height * DENSITY]).toEqual([s.width, s.height]);
    }
  });
});

describe('model versions', () => {
  it('start with the current version', () => {
    expect(MODEL_VERSIONS[0]?.version).toBe(MODEL_VERSION);
  });

  it('tell current, unknown and missing versions apart', () => {
    expect(checkVersion(MODEL_VERSION)).toEqual({ status: 'current' });
    expect(checkVersion(undefined)).toEqual({ status: 'current' });
    expect(checkVersion('0.0.1')).toEqual({ status: 'unknown', given: '0.0.1' });
  });
});
