/**
 * The offline talk file: one self-contained HTML document a speaker can open from a USB
 * stick with the network off. It holds the talk as JSON, every step drawn as SVG (so it reads
 * with scripts off, as a handout), its own stylesheet, and one inline script (the live model
 * and presenter mode, bundled at build time from src/scripts/talk/player.ts). Its own
 * Content-Security-Policy allows that one script by its hash and nothing from any host.
 *
 * Pure, given a document to draw with: the build (pages/talks/[file].ts, with linkedom) and
 * the browser's "Download talk" (scripts/talk/offline.ts, with the page's document, filling
 * in the build's empty template) assemble the file with the same functions: the same file for
 * the same talk, but for how each DOM writes out the same drawing (attribute order).
 */
import { figures, renderFigure } from '../charts/index.ts';
import { prefixIds } from '../charts/render.ts';
import { SVG_LAYOUT } from '../charts/export.ts';
import { permalink } from '../embed/links.ts';
import { MODEL_VERSION } from '../model/index.ts';
import { scriptJson } from '../script-json.ts';
import { escapeAttr, escapeText } from '../xml-escape.ts';
import { stepState, talkData, type Talk } from './talk.ts';
import { slug } from './words.ts';

/** What the file carries besides the talk: its policy and its script, the same for every talk. */
export interface TalkFileParts {
  /** The Content-Security-Policy (see `offlineCsp`). */
  readonly csp: string;
  /** The script's text, as it stands in the file (see `inlineScript`). */
  readonly script: string;
}

/**
 * The file's policy: nothing from anywhere (`default-src 'none'`), the one inline script by
 * its SHA-256 (base64), inline styles (the file's own, Plot's and presenter mode's), images
 * only from data: and blob: URLs, no base URL and no form posting.
 */
export function offlineCsp(scriptHash: string): string {
  return [
    "default-src 'none'",
    `script-src 'sha256-${scriptHash}'`,
    "style-src 'unsafe-inline'",
    'img-src data: blob:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * Script text safe inside `<script>…</script>`: no `</script` that would end the element and
 * no `<!--` that would change how the rest is read. Both can only stand in a string, a
 * template, a regular expression or a comment, where `<\/` and `<\!` read as `</` and `<!`.
 * Hash the result: it is the text the browser hashes.
 */
export function inlineScript(js: string): string {
  return js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/** The file name a talk is saved as: its title as a slug (`zero-copy-in-five-steps.html`). */
export function talkFileName(title: string): string {
  return `${slug(title, 60) || 'talk'}.html`;
}

/** One step as the file shows it without scripts. */
export interface StepFigure {
  readonly figureTitle: string;
  /** The drawing at the step's state, light, at the article size; its ids prefixed by step. */
  readonly svg: string;
  /** The step's caption (its sentence, else the figure's own caption). */
  readonly caption: string;
  /** The figure's own caption for the state: the model's numbers. */
  readonly figureCaption: string;
  readonly notes: string;
  /** The step's state on the site (an absolute URL). */
  readonly permalink: string;
}

/** Each step of `talk` drawn with `doc` (linkedom at build time, the page's in the browser); `site` is the site's absolute base URL. */
export function stepFigures(talk: Talk, doc: Document, site: string): StepFigure[] {
  return talk.steps.map((step, i) => {
    const def = figures[step.figure];
    const { values, bandKeys } = stepState(step);
    const context = { bandKeys };
    const svg = renderFigure(def, values, SVG_LAYOUT, 'light', doc, context);
    prefixIds(svg, `step-${i + 1}-`);
    const figureCaption = def.caption(values, context);
    return {
      figureTitle: def.title,
      svg: svg.outerHTML,
      caption: step.caption || figureCaption,
      figureCaption,
      notes: step.notes,
      permalink: permalink(site, step.figure, values, step.origin || undefined),
    };
  });
}

/** The file's own look (no font is fetched: system fonts, as on the site). */
export const TALK_STYLE = `
:root { color-scheme: light dark; --bg: #ffffff; --fg: #111111; --muted: #4a4a4a; --rule: #bbbbbb; --accent: #0b57a4; }
@media (prefers-color-scheme: dark) { :root { --bg: #121212; --fg: #f0f0f0; --muted: #c4c4c4; --rule: #555555; --accent: #8cc4ff; } }
html { background: var(--bg); color: var(--fg); font: 17px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
body { margin: 0; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: .5rem 0; }
h2 { font-size: 1.15rem; margin: 0 0 .5rem; }
a { color: var(--accent); }
.meta, .source { color: var(--muted); font-size: .95rem; }
button { font: inherit; font-weight: 600; padding: .3rem .9rem; min-height: 2.4rem; color: var(--fg); background: var(--bg);
  border: 2px solid var(--fg); border-radius: .35rem; cursor: pointer; }
:is(button, a, summary):focus-visible { outline: 3px solid var(--fg); outline-offset: 2px; }
ol.steps { list-style: none; margin: 1.5rem 0 0; padding: 0; }
ol.steps > li { border-top: 1px solid var(--rule); padding: 1rem 0 1.5rem; }
figure { margin: 0; }
.chart { background: #ffffff; color: #000000; border: 1px solid var(--rule); border-radius: .3rem; }
.chart svg { display: block; width: 100%; height: auto; }
figcaption { font-size: 1.2rem; font-weight: 600; margin: .6rem 0 .3rem; }
.shows { margin: 0 0 .5rem; }
details { margin: .3rem 0; }
summary { cursor: pointer; }
`;

const esc = escapeText;

/** The whole file for `talk`, its steps drawn as `steps` (see `stepFigures`). */
export function talkHtml(talk: Talk, steps: readonly StepFigure[], parts: TalkFileParts): string {
  const n = steps.length;
  const items = steps.map((s, i) => {
    const id = `step-${i + 1}`;
    const shows = s.caption === s.figureCaption ? '' : `<p class="shows">The figure shows: ${esc(s.figureCaption)}</p>`;
    const notes = s.notes === '' ? '' : `<details><summary>Speaker notes</summary><p>${esc(s.notes)}</p></details>`;
    return (
      `<li id="${id}" data-step="${i + 1}"><h2>Step ${i + 1} of ${n}: ${esc(s.figureTitle)}</h2>` +
      `<figure><div class="chart">${s.svg}</div><figcaption>${esc(s.caption)}</figcaption></figure>${shows}${notes}` +
      `<p class="source">Slowest Side model ${MODEL_VERSION}. <a href="${escapeAttr(s.permalink)}">This state on the site</a> (needs the network).</p></li>`
    );
  });
  const about =
    n === 0
      ? 'This file holds no talk yet: the talk page’s Download talk fills it in.'
      : `A talk of ${n} ${n === 1 ? 'step' : 'steps'} on the Slowest Side model ${MODEL_VERSION}, in one file that needs no network.`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(parts.csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(talk.title)} · talk · Slowest Side</title>
<meta name="description" content="${escapeAttr(`${talk.title}: a talk on the Slowest Side model, for presenting offline.`)}">
<style>${TALK_STYLE}</style>
</head>
<body>
<main>
<h1>${esc(talk.title)}</h1>
<p class="meta">${about}</p>
<p class="present" hidden><button type="button" id="present">Present</button> Keys in presenter mode: ← → step, N notes, M live model, D dark or light, Esc back here.</p>
<p id="no-script">Scripts are off, so the steps are shown below as drawn. With scripts on, this file opens in presenter mode, with sliders to change the model live.</p>
<ol class="steps">${items.join('\n')}</ol>
</main>
<script type="application/json" id="talk">${scriptJson(talkData(talk))}</script>
<script>${parts.script}</script>
</body>
</html>
`;
}

/** The policy and script of a talk file (the build's empty template), or undefined if it is not one. */
export function templateParts(html: string): TalkFileParts | undefined {
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
  const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1];
  if (csp === undefined || script === undefined) return undefined;
  return { csp: csp.replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&'), script };
}

/** The file for `talk`, made from the build's template (any talk file); undefined if `template` is not one. */
export function talkFileHtml(template: string, talk: Talk, doc: Document, site: string): string | undefined {
  const parts = templateParts(template);
  return parts && talkHtml(talk, stepFigures(talk, doc, site), parts);
}
