import { describe, expect, it } from 'vitest';
import { count, mailDate, sentence, shortDate } from '../../src/lib/format.ts';
import { paths, withBase } from '../../src/lib/routes.ts';
import { baseSubject, groupAnchor } from '../../src/lib/indexes.ts';

describe('dates as the sender wrote them', () => {
  it('keeps the original offset and weekday', () => {
    expect(mailDate('2002-06-27T22:01:29-05:00')).toBe('Thu, 27 Jun 2002 22:01:29 -0500');
    expect(mailDate('2002-06-28T04:59:36+02:00')).toBe('Fri, 28 Jun 2002 04:59:36 +0200');
    expect(mailDate('2002-06-28T04:59:36Z')).toBe('Fri, 28 Jun 2002 04:59:36 +0000');
    expect(shortDate('2002-06-27T12:16:19-06:00')).toBe('27 Jun 2002 12:16');
  });
  it('leaves a malformed date as written', () => {
    expect(mailDate('yesterday')).toBe('yesterday');
  });
});

describe('sentence', () => {
  it('capitalises a phrase and ends it with a full stop, once', () => {
    expect(sentence('no Date header; date taken from the mbox From line')).toBe('No Date header; date taken from the mbox From line.');
    expect(sentence('Date header unparseable ("x").')).toBe('Date header unparseable ("x").');
    expect(sentence('  ')).toBe('');
  });
});

describe('routes', () => {
  it('joins every path with any base', () => {
    expect(withBase('/', paths.message('a@b'))).toBe('/m/a@b/');
    expect(withBase('/sub/', paths.thread('x'))).toBe('/sub/threads/x/');
    expect(withBase('/sub', paths.home())).toBe('/sub/');
  });
});

describe('indexes', () => {
  it('files replies under the subject they answer', () => {
    expect(baseSubject('Re: RE: Fwd: zero-copy')).toBe('zero-copy');
    expect(baseSubject('Re[2]: x')).toBe('x');
    expect(baseSubject('Re: ')).toBe('(no subject)');
  });
  it('gives distinct anchors to names that read alike', () => {
    expect(groupAnchor('J. Doe')).not.toBe(groupAnchor('J Doe'));
    expect(groupAnchor('J. Doe')).toMatch(/^g-j-doe-[0-9a-f]{6}$/);
  });
  it('counts in words', () => {
    expect(count(1, 'message')).toBe('1 message');
    expect(count(10000, 'message')).toBe('10,000 messages');
  });
});
