/**
 * Open Graph images: one card for the site and one per article (`og/<id>.png`) showing the
 * article's first model figure, drawn from src/lib/og.ts and rasterised with sharp. Figures
 * use their own PNG exports instead.
 */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import sharp from 'sharp';
import { articleCard, OG_SIZE, ogCardSvg, SITE_CARD, type OgCard } from '../../lib/og.ts';

export async function getStaticPaths() {
  const articles = await getCollection('articles');
  return [
    { params: { card: 'site' }, props: { card: SITE_CARD } },
    ...articles.map((a) => {
      // The glob loader keeps each entry's MDX source; the card reads the first figure from it.
      if (a.body === undefined) throw new Error(`og card ${a.id}: no MDX source to find its figure in`);
      return { params: { card: a.id }, props: { card: articleCard(a.data, a.body) } };
    }),
  ];
}

export const GET: APIRoute<{ card: OgCard }> = async ({ props }) => {
  const png = await sharp(Buffer.from(ogCardSvg(props.card)))
    .png()
    .toBuffer();
  const { width, height } = await sharp(png).metadata();
  if (width !== OG_SIZE.width || height !== OG_SIZE.height) throw new Error(`og card came out ${width}×${height}`);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
