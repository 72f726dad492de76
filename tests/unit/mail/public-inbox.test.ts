import { describe, expect, it } from 'vitest';
import { escapeMessageId, isUrlArgument, LORE_ALL, loreThread, parseMessageUrl, threadSource } from '../../../src/lib/mail/public-inbox.ts';

const PINE = 'Pine.LNX.4.44.0206271146280.9500-100000@alvie-mail.lanl.gov';
const LKML = 'https://lore.kernel.org/lkml';

describe('escapeMessageId', () => {
  it('keeps what public-inbox keeps and percent-encodes the rest as UTF-8', () => {
    expect(escapeMessageId(PINE)).toBe(PINE);
    expect(escapeMessageId("a+b=c!$&'()*,;:~_.-@x")).toBe("a+b=c!$&'()*,;:~_.-@x");
    expect(escapeMessageId('r5/ack@host')).toBe('r5%2Fack@host');
    expect(escapeMessageId('a b?c#d%e"f@x')).toBe('a%20b%3Fc%23d%25e%22f@x');
    expect(escapeMessageId('é@x')).toBe('%C3%A9@x');
  });
});

describe('parseMessageUrl', () => {
  const thread = { inboxUrl: LKML, messageId: PINE, mboxUrl: `${LKML}/${PINE}/t.mbox.gz` };

  it.each([
    `${LKML}/${PINE}/`,
    `${LKML}/${PINE}`,
    `${LKML}/${PINE}/T/`,
    `${LKML}/${PINE}/T/#u`,
    `${LKML}/${PINE}/t/`,
    `${LKML}/${PINE}/raw`,
    `${LKML}/${PINE}/t.mbox.gz`,
    `${LKML}/${PINE}/t.atom`,
    `${LKML}/${PINE}/#r`,
    `${LKML}/${PINE}/?q=copy`,
    `${LKML}/${PINE}/2-fix.patch`,
    `${LKML}/${PINE.replace('@', '%40')}/`,
  ])('reads the thread from %s', (url) => {
    expect(parseMessageUrl(url)).toEqual(thread);
  });

  it('decodes percent-encoded ids (public-inbox writes / as %2F) and escapes them again for the mbox', () => {
    expect(parseMessageUrl('http://127.0.0.1:8080/test/r5%2Fack+timing=1@host.example.invalid/T/')).toEqual({
      inboxUrl: 'http://127.0.0.1:8080/test',
      messageId: 'r5/ack+timing=1@host.example.invalid',
      mboxUrl: 'http://127.0.0.1:8080/test/r5%2Fack+timing=1@host.example.invalid/t.mbox.gz',
    });
  });

  it('keeps a path prefix in front of the inbox, and sends lore short links to the all inbox', () => {
    expect(parseMessageUrl('https://example.org/archives/pi/netdev/a.1@example.org/T/').inboxUrl).toBe(
      'https://example.org/archives/pi/netdev',
    );
    expect(parseMessageUrl(`https://lore.kernel.org/r/${PINE}`)).toEqual(threadSource(LORE_ALL, PINE));
    expect(parseMessageUrl(`https://lkml.kernel.org/r/${PINE}`).inboxUrl).toBe(LORE_ALL);
    expect(parseMessageUrl('https://example.org/r/a.1@example.org/').inboxUrl).toBe('https://example.org/r');
  });

  it.each([
    [`${LKML}/`, 'its path holds no Message-ID'],
    [`${LKML}/?q=s:copy`, 'its path holds no Message-ID'],
    [`${LKML}/_/text/help/`, 'its path holds no Message-ID'],
    [`https://lore.kernel.org/${PINE}/`, 'no inbox name comes before the Message-ID'],
    [`${LKML}/${PINE}/s/?b=abc`, 'it does not end at the message but at /s'],
    [`${LKML}/${PINE}/T/extra/`, 'it does not end at the message but at /T/extra'],
    [`${LKML}/bad%E0%A4@x/`, 'its Message-ID is not valid percent-encoding'],
    [`${LKML}/%3Ca@x%3E/`, 'its Message-ID holds spaces or angle brackets'],
    [`ftp://lore.kernel.org/lkml/${PINE}/`, 'ftp: is not http or https'],
    ['https://', 'it cannot be parsed as a URL'],
  ])('refuses %s (%s) and says which form is expected', (url, why) => {
    expect(() => parseMessageUrl(url)).toThrow(
      `${url} is not a public-inbox message URL (${why}); expected <inbox URL>/<Message-ID>/, e.g. https://lore.kernel.org/lkml/<Message-ID>/`,
    );
  });
});

describe('loreThread', () => {
  it('is the thread in lore.kernel.org/all, with or without angle brackets', () => {
    const expected = { inboxUrl: LORE_ALL, messageId: PINE, mboxUrl: `https://lore.kernel.org/all/${PINE}/t.mbox.gz` };
    expect(loreThread(PINE)).toEqual(expected);
    expect(loreThread(`<${PINE}>`)).toEqual(expected);
    expect(loreThread(` <${PINE}> `)).toEqual(expected);
    expect(loreThread('<a/b@example.org>').mboxUrl).toBe('https://lore.kernel.org/all/a%2Fb@example.org/t.mbox.gz');
  });

  it.each(['', 'no-at-sign', 'a b@example.org', '<>', '<a@b'])('refuses %j', (id) => {
    expect(() => loreThread(id)).toThrow(`--lore ${id}: not a Message-ID`);
  });
});

describe('isUrlArgument', () => {
  it('tells URLs from paths', () => {
    expect(isUrlArgument('https://lore.kernel.org/lkml/a@b/')).toBe(true);
    expect(isUrlArgument('HTTP://x/')).toBe(true);
    expect(isUrlArgument('mail/000_dfd74d5279ec2a6b.txt')).toBe(false);
    expect(isUrlArgument('/tmp/https://odd')).toBe(false);
    expect(isUrlArgument('C:\\mail\\list.mbox')).toBe(false);
  });
});
