import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkThreadMbox } from '../../../../src/lib/mail/node/fetch-thread.ts';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const mboxo = readFileSync(join(root, 'tests/fixtures/mail/mboxo.mbox'));

describe('checkThreadMbox', () => {
  it('returns the mbox, inflating gzip', () => {
    expect(Buffer.from(checkThreadMbox(gzipSync(mboxo)))).toEqual(mboxo);
    expect(checkThreadMbox(mboxo)).toBe(mboxo);
  });

  it('accepts public-inbox mboxrd with its 1970 From line', () => {
    const mbox = new TextEncoder().encode('From mboxrd@z Thu Jan  1 00:00:00 1970\nFrom: A <a@example.org>\nSubject: x\n\nbody\n');
    expect(Buffer.from(checkThreadMbox(gzipSync(mbox)))).toEqual(Buffer.from(mbox));
  });

  it.each([
    ['an HTML page', '<!DOCTYPE html>\n<html><body>Not found</body></html>', 'not an mbox: it starts with "<!DOCTYPE html>"'],
    [
      'a challenge page after blank lines',
      '\n\n  <html><head><title>Making sure you are not a bot',
      'not an mbox: it starts with "<html><head><title>Making sure you are n…"',
    ],
    ['plain text', 'Hello\x01 there\n', 'not an mbox: it starts with "Hello? there"'],
    ['a From line without a time', 'From a friend\nFrom: x\n\n', 'not an mbox: it starts with "From a friend"'],
    ['a From line and no headers', 'From x@y Thu Jun 27 11:46:28 2002\nhello there\n', 'has no header fields'],
  ])('refuses %s, plain or gzipped', (_, text, message) => {
    const bytes = new TextEncoder().encode(text);
    expect(() => checkThreadMbox(bytes)).toThrow(message);
    expect(() => checkThreadMbox(gzipSync(bytes))).toThrow(message);
  });

  it('refuses an empty download, broken gzip and gzip that inflates past the limit', () => {
    expect(() => checkThreadMbox(new Uint8Array(0))).toThrow('not an mbox: the download is empty');
    expect(() => checkThreadMbox(gzipSync(new Uint8Array(0)))).toThrow('not an mbox: the download is empty');
    const broken = gzipSync(mboxo).subarray(0, 40);
    expect(() => checkThreadMbox(broken)).toThrow('not an mbox: the gzip data cannot be inflated');
    expect(() => checkThreadMbox(gzipSync(mboxo), 100)).toThrow('not an mbox: the gzip data cannot be inflated');
  });
});
