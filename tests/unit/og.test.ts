import { xmlDocument } from '../support/dom.ts';
import { readdirSync, readFileSync } from 'node:fs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { textWidth } from '../../src/lib/charts/export.ts';
import { figures } from '../../src/lib/charts/index.ts';
import { staticFigure } from '../../src/lib/charts/static.ts';
import { escapeAttr } from '../../src/lib/xml-escape.ts';
import { articleCard, OG_SIZE, ogCardSvg, SITE_CARD, wrapWords } from '../../src/lib/og.ts';

const ARTICLES = 'src/content/articles';
const article = { title: 'Where the copy happens: reading the 2.4 receive path line by line', description: 'A sentence. '.repeat(20) };
const parse = (svg: string): Element => xmlDocument(svg).documentElement;

describe('Open Graph cards', () => {
  it('wrap words to the room, and cut with an ellipsis past the line limit', () => {
    const text = 'the receive side copies every byte once more than the send side does, which costs';
    const lines = wrapWords(text, 30, 400, 10);
    expect(lines.join(' ')).toBe(text);
    for (const l of lines) expect(textWidth(l, 30)).toBeLessThanOrEqual(400);
    const cut = wrapWords(text, 30, 400, 2);
    expect(cut).toHaveLength(2);
    expect(cut[1]).toMatch(/…$/);
    expect(wrapWords('', 30, 400, 2)).toEqual([]);
  });

  it('are standalone SVG at 1200 × 630 with the title and no markup from the text', () => {
    const svg = ogCardSvg({ kicker: 'Article', title: 'Copy <script>alert(1)</script> & zero-copy', description: 'A "quoted" line.' });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="1200" height="630"/);
    expect([OG_SIZE.width, OG_SIZE.height]).toEqual([1200, 630]);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; zero-copy');
    expect(svg).toContain('aria-label="Article: Copy &lt;script&gt;alert(1)&lt;/script&gt; &amp; zero-copy"');
  });

  it("show an article's first model figure, drawn by staticFigure at its preset", () => {
    const first = {
      'copy-vs-zero-copy': { name: 'throughput-vs-segment' },
      'the-slowest-side': { name: 'slowest-side', preset: 'quadrics-2002' },
      'zero-copy-twenty-years-later': { name: 'receive-path', preset: 'zcrx-2024-zcrx' },
    } as const;
    for (const [id, want] of Object.entries(first)) {
      const card = articleCard(article, readFileSync(`${ARTICLES}/${id}.mdx`, 'utf8'));
      expect(card.figure, id).toEqual(want);
      const svg = ogCardSvg(card);
      const shown = staticFigure(want.name, 'preset' in want ? { preset: want.preset } : {});
      expect(svg.match(/data-figure="[^"]+"/g), id).toEqual([`data-figure="${want.name}"`]);
      // The drawing's accessible name holds the caption at the article's state.
      expect(svg, id).toContain(escapeAttr(`${shown.title}. ${shown.caption}`));
      expect(svg, id).toContain(`>Figure: ${figures[want.name].title}</text>`);
    }
  });

  it('every article has a figure on its card; the site card has none', async () => {
    for (const file of readdirSync(ARTICLES).filter((f) => f.endsWith('.mdx'))) {
      const svg = ogCardSvg(articleCard(article, readFileSync(`${ARTICLES}/${file}`, 'utf8')));
      expect(svg, file).toContain('data-figure=');
    }
    const site = ogCardSvg(SITE_CARD);
    expect(site).not.toContain('data-figure');
    expect(site.match(/<svg/g)).toHaveLength(1);
    // Rasterised (libxml2 rejects malformed XML) at the card size.
    const card = ogCardSvg(articleCard(article, readFileSync(`${ARTICLES}/where-the-copy-happens.mdx`, 'utf8')));
    const { info } = await sharp(Buffer.from(card)).png().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([OG_SIZE.width, OG_SIZE.height]);
  });

  it('keep the text of a card with a figure clear of it, and the figure on the card', () => {
    const root = parse(ogCardSvg(articleCard(article, '<Figure name="receive-path" preset="quadrics-2002-queued" />')));
    const g = root.querySelector('g[data-figure]')!;
    const m = /translate\(([\d.]+) ([\d.]+)\) scale\(([\d.]+)\)/.exec(g.getAttribute('transform') ?? '')!;
    const [x, y, scale] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const drawn = g.querySelector('svg')!;
    const right = x + Number(drawn.getAttribute('width')) * scale;
    const bottom = y + Number(drawn.getAttribute('height')) * scale;
    expect(right).toBeLessThanOrEqual(OG_SIZE.width);
    const left = [...root.children].filter((el) => el.localName === 'text' && el.getAttribute('x') === '80');
    expect(left.length).toBeGreaterThan(4);
    for (const t of left) {
      const bold = t.getAttribute('font-weight') === '700';
      const end = 80 + textWidth(t.textContent ?? '', Number(t.getAttribute('font-size')), bold);
      // Beside the figure, or below it (the footer).
      if (Number(t.getAttribute('y')) <= bottom) expect(end, t.textContent ?? '').toBeLessThan(x);
    }
  });
});
