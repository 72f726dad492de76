/**
 * Fonts that travel (issue 16): an exported SVG renders its text identically with the system
 * fonts removed. Each file is rasterised by sharp (librsvg) in a child process, since
 * fontconfig reads its configuration once, when it loads: once with the machine's fonts, once
 * with FONTCONFIG_FILE naming a configuration with no font folders at all. The outlined file
 * (what the build writes and the share dialog downloads) must come out the same both times,
 * the same as the PNG the build makes of that state, and close to what the fonts themselves
 * draw; the file as it was before, text in system fonts, must not survive the test.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { APIContext } from 'astro';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { exportSvg, SVG_LAYOUT } from '../../src/lib/charts/export.ts';
import { DENSITY, EXPORT_SIZES, layoutSize } from '../../src/lib/charts/sizes.ts';
import { resolveFigure, staticFile } from '../../src/lib/charts/static.ts';
import { GET } from '../../src/pages/embed/[figure]/[file].ts';
import { blankDocument, xmlDocument } from '../support/dom.ts';
import { toXml } from '../../src/lib/charts/xml.ts';

const FIGURE = 'slowest-side';
const PRESET = 'quadrics-2002';
const SITE = 'https://slowest.example/';
/** One CSS px a pixel: small and quick, and every glyph still a few pixels tall. */
const SMALL = 72;

const scratch = mkdtempSync(join(tmpdir(), 'fonts-travel-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
/** A fontconfig configuration that knows no fonts (and caches in the scratch folder). */
const NO_FONTS = join(scratch, 'no-fonts.conf');
writeFileSync(NO_FONTS, `<?xml version="1.0"?>\n<fontconfig><cachedir>${join(scratch, 'cache')}</cachedir></fontconfig>\n`);
const SHARP = createRequire(import.meta.url).resolve('sharp');
/** The child: rasterises the SVG file argv[1] at density argv[2], PNG on stdout. */
const CHILD = `const sharp = (await import(${JSON.stringify(SHARP)})).default;
process.stdout.write(await sharp(process.argv[1], { density: Number(process.argv[2]) }).png().toBuffer());`;
let files = 0;

/** `svg` rasterised in a child process, with the machine's fonts or none. */
async function rasterise(svg: string, density: number, fonts: 'system' | 'none'): Promise<Buffer> {
  const file = join(scratch, `${files++}.svg`);
  writeFileSync(file, svg);
  const env = { ...process.env };
  delete env['FONTCONFIG_FILE'];
  if (fonts === 'none') env['FONTCONFIG_FILE'] = NO_FONTS;
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', CHILD, file, String(density)], {
    env,
    encoding: 'buffer',
    maxBuffer: 64 << 20,
  });
  return stdout;
}

/** How two PNGs differ, channel by channel over white: mean and largest difference (of 255), and pixels off by more than a quarter. */
async function compare(a: Buffer, b: Buffer): Promise<{ mean: number; max: number; over: number; size: string }> {
  const raw = (png: Buffer) => sharp(png).flatten({ background: '#ffffff' }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const [x, y] = await Promise.all([raw(a), raw(b)]);
  expect(`${y.info.width}×${y.info.height}`).toBe(`${x.info.width}×${x.info.height}`);
  let [sum, max, over] = [0, 0, 0];
  for (let p = 0; p < x.data.length; p += 3) {
    let worst = 0;
    for (let c = 0; c < 3; c++) worst = Math.max(worst, Math.abs(x.data[p + c]! - y.data[p + c]!));
    sum += worst;
    max = Math.max(max, worst);
    if (worst > 64) over += 1;
  }
  return { mean: sum / (x.data.length / 3), max, over, size: `${x.info.width}×${x.info.height}` };
}

/** The figure's file at a layout size as the build writes it (outlined), and as it was before (text in system fonts). */
function exported(size: { width: number; height: number }): { outlined: string; text: string; blank: string } {
  const outlined = staticFile(FIGURE, { preset: PRESET }, { theme: 'light', size, site: SITE });
  const { def, values, bandKeys } = resolveFigure(FIGURE, { preset: PRESET });
  const text = exportSvg(def, values, {
    theme: 'light',
    size,
    site: SITE,
    preset: PRESET,
    context: { bandKeys },
    document: blankDocument(),
    glyphs: undefined,
  });
  // The outlined file with its words taken out: what is left when no glyph is drawn.
  const root = xmlDocument(outlined).documentElement;
  for (const g of root.querySelectorAll('[data-text]')) g.remove();
  return { outlined, text, blank: toXml(root) };
}

// DejaVu Sans must be installed (.ci/run installs Debian's fonts-dejavu-core where it is missing):
// it is what the machine draws system-ui with, so text rendered by the fonts can be held
// against the outlines, and the file as it was has fonts to lose.

describe(`${FIGURE} at ${PRESET}, exported`, () => {
  const article = exported(SVG_LAYOUT);

  it('renders its text identically with the system fonts removed, and the text is drawn', async () => {
    const [withFonts, without, blank] = await Promise.all([
      rasterise(article.outlined, SMALL, 'system'),
      rasterise(article.outlined, SMALL, 'none'),
      rasterise(article.blank, SMALL, 'none'),
    ]);
    // No font is read, so nothing may differ: tolerance zero.
    expect(await compare(withFonts, without)).toEqual({ mean: 0, max: 0, over: 0, size: '720×400' });
    // And it is not nothing: without its words the file loses thousands of pixels of ink.
    expect((await compare(without, blank)).over).toBeGreaterThan(2000);
  });

  it('looks as the PNG the build makes of the same state, drawn with no fonts', async () => {
    const png = EXPORT_SIZES.find((s) => s.id === '1280x720')!;
    const response = await GET({
      props: { figure: FIGURE, preset: PRESET, kind: `${png.id}.png` },
      site: new URL(SITE),
    } as unknown as APIContext);
    const built = Buffer.from(await response.arrayBuffer());
    const slide = exported(layoutSize(png));
    const without = await rasterise(slide.outlined, 72 * DENSITY, 'none');
    // The build rasterises this very file (outlined too), with the same sharp: the same pixels.
    expect(await compare(without, built)).toEqual({ mean: 0, max: 0, over: 0, size: '1280×720' });
  });

  it('draws the glyphs where DejaVu Sans itself draws them', async () => {
    const [outlines, fonts] = await Promise.all([
      rasterise(article.outlined, 2 * SMALL, 'none'),
      rasterise(article.text, 2 * SMALL, 'system'),
    ]);
    // Two rasterisers (cairo filling our paths, FreeType through Pango drawing the font) shade
    // the edges of the same outlines a little differently; a glyph a pixel off, another face or
    // a wrong advance would put whole strokes (differences near 255) in many pixels.
    const d = await compare(outlines, fonts);
    expect(d.max).toBeLessThanOrEqual(48);
    expect(d.mean).toBeLessThan(0.25);
  });

  it('fails the file as it was, text in system fonts: without them its words are gone', async () => {
    const [withFonts, without] = await Promise.all([rasterise(article.text, SMALL, 'system'), rasterise(article.text, SMALL, 'none')]);
    const d = await compare(withFonts, without);
    expect(d.max).toBeGreaterThan(128);
    expect(d.over).toBeGreaterThan(1000);
  });
});
