/**
 * What importing a message makes of the entry that exists for it: which fields of the new
 * copy replace the stored ones and which of ours stay. Pure; the store (node/store.ts) writes
 * the result.
 */
import { FILE_TIME_REPAIR } from './dating.ts';
import type { EntryText } from './entry-file.ts';
import { isDerivedId } from './ids.ts';
import { DEFAULT_LIST, type MessageData } from './schema.ts';
import type { ParsedMessage } from './types.ts';

function unique(ids: Iterable<string>, except: string): string[] {
  return [...new Set(ids)].filter((id) => id !== except);
}

/** True when `message` is a hypermail page and `old` already holds the full mail (mbox/eml). */
export function keepsExistingBody(message: ParsedMessage, old: MessageData | undefined): boolean {
  return message.sourceFormat.startsWith('hypermail-') && (old?.sourceFormat === 'mbox' || old?.sourceFormat === 'eml');
}

/**
 * Frontmatter and body for `message`, merged into the entry that exists for it:
 * our authored `summary`, `claims`, `archive` and `parentBasis` stay; parent links the new
 * message lacks stay; a hypermail page never replaces an mbox/eml body (it only adds its
 * id as an alias) nor an existing date for the same instant (which keeps the sender's
 * offset, where hypermail shows the archive's zone); otherwise the new text replaces the old and provenance is `imported`.
 * `dateInferred` and `repairs` describe the new copy only: a clean copy of a repaired message drops them.
 * `writeRaw` is false when the raw bytes of the existing entry stay.
 */
export function mergeMessage(
  message: ParsedMessage,
  existing: Pick<EntryText, 'data' | 'body'> | undefined,
  rawName: string,
): { data: MessageData; body: string; writeRaw: boolean } {
  const old = existing?.data;
  if (existing && old && keepsExistingBody(message, old)) {
    const aliases = unique([...old.aliases, message.messageId, ...message.aliases], old.messageId);
    return { data: { ...old, aliases }, body: existing.body, writeRaw: false };
  }
  const keepParent = message.inReplyTo === null && message.inReplyToRaw === undefined;
  // A hypermail date is in the archive's zone; an existing date for the same instant keeps the sender's offset.
  const sameInstant = old !== undefined && Date.parse(old.date) === Date.parse(message.date);
  // A date that only a file's modification time gave moves whenever the file is touched (a
  // fresh checkout): the first one stays, so importing the same mail again changes nothing.
  const fileTimeAgain = (m: { repairs?: string[] | undefined } | undefined): boolean => m?.repairs?.includes(FILE_TIME_REPAIR) === true;
  const keepFileTime = old !== undefined && fileTimeAgain(message) && fileTimeAgain(old);
  const date = (message.sourceFormat.startsWith('hypermail-') && sameInstant) || keepFileTime ? (old?.date ?? message.date) : message.date;
  const inReplyToRaw = keepParent ? old?.inReplyToRaw : message.inReplyToRaw;
  const formerId = old && old.messageId !== message.messageId && isDerivedId(old.messageId) ? [old.messageId] : [];
  const data: MessageData = {
    messageId: message.messageId,
    aliases: unique([...(old?.aliases ?? []), ...formerId, ...message.aliases], message.messageId),
    author: message.author,
    date,
    ...(message.dateInferred !== undefined && {
      dateInferred: keepFileTime ? (old?.dateInferred ?? message.dateInferred) : message.dateInferred,
    }),
    subject: message.subject,
    inReplyTo: keepParent ? (old?.inReplyTo ?? null) : message.inReplyTo,
    ...(inReplyToRaw !== undefined && { inReplyToRaw }),
    references: message.references.length > 0 ? message.references : (old?.references ?? []),
    ...(old?.parentBasis !== undefined && { parentBasis: old.parentBasis }),
    list: message.list ?? old?.list ?? DEFAULT_LIST,
    sourceFormat: message.sourceFormat,
    provenance: 'imported',
    raw: rawName,
    ...(message.repairs !== undefined && message.repairs.length > 0 && { repairs: message.repairs }),
    ...(old?.summary !== undefined && { summary: old.summary }),
    ...(old?.claims !== undefined && { claims: old.claims }),
    ...(old?.archive !== undefined && { archive: old.archive }),
  };
  return { data, body: message.body, writeRaw: true };
}
