/** A thread as an mboxrd download of the messages whose full text the archive holds. */
import type { APIRoute } from 'astro';
import { redactor, sortTime } from '../../lib/mail/archive.ts';
import { toMboxrd } from '../../lib/mail/export.ts';
import { walk } from '../../lib/mail/thread.ts';
import { loadArchive } from '../../site.ts';
import { threadPaths } from '../../threads.ts';

export const getStaticPaths = threadPaths;

export const GET: APIRoute = async ({ props }) => {
  const archive = await loadArchive();
  const thread = archive.threads.find((t) => t.id === props['id']);
  if (!thread) return new Response('not found', { status: 404 });
  const redact = redactor(archive);
  const held = walk(thread)
    .flatMap(({ node }) => archive.messages.get(node.id) ?? [])
    .filter((m) => m.provenance === 'imported' && m.date !== null)
    .sort((a, b) => sortTime(a) - sortTime(b))
    .map((m) => ({ ...m, date: m.date ?? '', body: redact(m.body) }));
  return new Response(toMboxrd(held), { headers: { 'Content-Type': 'application/mbox' } });
};
