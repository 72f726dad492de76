import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The layering rule in biome.json, exercised: files under src/lib may not import Astro's
 * modules, components or browser scripts, and the same imports elsewhere are allowed. The
 * repo's own biome.json is linted over probe files in a scratch copy of the tree's shape.
 */
const scratch = mkdtempSync(join(tmpdir(), 'lint-rules-'));
const config = JSON.parse(readFileSync('biome.json', 'utf8')) as Record<string, unknown>;
delete config['$schema'];
writeFileSync(join(scratch, 'biome.json'), JSON.stringify(config));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const BIOME = resolve('node_modules/.bin/biome');

/** Lint findings of `noRestrictedImports` for a probe file with `source` at `path`. */
function restricted(path: string, source: string): number {
  const file = join(scratch, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, source);
  let out = '';
  try {
    out = execFileSync(BIOME, ['lint', '--vcs-enabled=false', '--colors=off', path], { cwd: scratch, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    out = `${e.stdout ?? ''}${e.stderr ?? ''}`;
  }
  rmSync(file);
  return out.split('lint/style/noRestrictedImports').length - 1;
}

describe('src/lib stays below pages, components and browser scripts', () => {
  const imports = [
    "import { getCollection } from 'astro:content';\nexport const a = getCollection;\n",
    "import Figure from '../../components/Figure.astro';\nexport const a = Figure;\n",
    "import { store } from '../../scripts/state.ts';\nexport const a = store;\n",
  ];

  it('refuses each upward import under src/lib', () => {
    for (const source of imports) expect(restricted('src/lib/model/probe.ts', source), source).toBe(1);
  });

  it('allows the same imports in pages and scripts, and src/lib importing src/lib', () => {
    for (const source of imports) expect(restricted('src/pages/probe.ts', source), source).toBe(0);
    expect(restricted('src/lib/charts/probe.ts', "import { evaluate } from '../model/index.ts';\nexport const a = evaluate;\n")).toBe(0);
  });
});
