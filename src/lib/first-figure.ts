/**
 * The first model figure of an article, read from its MDX source: the first
 * `<Figure name="…" preset="…" />` outside code and comments. Pure; used to put the figure
 * on the article's Open Graph card.
 */
import { type FigureId, isFigureId } from './charts/index.ts';

/** A figure as an article names it. */
export interface FigureRef {
  name: FigureId;
  preset?: string;
}

/** Attributes that change what is drawn, so must be read; the others only lay it out. */
const STATE_ATTRS = ['name', 'preset', 'values', 'bandKeys'];

/** `mdx` with code (fenced and inline) and comments blanked out, so no tag is found in them. */
function prose(mdx: string): string {
  return mdx
    .replace(/^[ \t]*(`{3,}|~{3,})[^\n]*\n[\s\S]*?(^[ \t]*\1[`~]*[ \t]*$|(?![\s\S]))/gm, '')
    .replace(/(`+)[\s\S]*?\1/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, '');
}

/** Attributes of a tag from just after its name: string values, `{…}` expressions (kept raw) and bare names. */
function attributes(s: string, from: number): Map<string, { text: string } | { expression: string }> {
  const out = new Map<string, { text: string } | { expression: string }>();
  const attr = /\s*([A-Za-z_][\w-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|(\{)))?/y;
  let at = from;
  for (;;) {
    attr.lastIndex = at;
    const m = attr.exec(s);
    if (m === null) return out;
    at = attr.lastIndex;
    const name = m[1]!;
    if (m[4] === undefined) {
      out.set(name, { text: m[2] ?? m[3] ?? '' });
      continue;
    }
    // An expression: up to its matching brace.
    let depth = 1;
    const start = at;
    while (depth > 0 && at < s.length) {
      const ch = s[at++];
      if (ch === '{') depth += 1;
      else if (ch === '}') depth -= 1;
    }
    out.set(name, { expression: s.slice(start, at - 1) });
  }
}

/**
 * The first `<Figure>` of an article, or undefined if it has none. Throws when that figure's
 * state cannot be read from the source (an expression for its name, preset, values or
 * bands) or names no figure, rather than draw something the article does not show.
 */
export function firstFigure(mdx: string): FigureRef | undefined {
  const text = prose(mdx);
  const tag = /<Figure(?=[\s/>])/.exec(text);
  if (tag === null) return undefined;
  const attrs = attributes(text, tag.index + tag[0].length);
  const shown = text.slice(tag.index, tag.index + 80);
  for (const key of STATE_ATTRS) {
    const a = attrs.get(key);
    if (a !== undefined && 'expression' in a) throw new Error(`firstFigure: cannot read ${key}={…} of ${shown}`);
  }
  const name = attrs.get('name');
  if (name === undefined || !('text' in name) || !isFigureId(name.text)) throw new Error(`firstFigure: no figure named in ${shown}`);
  const preset = attrs.get('preset');
  return preset !== undefined && 'text' in preset ? { name: name.text, preset: preset.text } : { name: name.text };
}
