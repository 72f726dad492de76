/** A thread as JSON: its subject and every message with its parent and how it was linked. */
import type { APIRoute } from 'astro';
import { threadJson } from '../../lib/mail/threadjson.ts';
import { paths } from '../../lib/routes.ts';
import { href, loadArchive } from '../../site.ts';
import { threadPaths } from '../../threads.ts';

export const getStaticPaths = threadPaths;

export const GET: APIRoute = async ({ props, site }) => {
  const archive = await loadArchive();
  const thread = archive.threads.find((t) => t.id === props['id']);
  if (!thread) return new Response('not found', { status: 404 });
  const url = (slug: string): string => new URL(href(paths.message(slug)), site).href;
  return new Response(JSON.stringify(threadJson(thread, archive, url), null, 2), {
    headers: { 'Content-Type': 'application/json' },
  });
};
