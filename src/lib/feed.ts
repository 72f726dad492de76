/** An Atom 1.0 feed, built as escaped text. Pure. */
import { escapeAttr } from './xml-escape.ts';

export interface FeedEntry {
  id: string;
  title: string;
  author: string;
  updated: string;
  url: string;
  summary: string;
}

/** The feed document: newest entries first, `updated` being the newest entry's date. */
export function atomFeed(feed: { title: string; id: string; self: string; home: string; entries: FeedEntry[] }): string {
  const entries = [...feed.entries].sort((a, b) => Date.parse(b.updated) - Date.parse(a.updated));
  const updated = entries[0]?.updated ?? '1970-01-01T00:00:00Z';
  const e = escapeAttr;
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
