/**
 * Each article's own sequence as a PDF (`paths.talkFile(article, 'pdf')`): the backup deck
 * and handout of src/lib/talk/pdf.ts, a title page and one 16:9 page a step. Each step's
 * figure is rasterised with sharp at DENSITY and cached by its SVG's hash, as the figure PNGs
 * are. Our own sequences must print as written: a caption or source line the PDF's font
 * cannot print exactly, or one too long for its page, fails the build, saying where.
 */
import type { APIRoute } from 'astro';
import { rasterise } from '../../figure-raster.ts';
import { staticDocument } from '../../lib/charts/static.ts';
import { EXPORT_GLYPHS } from '../../lib/fonts/export-font.ts';
import { talkPdf } from '../../lib/talk/pdf.ts';
import { PDF_IMAGE, stepFiles, stepSvg, talkPdfInput } from '../../lib/talk/step-files.ts';
import { type ArticleTalk, articleTalks } from '../../talks.ts';

interface Props {
  article: ArticleTalk;
}

export async function getStaticPaths() {
  return (await articleTalks()).map((article) => ({ params: { article: article.slug }, props: { article } satisfies Props }));
}

export const GET: APIRoute = async ({ props, site }) => {
  const { slug, talk } = (props as Props).article;
  const base = new URL(import.meta.env.BASE_URL, site).href;
  const files = stepFiles(talk, base);
  const images = await Promise.all(
    files.map(async (f, i) => {
      const svg = stepSvg(f, { site: base, kind: 'pdf', document: staticDocument(), glyphs: EXPORT_GLYPHS });
      return { ...PDF_IMAGE, data: await rasterise(svg, PDF_IMAGE, 'rgb', `talks/${slug}.pdf step ${i + 1}`) };
    }),
  );
  const pdf = talkPdf(talkPdfInput(talk, files, images, base));
  if (pdf.problems.length > 0) throw new Error(`talks/${slug}.pdf:\n${pdf.problems.join('\n')}`);
  return new Response(pdf.bytes, { headers: { 'Content-Type': 'application/pdf' } });
};
