/**
 * Build-time rasterising of exported figure SVGs with sharp, for the figure PNGs
 * (src/pages/embed/[figure]/[file].ts) and the talk PDFs (src/pages/talks/[article].pdf.ts).
 * An SVG is laid out in CSS px; rasterising at 72 × DENSITY dpi gives DENSITY px per CSS px.
 *
 * Results are kept by a hash of their SVG (and sharp's version, the density and the form) in
 * node_modules/.cache, so a rebuild redraws only what changed; a fresh clone starts cold.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { deflate } from 'node:zlib';
import sharp from 'sharp';
import { DENSITY } from './lib/charts/sizes.ts';
import type { FigureSize } from './lib/charts/types.ts';

const CACHE = 'node_modules/.cache/slowest-side/figure-png';
const zlib = promisify(deflate);

/**
 * What to make: `png`, a PNG file; `rgb`, the pixels as RGB rows on the page's background,
 * zlib-compressed: a PDF image's data as it is (see `PdfImage` in src/lib/talk/pdf.ts).
 */
export type RasterForm = 'png' | 'rgb';

async function draw(svg: string, size: FigureSize, form: RasterForm, what: string): Promise<Uint8Array> {
  const image = sharp(Buffer.from(svg), { density: 72 * DENSITY });
  const { data, info } = await (form === 'png' ? image.png() : image.flatten({ background: '#ffffff' }).raw()).toBuffer({
    resolveWithObject: true,
  });
  if (info.width !== size.width || info.height !== size.height) {
    throw new Error(`${what} came out ${info.width}×${info.height}, not ${size.width}×${size.height}`);
  }
  if (form === 'png') return data;
  if (info.channels !== 3) throw new Error(`${what} came out with ${info.channels} channels, not RGB`);
  return zlib(data, { level: 9 });
}

/** Rasterising under way, by cache file: the same drawing asked for twice at once is made once. */
const underway = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();
let temps = 0;

async function cached(file: string, make: () => Promise<Uint8Array>): Promise<Uint8Array<ArrayBuffer>> {
  const hit = await readFile(file).catch(() => undefined);
  if (hit) return new Uint8Array(hit);
  const data = await make();
  // Written whole under a temporary name of its own, then renamed: a cache file is complete or absent.
  await mkdir(CACHE, { recursive: true });
  temps += 1;
  const temp = `${file}.${process.pid}.${temps}.tmp`;
  await writeFile(temp, data);
  await rename(temp, file);
  return new Uint8Array(data);
}

/** `svg` rasterised at DENSITY to `size` px (checked) in `form`; `what` names it in errors. */
export function rasterise(svg: string, size: FigureSize, form: RasterForm, what: string): Promise<Uint8Array<ArrayBuffer>> {
  // PNGs keep the key they always had, so an existing cache stays warm.
  const key = `${form === 'png' ? '' : `${form}\n`}${sharp.versions.sharp ?? ''}\n${DENSITY}\n${svg}`;
  const file = join(CACHE, `${createHash('sha256').update(key).digest('hex')}.${form === 'png' ? 'png' : 'rgb.zz'}`);
  let job = underway.get(file);
  if (job === undefined) {
    job = cached(file, () => draw(svg, size, form, what)).finally(() => underway.delete(file));
    underway.set(file, job);
  }
  return job;
}
