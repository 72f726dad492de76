/**
 * Passage references used by articles: `<Message-ID>#p<N>` names paragraph N of a message's
 * own text. Articles may also give the exact words they point at; the build checks them.
 */
import type { Archive, ArchiveMessage } from './mail/archive.ts';
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

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** A resolved passage: the message, and the paragraph when the reference names one. */
export interface Passage {
  message: ArchiveMessage;
  paragraph: Paragraph | null;
}

/**
 * Resolves a reference against the archive and checks that `quote`, if given, stands in
 * that paragraph word for word (whitespace aside). Throws with a precise reason otherwise,
 * so an article can never point at a passage that is not there.
 */
export function resolvePassage(archive: Archive, ref: string, quote?: string): Passage {
  const { messageId, paragraph } = parseRef(ref);
  const message = archive.messages.get(messageId);
  if (!message) throw new Error(`passage ${ref}: no message <${messageId}> in the archive`);
  if (paragraph === null) {
    if (quote) throw new Error(`passage ${ref}: a quote needs a paragraph (#pN)`);
    return { message, paragraph: null };
  }
  const para = message.paragraphs.find((p) => p.index === paragraph);
  if (!para) {
    throw new Error(`passage ${ref}: <${messageId}> has ${message.paragraphs.length} paragraphs of its own, not ${paragraph}`);
  }
  if (quote && !squash(para.text).includes(squash(quote))) {
    throw new Error(`passage ${ref}: paragraph ${paragraph} does not contain "${quote}"`);
  }
  return { message, paragraph: para };
}
