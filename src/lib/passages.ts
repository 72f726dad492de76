/**
 * Passage references used by articles and notes: `<Message-ID>#p<N>` names paragraph N of a
 * message's own text, as a hint; the words it points at are what count (src/lib/anchors.ts).
 */
import type { Paragraph } from './mail/quotes.ts';

/** A parsed passage reference. */
export interface PassageRef {
  messageId: string;
  /** Paragraph number (1-based), or null for the message as a whole. */
  paragraph: number | null;
}

/** `id#p3` → { messageId: 'id', paragraph: 3 }; `id` → paragraph null. */
export function parseRef(ref: string): PassageRef {
  const m = /^(.+?)(?:#p(\d+))?$/.exec(ref.trim().replace(/^<|>$/g, ''));
  const messageId = (m?.[1] ?? '').replace(/^<|>$/g, '');
  return { messageId, paragraph: m?.[2] ? Number(m[2]) : null };
}

/** "paragraph 3", or "paragraphs 3–5" when words run over several; '' for none. */
export function paragraphLabel(paragraphs: readonly Pick<Paragraph, 'index'>[]): string {
  const first = paragraphs[0];
  const last = paragraphs.at(-1);
  if (!first || !last) return '';
  return first === last ? `paragraph ${first.index}` : `paragraphs ${first.index}–${last.index}`;
}
