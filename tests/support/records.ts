import { slugOf } from '../../src/lib/mail/ids.ts';
import type { MessageRecord } from '../../src/lib/mail/types.ts';

/** An imported mbox message record for `id`, with fixture defaults overridden by `extra`. */
export function mail(id: string, extra: Partial<MessageRecord>): MessageRecord {
  return {
    messageId: id,
    slug: slugOf(id),
    aliases: [],
    author: 'Fixture Author',
    date: '2002-06-28T09:00:00+00:00',
    subject: 'Re: zero-copy networking & a performance drop',
    inReplyTo: null,
    references: [],
    list: 'linux-kernel',
    sourceFormat: 'mbox',
    provenance: 'imported',
    body: '',
    ...extra,
  };
}

/**
 * The download files' fixture: a root and its reply, both with raw bytes (by file name in
 * {@link DOWNLOAD_RAWS}), and a message in a thread of its own without; every body names
 * an address that must not reach a download.
 */
export const downloadRecords: MessageRecord[] = (() => {
  const body = 'Write to fixture.author@example.org about it.\n';
  return [
    mail('root.1@example.org', { raw: 'root.raw', subject: 'receive path', body }),
    mail('reply.2@example.org', {
      raw: 'reply.raw',
      subject: 'receive path',
      body,
      inReplyTo: 'root.1@example.org',
      references: ['root.1@example.org'],
      date: '2002-06-28T10:00:00+00:00',
    }),
    mail('nofile.3@example.org', { subject: 'another thread', body, date: '2002-06-29T10:00:00+00:00' }),
  ];
})();

/** The raw bytes of {@link downloadRecords}, as Latin-1 text: an encoded header, an address, a byte above 0x7f. */
export const DOWNLOAD_RAWS: Record<string, string> = {
  'root.raw': 'Message-ID: <root.1@example.org>\nFrom: Fixture Author <fixture.author@example.org>\nSubject: =?utf-8?q?x?=\n\nbody \xe9\n',
  'reply.raw': 'Message-ID: <reply.2@example.org>\nIn-Reply-To: <root.1@example.org>\n\nreply\n',
};
