// @ts-check
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { defineConfig } from 'astro/config';
import downloads from './src/integrations/downloads.ts';
import { kernelLinks } from './src/lib/kernel-links.ts';
import { modelValues } from './src/lib/model-values.ts';
import pagefind from './src/integrations/pagefind.ts';

/** Host anywhere: `BASE=/sub/ npm run build` serves every page under /sub/. */
const base = process.env.BASE ?? '/';

/** Raw mail, thread JSON and mbox files, written while Pagefind indexes. */
const files = downloads();

export default defineConfig({
  site: process.env.SITE ?? 'http://localhost:4321',
  base,
  outDir: process.env.OUT_DIR ?? 'dist',
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
