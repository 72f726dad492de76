/**
 * The build's settings, read from the environment here and nowhere else, each checked once.
 * astro.config.mjs hands them to Astro and to the post-build step, src/site.ts to the pages,
 * scripts/check-links.ts to its checks; library code takes them as arguments.
 *
 * | variable          | default                 | what it sets                                                     |
 * | ----------------- | ----------------------- | ---------------------------------------------------------------- |
 * | `BASE`            | `/`                     | the path every page is served under; starts and ends with `/`    |
 * | `SITE`            | `http://localhost:4321` | the origin of absolute links (permalinks, feeds, thread JSON)    |
 * | `OUT_DIR`         | `dist`                  | where the build writes the site                                  |
 * | `MESSAGES_DIR`    | `src/content/messages`  | the message entries the site is built from (the fixture sites'   |
 * |                   |                         | builds and the bench point it at their own archives)             |
 * | `INDEX_PAGE_SIZE` | `200`                   | items per page of the long listings, a whole number ≥ 1          |
 *
 * An empty variable counts as unset; any other value that is not valid stops the build with
 * the variable's name and why.
 */
import { DEFAULT_PAGE_SIZE, pageSize } from './lib/paginate.ts';

export interface Config {
  base: string;
  site: string;
  outDir: string;
  messagesDir: string;
  indexPageSize: number;
}

/** The settings from `env`; throws on the first invalid one. */
export function readConfig(env: Record<string, string | undefined>): Config {
  const get = (name: string, fallback: string): string => {
    const value = env[name];
    return value === undefined || value === '' ? fallback : value;
  };
  const fail = (name: string, why: string): never => {
    throw new Error(`${name}=${JSON.stringify(env[name])}: ${why}`);
  };

  const base = get('BASE', '/');
  if (!base.startsWith('/') || !base.endsWith('/')) fail('BASE', "the base path must start and end with '/', e.g. /sub/");

  const site = get('SITE', 'http://localhost:4321');
  if (!URL.canParse(site) || !/^https?:$/.test(new URL(site).protocol)) fail('SITE', 'must be an absolute http(s) URL');

  const size = get('INDEX_PAGE_SIZE', String(DEFAULT_PAGE_SIZE));
  const indexPageSize = pageSize(size);
  if (String(indexPageSize) !== size) fail('INDEX_PAGE_SIZE', 'must be a whole number ≥ 1');

  return { base, site, outDir: get('OUT_DIR', 'dist'), messagesDir: get('MESSAGES_DIR', 'src/content/messages'), indexPageSize };
}

/** This process's settings. */
export const config: Config = readConfig(process.env);
