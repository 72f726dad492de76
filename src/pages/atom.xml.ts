/** Atom feed of the newest messages. */
import type { APIRoute } from 'astro';
import { atomFeed } from '../lib/feed.ts';
import { byDate } from '../lib/indexes.ts';
import { redactor } from '../lib/mail/archive.ts';
import { paths } from '../lib/routes.ts';
import { href, loadArchive } from '../site.ts';

export const GET: APIRoute = async ({ site }) => {
  const archive = await loadArchive();
  const redact = redactor(archive);
  const abs = (path: string): string => new URL(href(path), site).href;
  const newest = byDate(archive.messages.values())
    .filter((m) => m.date)
    .slice(-50);
  const body = atomFeed({
    title: 'Slowest Side: messages',
    id: abs(paths.home()),
    self: abs(paths.feed()),
    home: abs(paths.home()),
    entries: newest.map((m) => ({
      id: abs(paths.message(m.slug)),
      title: m.subject,
      author: m.author,
      updated: new Date(m.date ?? 0).toISOString(),
      url: abs(paths.message(m.slug)),
      summary: redact(m.summary ?? m.paragraphs[0]?.text ?? '').slice(0, 400),
    })),
  });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
