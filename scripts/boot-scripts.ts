/**
 * CLI: `npm run boot-scripts` builds the scripts that run before a page's first paint
 * (src/boot/*.ts) into public/ as small classic scripts, minified, each headed by its
 * source's path. `bootScript` is the build; tests/unit/scripts/boot-scripts.test.ts checks the
 * shipped files are its output, so the readable source and the shipped file cannot drift.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { transformSync } from 'esbuild';

/** Source → shipped file. */
export const BOOT_SCRIPTS: Readonly<Record<string, string>> = {
  'src/boot/theme.ts': 'public/theme.js',
  'src/boot/embed-theme.ts': 'public/embed-theme.js',
};

/** The shipped text of one boot script: an IIFE for old and new browsers alike, minified. */
export function bootScript(source: string): string {
  const { code } = transformSync(readFileSync(source, 'utf8'), {
    loader: 'ts',
    format: 'iife',
    minify: true,
    target: 'es2019',
    legalComments: 'none',
  });
  return `/* Built from ${source} by npm run boot-scripts; edit that file. */\n${code}`;
}

if (import.meta.main) {
  for (const [source, out] of Object.entries(BOOT_SCRIPTS)) {
    writeFileSync(out, bootScript(source));
    console.log(`${out} ← ${source}`);
  }
}
