/** The published JSON shape of a thread (`/threads/<slug>.json`). */
import type { Archive } from './archive.ts';
import { walk, type Thread } from './thread-tree.ts';
import type { LinkKind, Provenance } from './types.ts';

export interface ThreadJson {
  id: string;
  subject: string;
  messages: {
    messageId: string;
    parent: string | null;
    link: LinkKind | null;
    author: string;
    date: string | null;
    subject: string;
    provenance: Provenance;
    url: string;
  }[];
  /** Message-IDs the thread refers to but the archive lacks. */
  missing: string[];
}

/** Every real message of the thread in tree order; ghosts listed under `missing`. */
export function threadJson(thread: Thread, archive: Archive, url: (slug: string) => string): ThreadJson {
  const nodes = walk(thread).map(({ node }) => node);
  return {
    id: thread.id,
    subject: thread.subject,
    messages: nodes.flatMap((node) => {
      const m = archive.messages.get(node.id);
      if (!node.message || !m) return [];
      return [
        {
          messageId: m.messageId,
          parent: node.parent?.id ?? null,
          link: node.link,
          author: m.author,
          date: m.date,
          subject: m.subject,
          provenance: m.provenance,
          url: url(m.slug),
        },
      ];
    }),
    missing: nodes.filter((n) => !n.message).map((n) => n.id),
  };
}
