/**
 * Every internal URL of the site, relative to the base path, in one place.
 * Pages join them with the base (`href` in src/site.ts), so the site can be hosted under any prefix.
 */
export const paths = {
  home: (): string => '',
  message: (slug: string): string => `m/${slug}/`,
  raw: (slug: string): string => `m/${slug}/raw.txt`,
  thread: (slug: string): string => `threads/${slug}/`,
  threadFlat: (slug: string): string => `threads/${slug}/flat/`,
  threadJson: (slug: string): string => `threads/${slug}.json`,
  threadMbox: (slug: string): string => `threads/${slug}.mbox`,
  threads: (): string => 'threads/',
  byDate: (): string => 'date/',
  byAuthor: (): string => 'author/',
  bySubject: (): string => 'subject/',
  feed: (): string => 'atom.xml',
  notes: (): string => 'notes/',
  note: (id: string): string => `notes/${id}/`,
  noteTag: (tag: string): string => `notes/tags/${tag}/`,
  params: (): string => 'model/params/',
  /** Fragment id of a parameter's section on the parameters page. */
  paramAnchor: (key: string): string => `param-${key}`,
  param: (key: string): string => `model/params/#param-${key}`,
  /** Every preset's published numbers against the model's, with the error and what was fitted. */
  modelFit: (): string => 'model/fit/',
  /** Fragment id of one preset on the fit page. */
  fitAnchor: (preset: string): string => `fit-${preset}`,
  /** The model's version history (embeds link here when their version is not the current one). */
  modelChanges: (): string => 'model/changes/',
  /** Fragment id of one version on the changes page. */
  modelVersionAnchor: (version: string): string => `v${version.replaceAll('.', '-')}`,
  /** Chromeless page of one figure; with a preset, built (and readable without JS) at that preset. */
  embed: (figure: string, preset?: string): string => (preset ? `embed/${figure}/${preset}/` : `embed/${figure}/`),
  /** The documented host page that drives an embed with postMessage. */
  embedExample: (): string => 'embed/example/',
  /**
   * A build-time file of one figure at one preset: `svg` (light), `dark.svg`, `csv`, or a PNG
   * size id (`1920x1080.png`, `1280x720.png`, `1080x1080.png`).
   */
  figureFile: (figure: string, preset: string, kind: string): string =>
    kind === 'svg' || kind === 'csv' ? `embed/${figure}/${preset}.${kind}` : `embed/${figure}/${preset}-${kind}`,
  articles: (): string => 'articles/',
  article: (slug: string): string => `articles/${slug}/`,
  /** The talk builder: the speaker's own sequence of figure states (kept in the browser and its URL). */
  talks: (): string => 'talks/',
  /** An article's own sequence as a file for the day: one self-contained HTML file, or a PDF backup. */
  talkFile: (article: string, kind: 'html' | 'pdf'): string => `talks/${article}.${kind}`,
  /** The offline talk file holding no talk: what the browser's "Download talk" fills in. */
  talkTemplate: (): string => 'talks/player.html',
};

/** Joins a base path (`/` or `/sub/`) and a site-relative path. */
export function withBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return `${b}${path.replace(/^\/+/, '')}`;
}
