/**
 * Each article's own sequence as an offline talk file (`paths.talkFile(article, 'html')`),
 * and the empty template the browser's "Download talk" fills in (`paths.talkTemplate()`):
 * see lib/talk/offline.ts.
 */
import type { APIRoute } from 'astro';
import { playerBundle } from '../../integrations/player-bundle.ts';
import { staticDocument } from '../../lib/charts/static.ts';
import { paths } from '../../lib/routes.ts';
import { offlineCsp, stepFigures, talkHtml } from '../../lib/talk/offline.ts';
import { emptyTalk, type Talk } from '../../lib/talk/talk.ts';
import { articleTalks } from '../../talks.ts';

interface Props {
  talk: Talk;
}

const fileOf = (path: string): string => path.split('/').at(-1)!;

export async function getStaticPaths() {
  const own = (await articleTalks()).map((a) => ({ params: { file: fileOf(paths.talkFile(a.slug, 'html')) }, props: { talk: a.talk } }));
  return [...own, { params: { file: fileOf(paths.talkTemplate()) }, props: { talk: emptyTalk() } satisfies Props }];
}

export const GET: APIRoute = async ({ props, site }) => {
  const { talk } = props as Props;
  const { script, hash } = await playerBundle();
  const steps = stepFigures(talk, staticDocument(), new URL(import.meta.env.BASE_URL, site).href);
  return new Response(talkHtml(talk, steps, { csp: offlineCsp(hash), script }), {
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
  });
};
