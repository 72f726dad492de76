/**
 * The last step before a parsed message is stored: header text loses control characters
 * (an encoded word can smuggle CR, LF, NUL or ESC into a subject or a name), the body
 * loses NUL and other control bytes, and e-mail addresses in the body are hidden, so no
 * stored entry holds one. Pure: plain data in, plain data out.
 */
import { gatewayPrefixes } from './headers.ts';
import { UNKNOWN_SENDER } from './parse.ts';
import { segment } from './quotes.ts';
import { redactAddresses } from './redact.ts';
import type { ParsedMessage } from './types.ts';

/** C0 and C1 control characters and DEL. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]+/g;
/** Control characters in header text that are a fault (a tab is only white space). */
const HEADER_FAULT = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/;
/** The same, less the layout characters a text body may hold: tab, LF, form feed, CR. */
const BODY_CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/g;

/** Header text on one line: every run of control characters (CR, LF, NUL, ESC…) becomes one space. */
export function cleanHeaderText(text: string): string {
  return text.replace(CONTROL, ' ').trim();
}

/** Body text with every control character but tab, LF, form feed and CR replaced by U+FFFD. */
export function cleanBody(text: string): string {
  return text.replace(BODY_CONTROL, '\ufffd');
}

/**
 * Ids the body may name and keep: the message's own ids and parents, and the ids that
 * attribution lines carry ("In article <id> Jane wrote:"). A token is kept when it is one
 * of them or one of them with a news-gateway suffix (`id.lists.linux.kernel`).
 */
function knownIds(message: ParsedMessage, body: string): (token: string) => boolean {
  const ids = new Set([message.messageId, ...message.aliases, ...message.references]);
  if (message.inReplyTo !== null) ids.add(message.inReplyTo);
  for (const s of segment(body)) if (s.kind === 'attribution' && s.messageId !== undefined) ids.add(s.messageId);
  return (token) => ids.has(token) || gatewayPrefixes(token).some((id) => ids.has(id));
}

/**
 * `message` as it may be stored: subject, author and free-text In-Reply-To on one clean
 * line, control characters out of the body, and every address in the body hidden except
 * the Message-IDs it names (see {@link knownIds}). Replaced control characters are listed
 * in `repairs`; hidden addresses are not (hiding them is the archive's rule, not a fault of
 * the mail). The raw bytes are not touched.
 */
export function sanitizeMessage(message: ParsedMessage): ParsedMessage {
  const body = cleanBody(message.body);
  const author = cleanHeaderText(message.author);
  const repairs = [...(message.repairs ?? [])];
  const headerText = [message.author, message.subject, message.inReplyToRaw ?? ''];
  if (headerText.some((text) => HEADER_FAULT.test(text))) repairs.push('control characters in header fields replaced by spaces');
  const replaced = message.body.match(BODY_CONTROL)?.length ?? 0;
  if (replaced > 0) {
    repairs.push(`${replaced === 1 ? 'a control character' : `${replaced} control characters`} in the body replaced by \ufffd (U+FFFD)`);
  }
  return {
    ...message,
    author: author === '' ? UNKNOWN_SENDER : author,
    subject: cleanHeaderText(message.subject),
    ...(message.inReplyToRaw === undefined ? {} : { inReplyToRaw: cleanHeaderText(message.inReplyToRaw) }),
    body: redactAddresses(body, knownIds(message, body)),
    ...(repairs.length > 0 && { repairs }),
  };
}
