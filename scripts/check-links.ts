/**
 * `node scripts/check-links.ts [dist]`: every internal link and fragment of the built site
 * resolves. linkinator serves the folder and crawls it (fragments included); links to other
 * hosts are not fetched (the build and tests run offline). Absolute links on the configured
 * site (permalinks, embed and file links; `SITE` and `BASE`, read by src/config.ts) cannot be
 * fetched from where linkinator serves, so each is checked against the files in `dist`.
 * Exit 1 with the list of broken links.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LinkChecker, LinkState } from 'linkinator';
import { config } from '../src/config.ts';

const dist = process.argv[2] ?? config.outDir;
const PORT = 4431;
const local = `http://127.0.0.1:${PORT}/`;
const site = new URL(config.site);
const { base } = config;
const onSite = new Map<string, string>();

const result = await new LinkChecker().check({
  path: dist,
  port: PORT,
  recurse: true,
  checkFragments: true,
  concurrency: 8,
  linksToSkip: async (link) => {
    if (link.startsWith(local)) return false;
    const url = new URL(link);
    if (url.origin === site.origin) onSite.set(url.pathname, link);
    return true;
  },
});

/** Whether a site path is a file of dist, or a folder with an index.html. */
function exists(pathname: string): boolean {
  if (!pathname.startsWith(base)) return false;
  const file = join(dist, decodeURIComponent(pathname.slice(base.length)));
  return existsSync(file) && (!statSync(file).isDirectory() || existsSync(join(file, 'index.html')));
}

const broken = result.links
  .filter((l) => l.state === LinkState.BROKEN)
  .map((l) => `${l.url} (status ${l.status ?? '?'}) on ${l.parent ?? '?'}`);
for (const [pathname, link] of onSite) if (!exists(pathname)) broken.push(`${link} (no such file in ${dist})`);
for (const b of broken) console.error(`broken: ${b}`);
const ok = result.links.filter((l) => l.state === LinkState.OK).length;
console.log(`links: ${ok} crawled links and ${onSite.size} absolute site links checked, ${broken.length} broken`);
process.exitCode = broken.length > 0 ? 1 : 0;
