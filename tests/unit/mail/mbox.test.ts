import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isFromLine, isGzip, looksLikeMbox, splitMbox } from '../../../src/lib/mail/mbox.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/mail/${name}`, import.meta.url));
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('splitMbox', () => {
  it('splits an mboxo file and reports 1-based index and start line', () => {
    const { variant, messages } = splitMbox(fixture('mboxo.mbox'));
    expect(variant).toBe('mboxo');
    expect(messages.map((m) => [m.index, m.line])).toEqual([
      [1, 1],
      [2, 14],
      [3, 27],
    ]);
    expect(messages[0]?.fromLine).toBe('From alice@example.org Fri Jun 28 09:12:44 2002');
  });

  it('unescapes >From and keeps From_ lines that are not separators', () => {
    const first = text(splitMbox(fixture('mboxo.mbox')).messages[0]?.raw ?? new Uint8Array());
    expect(first).toContain('\nFrom what I measured, one copy');
    expect(first).toContain('\n\nFrom the numbers above');
    expect(first).not.toContain('>From');
    expect(first.startsWith('From: Alice Example')).toBe(true);
    expect(first.endsWith('of the CPU.\n')).toBe(true); // separator blank line removed
  });

  it('detects mboxrd and removes exactly one > from escaped lines', () => {
    const { variant, messages } = splitMbox(fixture('mboxrd.mbox'));
    expect(variant).toBe('mboxrd');
    const body = text(messages[0]?.raw ?? new Uint8Array());
    expect(body).toContain('\nFrom the top, once.\n>From the top, twice.\n>>From the top, three times.\n');
    expect(messages).toHaveLength(2);
  });

  it('does not split on a From line without a time after a blank line', () => {
    const mbox =
      'From a@example.org Mon Jul  1 10:00:00 2002\nSubject: x\n\nFrom now on\n\nFrom b@example.org Mon Jul  1 11:00:00 2002\nSubject: y\n\nz\n';
    const { messages } = splitMbox(mbox);
    expect(messages).toHaveLength(2);
    expect(text(messages[0]?.raw ?? new Uint8Array())).toBe('Subject: x\n\nFrom now on\n');
    expect(messages[1]?.line).toBe(6);
  });

  it('handles CRLF line endings', () => {
    const mbox =
      'From a@example.org Mon Jul  1 10:00:00 2002\r\nSubject: x\r\n\r\n>From here\r\n\r\nFrom b@example.org Mon Jul  1 11:00:00 2002\r\nSubject: y\r\n\r\nz\r\n';
    const { messages } = splitMbox(mbox);
    expect(messages.map((m) => m.line)).toEqual([1, 6]);
    expect(text(messages[0]?.raw ?? new Uint8Array())).toBe('Subject: x\r\n\r\nFrom here\r\n');
    expect(messages[1]?.fromLine).toBe('From b@example.org Mon Jul  1 11:00:00 2002');
  });

  it('keeps leading text without a From line as a headless first message', () => {
    const { messages } = splitMbox('Subject: stray\n\nx\n\nFrom b@example.org Mon Jul  1 11:00:00 2002\nSubject: y\n\nz\n');
    expect(messages.map((m) => [m.fromLine, m.line])).toEqual([
      [null, 1],
      ['From b@example.org Mon Jul  1 11:00:00 2002', 5],
    ]);
  });

  it('reports an empty message between two separators', () => {
    const { messages } = splitMbox('From a@x Mon Jul  1 10:00:00 2002\n\nFrom b@x Mon Jul  1 11:00:00 2002\nSubject: y\n\nz\n');
    expect(messages[0]?.raw.length).toBe(0);
    expect(messages[1]?.line).toBe(3);
  });
});

describe('gzip and sniffing', () => {
  it('detects the gzip magic number', () => {
    expect(isGzip(gzipSync(fixture('mboxo.mbox')))).toBe(true);
    expect(isGzip(fixture('mboxo.mbox'))).toBe(false);
    expect(isGzip(new Uint8Array([0x1f]))).toBe(false);
  });

  it('recognises mbox files and From_ lines', () => {
    expect(looksLikeMbox(fixture('mboxo.mbox'))).toBe(true);
    expect(looksLikeMbox(fixture('base64.eml'))).toBe(false);
    expect(isFromLine('From MAILER-DAEMON Thu Jun 27 21:01:29 2002')).toBe(true);
    expect(isFromLine('From what I measured, one copy')).toBe(false);
  });
});

describe('splitMbox: what counts as a blank line before a separator', () => {
  const from = 'From someone@example.org Thu Jun 27 10:00:00 2002';
  const text = (raw: Uint8Array) => new TextDecoder().decode(raw);

  it('a From line after a one-character line is body text, not a new message', () => {
    const { messages } = splitMbox(`${from}\nSubject: a\n\nx\n${from}\nstill the body\n`);
    expect(messages).toHaveLength(1);
  });

  it('a CR-only line before a From line separates messages in a CRLF file', () => {
    const { messages } = splitMbox(`${from}\r\nSubject: a\r\n\r\none\r\n\r\n${from}\r\nSubject: b\r\n\r\ntwo\r\n`);
    expect(messages).toHaveLength(2);
  });

  it('mail without a From line starts at its first line that is not blank', () => {
    const { messages } = splitMbox('\n\nSubject: a\n\nbody\n');
    expect(messages).toHaveLength(1);
    expect(messages[0]?.line).toBe(3);
    expect(text(messages[0]?.raw ?? new Uint8Array()).startsWith('Subject: a')).toBe(true);
  });
});
