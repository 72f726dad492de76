/**
 * Writes messages back out as mail: an mboxrd file of the messages whose text the archive
 * holds, with headers rebuilt from the entry (addresses are never written).
 */
import { mailDate } from '../format.ts';
import { dayAbbr, monthAbbr } from '../calendar.ts';

/** What a message needs to be written as mail. */
export interface ExportMessage {
  messageId: string;
  author: string;
  date: string;
  subject: string;
  inReplyTo: string | null;
  references: string[];
  provenance: string;
  /** Body text, already redacted. */
  body: string;
}

/** The `From ` separator line's asctime date, in UTC. */
function asctime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${dayAbbr(d.getUTCDay())} ${monthAbbr(d.getUTCMonth() + 1)} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

/** A header value on one line: no CR/LF can reach the output (no header injection). */
function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ');
}

/** One message in RFC 5322 form (UTF-8, RFC 6532 headers). */
export function toMail(m: ExportMessage): string {
  const headers = [
    `From: ${oneLine(m.author)}`,
    `Date: ${mailDate(m.date)}`,
    `Subject: ${oneLine(m.subject)}`,
    `Message-ID: <${oneLine(m.messageId)}>`,
    ...(m.inReplyTo ? [`In-Reply-To: <${oneLine(m.inReplyTo)}>`] : []),
    ...(m.references.length > 0 ? [`References: ${m.references.map((r) => `<${oneLine(r)}>`).join(' ')}`] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    `X-Slowest-Side-Provenance: ${oneLine(m.provenance)}`,
  ];
  return `${headers.join('\n')}\n\n${m.body.replace(/\r\n?/g, '\n')}`;
}

/** An mboxrd file: `From ` separators, and every `>*From ` body line gains one `>`. */
export function toMboxrd(messages: ExportMessage[]): string {
  return messages
    .map((m) => {
      const text = toMail(m).replace(/^(>*From )/gm, '>$1');
      return `From slowest-side ${asctime(m.date)}\n${text}${text.endsWith('\n') ? '' : '\n'}\n`;
    })
    .join('');
}
