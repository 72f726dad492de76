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
