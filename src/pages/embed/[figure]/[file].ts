/**
 * The build-time files of every figure at every preset (`paths.figureFile`): a light and a
 * dark standalone SVG at the article size, the CSV of the drawn series, and PNGs for slides
 * rasterised from the same SVG at DENSITY (src/figure-raster.ts, cached by the SVG's hash).
 */
import type { APIRoute } from 'astro';
import { rasterise } from '../../../figure-raster.ts';
import { figureCsv, FILE_KINDS, pngSize, SVG_LAYOUT, type FileKind } from '../../../lib/charts/export.ts';
import { figureIds, type FigureId } from '../../../lib/charts/index.ts';
import { layoutSize } from '../../../lib/charts/sizes.ts';
import { resolveFigure, staticFile } from '../../../lib/charts/static.ts';
import { presets } from '../../../lib/model/index.ts';
import { paths } from '../../../lib/routes.ts';

interface Props {
  figure: FigureId;
  preset: string;
  kind: FileKind;
}

export function getStaticPaths() {
  return figureIds.flatMap((figure) =>
    presets.flatMap((p) =>
      FILE_KINDS.map((kind) => ({
        params: { figure, file: paths.figureFile(figure, p.id, kind).split('/').at(-1)! },
        props: { figure, preset: p.id, kind } satisfies Props,
      })),
    ),
  );
}

/** A file to draw: which, and the site's absolute base URL for its permalink. */
type Draw = Props & { site: string };

function svgFile({ figure, preset, kind, site }: Draw): string {
  const png = pngSize(kind);
  return staticFile(
    figure,
    { preset },
    { theme: kind === 'dark.svg' ? 'dark' : 'light', size: png === undefined ? SVG_LAYOUT : layoutSize(png), site },
  );
}

async function pngFile(d: Draw): Promise<Uint8Array<ArrayBuffer>> {
  const size = pngSize(d.kind)!;
  return rasterise(svgFile(d), size, 'png', `figure files: ${d.figure} ${d.preset} ${d.kind}`);
}

/** Every PNG, in the order the build asks for them. */
const PNGS = getStaticPaths()
  .map((r) => r.props)
  .filter((r) => pngSize(r.kind) !== undefined);
/** PNGs started ahead of their request (rasterising runs on libuv threads while the build writes other files). */
const started = new Map<string, Promise<Uint8Array<ArrayBuffer>>>();
const AHEAD = 6;
const keyOf = (d: Props): string => `${d.figure}/${d.preset}/${d.kind}`;

/** The PNG for a request, starting the next few as well. */
function png(d: Draw): Promise<Uint8Array<ArrayBuffer>> {
  const at = PNGS.findIndex((r) => keyOf(r) === keyOf(d));
  for (const next of PNGS.slice(at, at + AHEAD)) {
    const k = keyOf(next);
    if (started.has(k)) continue;
    const job = pngFile({ ...next, site: d.site });
    // A failure surfaces when its own request awaits it, not as an unhandled rejection before.
    job.catch(() => undefined);
    started.set(k, job);
  }
  const k = keyOf(d);
  const job = started.get(k) ?? pngFile(d);
  started.delete(k);
  return job;
}

export const GET: APIRoute = async ({ props, site }) => {
  const d: Draw = { ...(props as Props), site: new URL(import.meta.env.BASE_URL, site).href };
  if (d.kind === 'csv') {
    const { def, values, bandKeys } = resolveFigure(d.figure, { preset: d.preset });
    const csv = figureCsv(def, values, { bandKeys });
    return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
  }
  if (pngSize(d.kind) === undefined) return new Response(svgFile(d), { headers: { 'Content-Type': 'image/svg+xml' } });
  return new Response(await png(d), { headers: { 'Content-Type': 'image/png' } });
};
