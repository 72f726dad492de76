/** Static paths shared by the per-thread routes (nested, flat, JSON, mbox). */
import { threadSlug } from './lib/mail/archive.ts';
import { loadArchive } from './site.ts';

/** One route per thread, keyed by its slug. */
export async function threadPaths() {
  const archive = await loadArchive();
  return archive.threads.map((thread) => ({ params: { slug: threadSlug(thread) }, props: { id: thread.id } }));
}
