/**
 * Passage references used by articles and notes: `<Message-ID>#p<N>` names paragraph N of a
 * message's own text, as a hint; the words it points at are what count (src/lib/anchors.ts).
 */
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
export function paragraphLabel(first: number | undefined, last = first): string {
  if (first === undefined) return '';
  return last === undefined || last === first ? `paragraph ${first}` : `paragraphs ${first}–${last}`;
}
