import { describe, expect, it } from 'vitest';
import { atomFeed } from '../../src/lib/feed.ts';
import { escapeAttr, escapeText } from '../../src/lib/xml-escape.ts';

describe('atomFeed', () => {
  const entry = {
    id: 'http://localhost/m/a/',
    title: 'Re: <script>alert(1)</script> & more',
    author: 'O\'Brien "Bob"',
    updated: '2002-06-28T09:00:00.000Z',
    url: 'http://localhost/m/a/',
    summary: 'bytes \u0000 and \u0008 are not XML',
  };

  it('escapes markup and drops characters XML forbids', () => {
    const xml = atomFeed({ title: 'T', id: 'i', self: 's', home: 'h', entries: [entry] });
    expect(xml).toContain('<title>Re: &lt;script&gt;alert(1)&lt;/script&gt; &amp; more</title>');
    expect(xml).toContain("<name>O'Brien &quot;Bob&quot;</name>");
    expect(xml).not.toMatch(/[\u0000\u0008]/);
    expect(xml).not.toContain('<script>');
  });

  it('puts the newest entry first and uses its date as the feed date', () => {
    const older = { ...entry, id: 'old', updated: '2002-06-27T09:00:00.000Z' };
    const xml = atomFeed({ title: 'T', id: 'i', self: 's', home: 'h', entries: [older, entry] });
    expect(xml.indexOf('<id>http://localhost/m/a/</id>')).toBeLessThan(xml.indexOf('<id>old</id>'));
    expect(xml).toContain('<updated>2002-06-28T09:00:00.000Z</updated>\n  <entry>');
  });
});

describe('XML escaping', () => {
  it('escapes what would end text or a double-quoted attribute, and keeps line breaks in attributes', () => {
    expect(escapeText(`<a href="x">'&'</a>`)).toBe(`&lt;a href="x"&gt;'&amp;'&lt;/a&gt;`);
    expect(escapeAttr(`<a href="x">'&'</a>`)).toBe(`&lt;a href=&quot;x&quot;&gt;'&amp;'&lt;/a&gt;`);
    expect(escapeAttr('one\ntwo\tthree')).toBe('one&#10;two&#9;three');
  });

  it('drops the characters XML 1.0 forbids', () => {
    expect(escapeText('a\u0000b\u0008c\uFFFEd')).toBe('abcd');
  });
});
