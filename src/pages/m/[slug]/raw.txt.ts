/** The raw message as imported, with e-mail addresses redacted, encoded ones too (Message-IDs kept). */
import { readFileSync } from 'node:fs';
import type { APIRoute } from 'astro';
import { messagesDir } from '../../../lib/mail/entries.ts';
import { rawRedactor } from '../../../lib/mail/archive.ts';
import { loadArchive } from '../../../site.ts';

export async function getStaticPaths() {
  const archive = await loadArchive();
  return [...archive.messages.values()].filter((m) => m.raw).map((m) => ({ params: { slug: m.slug }, props: { raw: m.raw } }));
}

export const GET: APIRoute = async ({ props }) => {
  const archive = await loadArchive();
  // Latin-1 maps bytes to characters one to one, so every byte but the redacted ones survives.
  const text = readFileSync(`${messagesDir()}/${String(props['raw'])}`).toString('latin1');
  return new Response(new Uint8Array(Buffer.from(rawRedactor(archive)(text), 'latin1')), {
    headers: { 'Content-Type': 'text/plain' },
  });
};
