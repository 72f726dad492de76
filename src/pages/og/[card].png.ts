/**
 * Open Graph images: one card for the site and one per article (`og/<id>.png`), drawn from
 * src/lib/og.ts and rasterised with sharp. Figures use their own PNG exports instead.
 */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import sharp from 'sharp';
import { OG_SIZE, ogCardSvg, type OgCard } from '../../lib/og.ts';

export async function getStaticPaths() {
  const articles = await getCollection('articles');
  const site: OgCard = {
    kicker: 'An archive, articles and a live model',
    title: 'Why TCP over Quadrics received slower than it sent',
    description: 'The June 2002 linux-kernel thread on zero-copy receive, annotated, searchable and modelled.',
  };
  return [
    { params: { card: 'site' }, props: { card: site } },
    ...articles.map((a) => ({
      params: { card: a.id },
      props: { card: { kicker: 'Article', title: a.data.title, description: a.data.description } satisfies OgCard },
    })),
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
