/**
 * Open Graph cards: a 1200 × 630 SVG (rasterised to PNG at build time) naming the page, for
 * link previews in chats and slides; an article's card shows its first model figure beside
 * the text. Pure; text is escaped and wrapped by estimated width.
 */
import { EXPORT_FONT, textWidth } from './charts/export.ts';
import { staticFigure } from './charts/static.ts';
import { escapeAttr, escapeText } from './xml-escape.ts';
import { type FigureRef, firstFigure } from './first-figure.ts';

/** Size of every card, px (the common Open Graph image size). */
export const OG_SIZE = { width: 1200, height: 630 } as const;

/** What a card says. */
export interface OgCard {
  /** Small line above the title, e.g. "Article". */
  kicker: string;
  title: string;
  /** One sentence under the title. */
  description: string;
  /** A model figure drawn beside the text. */
  figure?: FigureRef | undefined;
}

/** The site's card: text only. */
export const SITE_CARD: OgCard = {
  kicker: 'An archive, articles and a live model',
  title: 'Why TCP over Quadrics received slower than it sent',
  description: 'The June 2002 linux-kernel thread on zero-copy receive, annotated, searchable and modelled.',
};

/** An article's card, from its title, description and MDX source: with its first figure, if any. */
export function articleCard(article: { title: string; description: string }, mdx: string): OgCard {
  return { kicker: 'Article', title: article.title, description: article.description, figure: firstFigure(mdx) };
}

/** Words of `s` in lines no wider than `room` px at `size`, at most `max` lines (the last ends in … if cut). */
export function wrapWords(s: string, size: number, room: number, max: number, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  const words = s.split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i += 1) {
    const next = line ? `${line} ${words[i]}` : words[i]!;
    if (line && textWidth(next, size, bold) > room) {
      lines.push(line);
      line = words[i]!;
      if (lines.length === max) {
        lines[max - 1] = `${lines[max - 1]!.replace(/[\s,.;:]+$/, '')}…`;
        return lines;
      }
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

const INK = '#1b1b1b';
const MUTED = '#555555';
const ACCENT = '#0b5cad';
const PAPER = '#fffdf8';

/** Text sizes and line steps, px: across the card, or in the column beside a figure. */
const TEXT = {
  full: { title: 64, titleLine: 74, titleLines: 3, description: 30, descriptionLine: 42 },
  beside: { title: 44, titleLine: 54, titleLines: 4, description: 24, descriptionLine: 34 },
} as const;
/** Where a figure goes: drawn at the article width (every figure's labels fit it), scaled to `width`, its title under it. */
const FIGURE = { x: 540, y: 96, width: 580, drawn: { width: 720, height: 440 }, gap: 40, label: 22 } as const;

/** The card as a standalone SVG document. */
export function ogCardSvg(card: OgCard): string {
  const { width, height } = OG_SIZE;
  const pad = 80;
  const figure = card.figure && staticFigure(card.figure.name, { preset: card.figure.preset, size: FIGURE.drawn, markup: 'xml' });
  const text = figure ? TEXT.beside : TEXT.full;
  const room = (figure ? FIGURE.x - FIGURE.gap : width - pad) - pad;
  const title = wrapWords(card.title, text.title, room, text.titleLines, true);
  const description = wrapWords(card.description, text.description, room, 3);
  let y = pad + 40;
  const parts: string[] = [
    `<rect width="${width}" height="${height}" fill="${PAPER}"/>`,
    `<rect width="${width}" height="14" fill="${ACCENT}"/>`,
    `<text x="${pad}" y="${y}" font-size="30" fill="${ACCENT}" font-weight="600">${escapeText(card.kicker)}</text>`,
  ];
  y += 40;
  for (const line of title) {
    y += text.titleLine;
    parts.push(`<text x="${pad}" y="${y}" font-size="${text.title}" font-weight="700" fill="${INK}">${escapeText(line)}</text>`);
  }
  y += 24;
  for (const line of description) {
    y += text.descriptionLine;
    parts.push(`<text x="${pad}" y="${y}" font-size="${text.description}" fill="${MUTED}">${escapeText(line)}</text>`);
  }
  if (figure) {
    const scale = FIGURE.width / FIGURE.drawn.width;
    const bottom = FIGURE.y + FIGURE.drawn.height * scale;
    const label = wrapWords(`Figure: ${figure.title}`, FIGURE.label, FIGURE.width, 1)[0] ?? '';
    parts.push(
      `<g data-figure="${figure.id}" transform="translate(${FIGURE.x} ${FIGURE.y}) scale(${scale})" color="${INK}">${figure.svg}</g>`,
      `<text x="${FIGURE.x}" y="${bottom + 36}" font-size="${FIGURE.label}" fill="${MUTED}">${escapeText(label)}</text>`,
    );
  }
  parts.push(`<text x="${pad}" y="${height - 56}" font-size="28" font-weight="700" fill="${INK}">Slowest Side</text>`);
  parts.push(
    `<text x="${width - pad}" y="${height - 56}" font-size="24" fill="${MUTED}" text-anchor="end">zero-copy networking &amp; a performance drop, June 2002</text>`,
  );
  const name = `${card.kicker}: ${card.title}${figure ? `. Figure: ${figure.title}` : ''}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeAttr(EXPORT_FONT)}" role="img" aria-label="${escapeAttr(name)}">${parts.join('')}</svg>`;
}
