// @ts-check
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { defineConfig } from 'astro/config';
import { kernelLinks } from './src/lib/kernel-links.ts';
import { modelValues } from './src/lib/model-values.ts';
import postBuild from './src/integrations/post-build.ts';
import { config } from './src/config.ts';

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
  // After the build: the Pagefind index and the download files (raw mail, thread JSON, mbox).
  integrations: [mdx(), postBuild({ entries: config.messagesDir })],
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
