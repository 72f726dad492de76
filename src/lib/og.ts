/**
 * Open Graph cards: a 1200 × 630 SVG (rasterised to PNG at build time) naming the page, for
 * link previews in chats and slides. Pure; text is escaped and wrapped by estimated width.
 */
import { EXPORT_FONT, textWidth } from './charts/export.ts';
import { escapeAttr, escapeText } from './charts/xml.ts';

/** Size of every card, px (the common Open Graph image size). */
export const OG_SIZE = { width: 1200, height: 630 } as const;

/** What a card says. */
export interface OgCard {
  /** Small line above the title, e.g. "Article". */
  kicker: string;
  title: string;
  /** One sentence under the title. */
  description: string;
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

/** The card as a standalone SVG document. */
export function ogCardSvg(card: OgCard): string {
  const { width, height } = OG_SIZE;
  const pad = 80;
  const room = width - 2 * pad;
  const title = wrapWords(card.title, 64, room, 3, true);
  const description = wrapWords(card.description, 30, room, 3);
  let y = pad + 40;
  const parts: string[] = [
    `<rect width="${width}" height="${height}" fill="${PAPER}"/>`,
    `<rect width="${width}" height="14" fill="${ACCENT}"/>`,
    `<text x="${pad}" y="${y}" font-size="30" fill="${ACCENT}" font-weight="600">${escapeText(card.kicker)}</text>`,
  ];
  y += 40;
  for (const line of title) {
    y += 74;
    parts.push(`<text x="${pad}" y="${y}" font-size="64" font-weight="700" fill="${INK}">${escapeText(line)}</text>`);
  }
  y += 24;
  for (const line of description) {
    y += 42;
    parts.push(`<text x="${pad}" y="${y}" font-size="30" fill="${MUTED}">${escapeText(line)}</text>`);
  }
  parts.push(`<text x="${pad}" y="${height - 56}" font-size="28" font-weight="700" fill="${INK}">Slowest Side</text>`);
  parts.push(
    `<text x="${width - pad}" y="${height - 56}" font-size="24" fill="${MUTED}" text-anchor="end">zero-copy networking &amp; a performance drop, June 2002</text>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeAttr(EXPORT_FONT)}" role="img" aria-label="${escapeAttr(`${card.kicker}: ${card.title}`)}">${parts.join('')}</svg>`;
}
