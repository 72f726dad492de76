/** An Atom 1.0 feed, built as escaped text. Pure. */

export interface FeedEntry {
  id: string;
  title: string;
  author: string;
  updated: string;
  url: string;
  summary: string;
}

/** Escapes text for XML element content and attribute values. */
export function xmlEscape(text: string): string {
  // Characters XML 1.0 forbids are dropped; the five specials are escaped.
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** The feed document: newest entries first, `updated` being the newest entry's date. */
export function atomFeed(feed: { title: string; id: string; self: string; home: string; entries: FeedEntry[] }): string {
  const entries = [...feed.entries].sort((a, b) => Date.parse(b.updated) - Date.parse(a.updated));
  const updated = entries[0]?.updated ?? '1970-01-01T00:00:00Z';
  const e = xmlEscape;
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>${e(feed.title)}</title>
  <id>${e(feed.id)}</id>
  <link rel="self" href="${e(feed.self)}"/>
  <link rel="alternate" href="${e(feed.home)}"/>
  <updated>${e(updated)}</updated>
${entries
  .map(
    (x) => `  <entry>
    <title>${e(x.title)}</title>
    <id>${e(x.id)}</id>
    <link rel="alternate" href="${e(x.url)}"/>
    <author><name>${e(x.author)}</name></author>
    <updated>${e(x.updated)}</updated>
    <summary>${e(x.summary)}</summary>
  </entry>`,
  )
  .join('\n')}
</feed>
`;
}
