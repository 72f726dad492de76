import type { MessageData, ParsedMessage } from '../../src/lib/mail/types.ts';

/** A stored entry's frontmatter, with a quoted author and a subject YAML would misread unquoted. */
export const entryData: MessageData = {
  messageId: 'm1@example.org',
  aliases: ['hypermail.0123456789abcdef'],
  author: 'Test "Quoted" Person',
  date: '2002-06-27T21:01:29-06:00',
  subject: 'Re: copies & more: a test',
  inReplyTo: null,
  references: [],
  list: 'linux-kernel',
  sourceFormat: 'mbox',
  provenance: 'imported',
  raw: 'm1@example.org.raw',
};

/** {@link entryData} with every optional key of the schema set too, as hand-edited and repaired entries have them. */
export const fullEntryData: MessageData = {
  ...entryData,
  dateInferred: 'no Date header; date taken from the mbox From line',
  inReplyTo: 'm0@example.org',
  inReplyToRaw: 'your message of Thu, 27 Jun 2002',
  references: ['root@example.org', 'm0@example.org'],
  parentBasis: 'header',
  repairs: ['date inferred from the mbox From line'],
  summary: 'Our paraphrase.',
  claims: ['Receive is slower than send.'],
  archive: [{ label: 'lore.kernel.org', url: 'https://lore.kernel.org/x/' }],
};

/** The same message as the importer reads it from an mbox, with `overrides`. */
export function parsedMessage(overrides: Partial<ParsedMessage> = {}): ParsedMessage {
  return {
    messageId: 'm1@example.org',
    aliases: [],
    author: 'Test Person',
    date: '2002-06-27T21:01:29-06:00',
    subject: 'copies',
    inReplyTo: 'm0@example.org',
    references: ['m0@example.org'],
    list: 'linux-kernel',
    sourceFormat: 'mbox',
    body: 'full text\n',
    raw: new TextEncoder().encode('From: x\n\nfull text\n'),
    ...overrides,
  };
}
