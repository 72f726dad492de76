// @ts-check
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { defineConfig } from 'astro/config';
import downloads from './src/integrations/downloads.ts';
import { kernelLinks } from './src/lib/kernel-links.ts';
import { modelValues } from './src/lib/model-values.ts';
import pagefind from './src/integrations/pagefind.ts';
import { config } from './src/config.ts';

/** Raw mail, thread JSON and mbox files, written while Pagefind indexes. */
const files = downloads({ entries: config.messagesDir });

// BASE, SITE, OUT_DIR and MESSAGES_DIR are read and checked in src/config.ts.
// Host anywhere: `BASE=/sub/ npm run build` serves every page under /sub/.
export default defineConfig({
  site: config.site,
  base: config.base,
  outDir: config.outDir,
  trailingSlash: 'always',
  // Four pages in flight: while one page's file is written, the next renders (10k archive:
  // page generation 24 s → 18 s, same output).
  build: { format: 'directory', concurrency: 4 },
  integrations: [mdx(), files, pagefind({ alongside: files.write })],
  // Never inline a small script into the page: the CSP allows scripts from the site only.
  vite: { build: { assetsInlineLimit: 0 } },
  markdown: {
    // Astro's default processor, plus links from kernel names in inline code to their source
    // lines (src/lib/kernel-refs.ts). MDX extends this config, so articles and notes both get them.
    processor: satteri({ mdastPlugins: [modelValues, kernelLinks] }),
    // Both themes in the markup; site.css switches to the dark one with the page.
    shikiConfig: { themes: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' } },
  },
});
