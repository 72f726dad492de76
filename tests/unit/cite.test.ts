import { describe, expect, it } from 'vitest';
import { bibUrl, citeArticle, citeFigure, citeMessage, displayName, escapeBibtex, type MessageCiteInput } from '../../src/lib/cite.ts';

const SEED = 'Pine.LNX.4.44.0206271943340.24818-100000@alvie-mail.lanl.gov';
const SITE = 'https://example.org/sub/';

const seed: MessageCiteInput = {
  author: 'Hurwitz Justin W.',
  subject: 'Re: zero-copy networking & a performance drop',
  date: '2002-06-27T21:01:29-06:00',
  messageId: SEED,
  list: 'linux-kernel',
  url: `${SITE}m/${SEED}/`,
  archive: [
    { label: 'lore.kernel.org', url: `https://lore.kernel.org/lkml/${SEED}/` },
    { label: 'lkml.iu.edu (hypermail)', url: 'https://lkml.iu.edu/hypermail/linux/kernel/0206.3/0494.html' },
  ],
  provenance: 'imported',
};

/** The value of one BibTeX field, as written. */
function field(bibtex: string, name: string): string | undefined {
  return new RegExp(`^  ${name} +=\\s(.*),$`, 'm').exec(bibtex)?.[1];
}

/** BibTeX braces balance once escaped braces are ignored. */
function balanced(bibtex: string): boolean {
  let depth = 0;
  for (const ch of bibtex.replace(/\\[{}]/g, '')) {
    if (ch === '{') depth++;
    if (ch === '}') depth--;
    if (depth < 0) return false;
  }
  return depth === 0;
}

const ADDRESS = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

describe('escapeBibtex', () => {
  it('escapes every LaTeX special and collapses whitespace', () => {
    expect(escapeBibtex('a{b}c%d&e_f#g$h\\i^j~k\n  l')).toBe(
      'a\\{b\\}c\\%d\\&e\\_f\\#g\\$h\\textbackslash{}i\\textasciicircum{}j\\textasciitilde{}k l',
    );
  });
});

describe('citeArticle', () => {
  const url = `${SITE}articles/odd/`;
  it('escapes a title full of specials, keeps braces balanced and the URL verbatim', () => {
    const c = citeArticle({ title: 'Odd {title} 100% & A_B #1 $5 \\ done', slug: 'odd', url });
    expect(field(c.bibtex, 'title')).toBe('{{Odd \\{title\\} 100\\% \\& A\\_B \\#1 \\$5 \\textbackslash{} done}}');
    expect(field(c.bibtex, 'author')).toBe('{{Slowest Side}}');
    expect(field(c.bibtex, 'url')).toBe(`{${url}}`);
    expect(balanced(c.bibtex)).toBe(true);
    expect(c.bibtex.startsWith('@misc{slowestside-odd,\n')).toBe(true);
    expect(c.plain).toBe(`Slowest Side. (n.d.). Odd {title} 100% & A_B #1 $5 \\ done. ${url}`);
  });

  it('adds year and date when published, and urldate and "Retrieved" when accessed', () => {
    const c = citeArticle({
      title: 'Copy vs zero-copy',
      slug: 'copy-vs-zero-copy',
      url,
      date: '2026-11-25',
      accessed: '2027-01-05T10:00:00Z',
    });
    expect(field(c.bibtex, 'year')).toBe('{2026}');
    expect(field(c.bibtex, 'month')).toBe('nov');
    expect(field(c.bibtex, 'urldate')).toBe('{2027-01-05}');
    expect(c.plain).toBe(`Slowest Side. (2026). Copy vs zero-copy. Retrieved January 5, 2027, from ${url}`);
  });

  it('keeps an ASCII key even for a non-ASCII slug', () => {
    expect(citeArticle({ title: 't', slug: 'Zéro Copie', url }).key).toBe('slowestside-zero-copie');
  });
});

describe('citeMessage', () => {
  it('cites a held message at our permalink with its Message-ID, date, list and the other archives', () => {
    const c = citeMessage(seed);
    expect(c.key).toMatch(/^hurwitz2002-[0-9a-f]{8}$/);
    expect(field(c.bibtex, 'author')).toBe('{{Hurwitz Justin W.}}');
    expect(field(c.bibtex, 'title')).toBe('{{Re: zero-copy networking \\& a performance drop}}');
    expect(field(c.bibtex, 'date')).toBe('{2002-06-27}');
    expect(field(c.bibtex, 'url')).toBe(`{${seed.url}}`);
    expect(field(c.bibtex, 'howpublished')).toBe('{Message to the linux-kernel mailing list}');
    const note = field(c.bibtex, 'note') ?? '';
    expect(note).toContain(`Message-ID: ${SEED}.`);
    expect(note).toContain(`lore.kernel.org: \\url{https://lore.kernel.org/lkml/${SEED}/}`);
    expect(balanced(c.bibtex)).toBe(true);
    expect(c.plain).toBe(
      `Hurwitz Justin W. (2002, June 27). Re: zero-copy networking & a performance drop [Message to the linux-kernel mailing list]. ` +
        `Message-ID <${SEED}>. ${seed.url} (also archived at lore.kernel.org: https://lore.kernel.org/lkml/${SEED}/; ` +
        'lkml.iu.edu (hypermail): https://lkml.iu.edu/hypermail/linux/kernel/0206.3/0494.html)',
    );
  });

  it('uses the sender’s own calendar day, not the UTC one', () => {
    // 22:30 at -06:00 is already 28 June in UTC; the sender wrote it on the 27th.
    const c = citeMessage({ ...seed, date: '2002-06-27T22:30:00-06:00' });
    expect(field(c.bibtex, 'date')).toBe('{2002-06-27}');
    expect(c.plain).toContain('(2002, June 27)');
  });

  it('gives the same key for the same message and different keys for different Message-IDs', () => {
    expect(citeMessage(seed).key).toBe(citeMessage({ ...seed }).key);
    const other = citeMessage({ ...seed, messageId: 'Pine.LNX.4.44.0206271146280.9500-100000@alvie-mail.lanl.gov' });
    expect(other.key).not.toBe(citeMessage(seed).key);
    expect(other.key).toMatch(/^hurwitz2002-[0-9a-f]{8}$/);
  });

  it('picks the surname-like word for keys and keeps them ASCII', () => {
    expect(citeMessage({ ...seed, author: 'David S. Miller' }).key).toMatch(/^miller2002-/);
    expect(citeMessage({ ...seed, author: 'Miller, David' }).key).toMatch(/^miller2002-/);
    expect(citeMessage({ ...seed, author: 'Jörg Ümlaut' }).key).toMatch(/^umlaut2002-[0-9a-f]{8}$/);
  });

  it('cites a message with no archive links at our permalink alone', () => {
    const c = citeMessage({ ...seed, archive: [] });
    expect(field(c.bibtex, 'url')).toBe(`{${seed.url}}`);
    expect(field(c.bibtex, 'note')).toBe(`{Message-ID: ${SEED}.}`);
    expect(c.plain.endsWith(`Message-ID <${SEED}>. ${seed.url}`)).toBe(true);
    expect(citeMessage({ ...seed, archive: undefined }).plain).toBe(c.plain);
  });

  it('cites the original of a summary and says our page is a summary', () => {
    const id = 'E17NgVM-0001l3-00@sites.inka.de';
    const c = citeMessage({
      author: 'Bernd Eckenfels',
      subject: 'Re: zero-copy networking & a performance drop',
      date: '2002-06-27T23:08:40+02:00',
      messageId: id,
      list: 'linux-kernel',
      url: `${SITE}m/${id}/`,
      archive: [{ label: 'lore.kernel.org', url: `https://lore.kernel.org/lkml/${id}/` }],
      provenance: 'summary',
    });
    expect(field(c.bibtex, 'author')).toBe('{{Bernd Eckenfels}}');
    expect(field(c.bibtex, 'url')).toBe(`{https://lore.kernel.org/lkml/${id}/}`);
    expect(field(c.bibtex, 'note')).toBe(
      `{Message-ID: ${id}. Slowest Side holds only a summary of this message, in its own words: \\url{${SITE}m/${id}/}.}`,
    );
    expect(c.plain).toBe(
      `Bernd Eckenfels. (2002, June 27). Re: zero-copy networking & a performance drop [Message to the linux-kernel mailing list]. ` +
        `Message-ID <${id}>. https://lore.kernel.org/lkml/${id}/ ` +
        `(Slowest Side holds only a summary of this message, in its own words: ${SITE}m/${id}/)`,
    );
  });

  it('says when a summary or reconstruction has no other copy, and dates an undated one by its quoter', () => {
    const c = citeMessage({ ...seed, archive: [], provenance: 'reconstructed', date: null, before: '2002-06-28T10:00:00+02:00' });
    expect(c.key).toMatch(/^hurwitznd-[0-9a-f]{8}$/);
    expect(field(c.bibtex, 'year')).toBeUndefined();
    expect(field(c.bibtex, 'note')).toContain('Undated; written before 2002-06-28.');
    expect(field(c.bibtex, 'note')).toContain('partial text of this message, rebuilt from quotes');
    expect(c.plain).toContain('(n.d., before June 28, 2002)');
    expect(c.plain).toContain('no other archive copy is known');
  });

  it('escapes specials in a Message-ID and subject, and writes no address for the author', () => {
    const c = citeMessage({
      ...seed,
      author: 'Jane Doe <jane.doe@example.com>',
      subject: 'Patch 50% {faster} for jane@example.com',
      messageId: 'a_b%c#d@host.example',
      archive: [{ label: 'odd', url: 'https://x.example/a%40b#frag' }],
    });
    expect(field(c.bibtex, 'author')).toBe('{{Jane Doe}}');
    expect(field(c.bibtex, 'title')).toBe('{{Patch 50\\% \\{faster\\} for [address hidden]}}');
    expect(field(c.bibtex, 'note')).toContain('Message-ID: a\\_b\\%c\\#d@host.example.');
    expect(field(c.bibtex, 'note')).toContain('\\url{https://x.example/a\\%40b\\#frag}');
    expect(balanced(c.bibtex)).toBe(true);
    for (const text of [c.bibtex, c.plain]) {
      expect(text).not.toContain('jane');
      // Only Message-IDs may look like addresses: this one (escaped or not) and the seed's in our URL.
      const ids = ['a_b%c#d@host.example', SEED];
      for (const token of text.match(ADDRESS) ?? [])
        expect(
          ids.some((id) => id.endsWith(token)),
          token,
        ).toBe(true);
    }
  });
});

describe('displayName', () => {
  it('strips addresses in every wrapping and never returns one', () => {
    expect(displayName('"Jane Doe" <jane@example.com>')).toBe('Jane Doe');
    expect(displayName('jane@example.com (Jane Doe)')).toBe('Jane Doe');
    expect(displayName('jane@example.com')).toBe('Unknown author');
    expect(displayName('Alan Cox')).toBe('Alan Cox');
  });
});

describe('bibUrl', () => {
  it('percent-encodes only what would break the entry', () => {
    expect(bibUrl('https://x.example/a b{c}\\d?q=1&r=%41#f')).toBe('https://x.example/a%20b%7Bc%7D%5Cd?q=1&r=%41#f');
  });
});

describe('citeFigure', () => {
  const url = `${SITE}articles/copy-vs-zero-copy/?preset=quadrics-2002#fig-throughput-vs-segment`;
  const base = { figure: 'throughput-vs-segment', title: 'Throughput against segment size', url, version: '1.0.0' };

  it('names the preset and dates the figure by its model version', () => {
    const c = citeFigure({ ...base, preset: { id: 'quadrics-2002', title: 'Quadrics, June 2002 (2.4.3)' }, query: 'preset=quadrics-2002' });
    expect(c.key).toBe('slowestside-throughput-vs-segment-quadrics-2002-v1-0-0');
    expect(field(c.bibtex, 'author')).toBe('{{Slowest Side}}');
    expect(field(c.bibtex, 'year')).toBe('{2026}');
    expect(field(c.bibtex, 'version')).toBe('{1.0.0}');
    expect(field(c.bibtex, 'note')).toBe('{Preset: Quadrics, June 2002 (2.4.3).}');
    expect(c.plain).toBe(
      `Slowest Side. (2026). Throughput against segment size [interactive figure, model v1.0.0, preset Quadrics, June 2002 (2.4.3)]. ${url}`,
    );
  });

  it('says "custom state" without a preset, with a key that depends on the state', () => {
    const a = citeFigure({ ...base, query: 'mtu=9000&rx_copies=0' });
    const b = citeFigure({ ...base, query: 'mtu=1500' });
    expect(a.key).toMatch(/^slowestside-throughput-vs-segment-state-[0-9a-f]{8}-v1-0-0$/);
    expect(a.key).not.toBe(b.key);
    expect(a.key).toBe(citeFigure({ ...base, query: 'mtu=9000&rx_copies=0' }).key);
    expect(field(a.bibtex, 'note')).toBe('{Custom state: mtu=9000\\&rx\\_copies=0.}');
    expect(a.plain).toContain('[interactive figure, model v1.0.0, custom state]');
  });

  it('writes n.d. for a version it does not know, unless a date is given', () => {
    expect(citeFigure({ ...base, version: '9.9.9', query: '' }).plain).toContain('Slowest Side. (n.d.).');
    expect(citeFigure({ ...base, version: '9.9.9', query: '', date: '2030-02-01' }).plain).toContain('Slowest Side. (2030).');
  });
});
