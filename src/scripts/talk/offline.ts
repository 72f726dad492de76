/**
 * "Download talk": the talk as one self-contained HTML file (lib/talk/offline.ts). The build's
 * empty template (`paths.talkTemplate()`) brings the script and its policy; the steps are
 * drawn here with the page's own document, so the saved file shows every figure and caption
 * with scripts off, exactly as the build's files for the articles do, and opens in presenter
 * mode with them on. Loaded on first use by the talk page.
 */
import { paths, withBase } from '../../lib/routes.ts';
import { talkFileHtml, talkFileName } from '../../lib/talk/offline.ts';
import type { Talk } from '../../lib/talk/talk.ts';
import { save } from '../download.ts';

/**
 * Saves `talk` as `<slug of its title>.html`. `base` is the site's base path (`/`, `/sub/`).
 * Rejects, saying why, when the template cannot be fetched or is not a talk file.
 */
export async function downloadTalkHtml(talk: Talk, base: string): Promise<void> {
  const site = new URL(base, location.href).href;
  const url = new URL(withBase(base, paths.talkTemplate()), location.href).href;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The talk template could not be fetched: ${response.status} at ${url}.`);
  const html = talkFileHtml(await response.text(), talk, document, site);
  if (html === undefined) throw new Error(`${url} is not a talk file.`);
  save(new Blob([html], { type: 'text/html;charset=utf-8' }), talkFileName(talk.title));
}
