import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BOOT_SCRIPTS, bootScript } from '../../../scripts/boot-scripts.ts';

describe('scripts that run before the first paint', () => {
  it('ship as the build of their readable source (run npm run boot-scripts after editing one)', () => {
    for (const [source, out] of Object.entries(BOOT_SCRIPTS)) expect(readFileSync(out, 'utf8'), out).toBe(bootScript(source));
  });

  it('stay small enough for every page to carry (the theme switch under 1 kB)', () => {
    expect(readFileSync('public/theme.js').length).toBeLessThan(1024);
  });
});
