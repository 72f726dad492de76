import { describe, expect, it } from 'vitest';
import { parseEmbedOptions, shortValue, SIZE_MAX, SIZE_MIN, versionNotice } from '../../../src/lib/embed/options.ts';
import { MODEL_VERSION } from '../../../src/lib/model/index.ts';
import { checkVersion, type ModelVersion } from '../../../src/lib/model/versions.ts';

describe('parseEmbedOptions', () => {
  it('reads theme, size and version, and says nothing when they are fine', () => {
    expect(parseEmbedOptions('?theme=dark&size=800x450&v=1.0.0')).toEqual({
      theme: 'dark',
      size: { width: 800, height: 450 },
      version: '1.0.0',
      notices: [],
    });
    expect(parseEmbedOptions('theme=transparent').theme).toBe('transparent');
    expect(parseEmbedOptions('size=640×360').size).toEqual({ width: 640, height: 360 });
  });

  it('leaves everything unset for an empty query or empty values', () => {
    expect(parseEmbedOptions('')).toEqual({ theme: undefined, size: undefined, version: undefined, notices: [] });
    expect(parseEmbedOptions('?theme=&size=&v=')).toEqual({ theme: undefined, size: undefined, version: undefined, notices: [] });
  });

  it('ignores model keys and unknown keys without a notice', () => {
    expect(parseEmbedOptions('?mss=abc&x=%3Cscript%3E&utm_source=talk').notices).toEqual([]);
  });

  it('drops an unknown theme with a notice and follows the colour scheme', () => {
    const o = parseEmbedOptions('?theme=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
    expect(o.theme).toBeUndefined();
    expect(o.notices).toEqual([
      'Theme “<img src=x onerror=alert(1)>” is not light, dark or transparent; following the reader’s colour scheme.',
    ]);
    // Case matters: the URL is written by embedUrl, which writes lower case.
    expect(parseEmbedOptions('?theme=Dark').theme).toBeUndefined();
  });

  it('ignores a size that is not width×height, with a notice', () => {
    for (const s of ['abc', '800', '800x', 'x450', '-800x450', '800.5x450', '1e3x450', '800x450x2', '99999999x1']) {
      const o = parseEmbedOptions(`?size=${encodeURIComponent(s)}`);
      expect(o.size, s).toBeUndefined();
      expect(o.notices, s).toHaveLength(1);
      expect(o.notices[0], s).toMatch(/is not width×height in pixels; filling the frame\.$/);
    }
  });

  it('clamps a size into the bounds, with a notice', () => {
    const o = parseEmbedOptions('?size=100x5000');
    expect(o.size).toEqual({ width: SIZE_MIN, height: SIZE_MAX });
    expect(o.notices).toEqual([`Size 100×5000 is outside 240–2400 pixels a side; using 240×2400.`]);
    expect(parseEmbedOptions('?size=0x0').size).toEqual({ width: SIZE_MIN, height: SIZE_MIN });
  });

  it('takes the first of repeated keys', () => {
    expect(parseEmbedOptions('?theme=dark&theme=light').theme).toBe('dark');
  });

  it('drops a leading "v" from the version and keeps other text as given', () => {
    expect(parseEmbedOptions('?v=v0.9').version).toBe('0.9');
    expect(parseEmbedOptions('?v=nightly').version).toBe('nightly');
  });

  it('notices a preset the site does not have', () => {
    expect(parseEmbedOptions('?preset=nope').notices).toEqual(['There is no preset “nope”; showing this page’s state.']);
    expect(parseEmbedOptions('?preset=gige-2002').notices).toEqual([]);
  });

  it('quotes a huge value only in part', () => {
    const o = parseEmbedOptions(`?theme=${'a'.repeat(100_000)}`);
    expect(o.notices[0]!.length).toBeLessThan(150);
    expect(o.notices[0]).toContain('…');
  });
});

describe('shortValue', () => {
  it('cuts long text, flattens control characters, and says nothing for non-text', () => {
    expect(shortValue('x'.repeat(41))).toBe(`${'x'.repeat(39)}…`);
    expect(shortValue('a\nb\u0000c\u202e')).toBe('a b c ');
    expect(shortValue(12.5)).toBe('12.5');
    expect(shortValue({ toString: () => '<b>' })).toBe('');
  });
});

describe('versionNotice', () => {
  it('says nothing for the current version or none', () => {
    expect(versionNotice(undefined, checkVersion(undefined))).toBeUndefined();
    expect(versionNotice(MODEL_VERSION, checkVersion(MODEL_VERSION))).toBeUndefined();
  });

  it('names an unknown version and links the version history', () => {
    expect(versionNotice('0.9', checkVersion('0.9'))).toEqual({
      text: `Model version 0.9 is not one this site published; showing v${MODEL_VERSION}.`,
      link: 'Model versions',
      path: `model/changes/#v${MODEL_VERSION.replaceAll('.', '-')}`,
    });
  });

  it('for an older version, links the newest version that changed the numbers', () => {
    const changed: ModelVersion[] = [
      { version: '1.2.0', date: '2027-01-01', summary: 'x', changesNumbers: true },
      { version: '1.1.0', date: '2026-12-01', summary: 'y', changesNumbers: true },
    ];
    expect(versionNotice('1.0.0', { status: 'older', changed })).toEqual({
      text: `Made with model v1.0.0; numbers now come from v${MODEL_VERSION} —`,
      link: 'what changed',
      path: 'model/changes/#v1-2-0',
    });
    expect(versionNotice('1.0.0', { status: 'older', changed: [] })?.text).toContain('with the same numbers');
  });
});
