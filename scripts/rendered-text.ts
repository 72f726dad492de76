/**
 * `node scripts/rendered-text.ts [dist] > pages.txt`: what every built page renders, as text to
 * diff between two builds (say, before and after a formatter touched the .astro files).
 *
 * Each page is printed as its elements and text in document order, a line break after each tag
 * of a block element: text keeps every word and whether whitespace stands between two things (a
 * run of spaces and newlines is one space, as the browser shows it), every element is marked
 * where it opens and closes (so `word <a>link</a>` and `word<a>link</a>` differ), and `<pre>`
 * and `<textarea>` keep their text exactly. Whitespace is kept next to block elements too: CSS
 * can make a block element inline (the embed's `<h1>` is), so a change there is printed for a
 * person to judge. Attributes are printed sorted; Astro's content hashes (asset file names,
 * scoped-style ids) are replaced by `#`. Inline scripts and styles are printed with their
 * whitespace removed, so re-indenting them is no change but any other edit is.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';
import { config } from '../src/config.ts';

const dist = process.argv[2] ?? config.outDir;

const BLOCK = new Set(
  (
    'address article aside blockquote body br caption dd details dialog div dl dt fieldset figcaption figure footer form ' +
    'h1 h2 h3 h4 h5 h6 head header hgroup hr html legend li link main meta nav ol option p pre search section select ' +
    'summary table tbody td tfoot th thead title tr ul'
  ).split(' '),
);
const EXACT = new Set(['pre', 'textarea']);
const CODE = new Set(['script', 'style']);

/** An attribute value with Astro's content hashes replaced. */
const unhashed = (value: string): string =>
  value.replace(/\/_astro\/([^"'\s]+?)\.[\w-]{8}\.(\w+)\b/g, '/_astro/$1.#.$2').replace(/\bastro-[a-z0-9]{8}\b/g, 'astro-#');

function walk(node: Node, exact: boolean, out: string[]): void {
  if (node.nodeType === 3) {
    const text = node.textContent ?? '';
    out.push(exact ? text : text.replace(/[ \t\n\r\f]+/g, ' '));
    return;
  }
  if (node.nodeType !== 1) return;
  const el = node as Element;
  const tag = el.localName;
  const attrs = [...el.attributes]
    .map((a) => (a.name.startsWith('data-astro-cid-') ? 'data-astro-cid-#' : `${a.name}="${unhashed(a.value)}"`))
    .sort()
    .join(' ');
  const block = BLOCK.has(tag);
  out.push(`<${tag}${attrs ? ` ${attrs}` : ''}>${block ? '\n' : ''}`);
  if (CODE.has(tag)) out.push((el.textContent ?? '').replace(/\s+/g, ''));
  else for (const child of el.childNodes) walk(child, exact || EXACT.has(tag), out);
  out.push(`</${tag}>${block ? '\n' : ''}`);
}

/** `html` as the lines described above. */
function renderedText(html: string): string {
  const out: string[] = [];
  walk(parseHTML(html).document.documentElement as unknown as Node, false, out);
  return out.join('');
}

const pages = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? pages(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : []))
    .sort();

for (const file of pages(dist)) {
  process.stdout.write(`=== ${relative(dist, file)}\n${renderedText(readFileSync(file, 'utf8'))}\n`);
}
