import { describe, expect, it } from 'vitest';
import { textWidth } from '../../src/lib/charts/export.ts';
import { OG_SIZE, ogCardSvg, wrapWords } from '../../src/lib/og.ts';

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
});
