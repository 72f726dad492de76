import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The layering rules in biome.json, exercised: files under src/lib may not import Astro's
 * modules, components or browser scripts, and the same imports elsewhere are allowed; Node
 * built-ins only in the Node-only folders (src/lib/node/, src/lib/<area>/node/), which
 * nothing else under src/lib may import. The repo's own biome.json is linted over probe
 * files in a scratch copy of the tree's shape.
 */
const scratch = mkdtempSync(join(tmpdir(), 'lint-rules-'));
const config = JSON.parse(readFileSync('biome.json', 'utf8')) as Record<string, unknown>;
const configText = JSON.stringify(config);
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

/**
 * The lines of a probe file at `path` that `noRestrictedImports` flags; the probe holds one
 * import per line (`m<N>`, 1-based), then a line using them all.
 */
function flaggedLines(path: string, imports: readonly string[]): number[] {
  const file = join(scratch, path);
  mkdirSync(dirname(file), { recursive: true });
  const names = imports.map((_, i) => `m${i + 1}`);
  writeFileSync(
    file,
    `${imports.map((from, i) => `import * as ${names[i]} from '${from}';`).join('\n')}\nexport const all = [${names.join(', ')}];\n`,
  );
  let out = '';
  try {
    out = execFileSync(BIOME, ['lint', '--vcs-enabled=false', '--colors=off', '--max-diagnostics=none', path], {
      cwd: scratch,
      encoding: 'utf8',
      stdio: 'pipe',
    });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    out = `${e.stdout ?? ''}${e.stderr ?? ''}`;
  }
  rmSync(file);
  const at = new RegExp(`^${path.replaceAll('.', '\\.')}:(\\d+):\\d+ lint/style/noRestrictedImports`, 'gm');
  return [...out.matchAll(at)].map((m) => Number(m[1])).sort((a, b) => a - b);
}

describe('Node built-ins only in the Node-only folders of src/lib', () => {
  const builtins = ['node:fs', 'node:fs/promises', 'node:os', 'fs', 'fs/promises', 'path', 'zlib', 'stream/web'];
  const every = builtins.map((_, i) => i + 1);

  it('refuses a browser-side lib file importing node:fs or a bare built-in', () => {
    expect(flaggedLines('src/lib/mail/probe.ts', builtins)).toEqual(every);
    expect(flaggedLines('src/lib/probe.ts', builtins)).toEqual(every);
  });

  it('refuses a browser-side lib file importing from a node/ folder', () => {
    expect(
      flaggedLines('src/lib/mail/probe.ts', ['./node/store.ts', '../node/anchor-files.ts', '../search/node/date-order-build.ts']),
    ).toEqual([1, 2, 3]);
  });

  it("allows them in src/lib/node/ and an area's node/ folder, which still may not import upward", () => {
    const imports = [
      ...builtins,
      '../entry-file.ts',
      './journal.ts',
      '../../node/anchor-files.ts',
      'astro:content',
      '../../../components/X.astro',
    ];
    for (const path of ['src/lib/node/probe.ts', 'src/lib/mail/node/probe.ts', 'src/lib/search/node/probe.ts']) {
      expect(flaggedLines(path, imports), path).toEqual([imports.length - 1, imports.length]);
    }
  });

  it('does not take a lib file or a package named like a built-in for one', () => {
    expect(flaggedLines('src/lib/charts/probe.ts', ['./path.ts', '../model/events.ts', './fs/read.ts', 'fs-extra', 'yaml'])).toEqual([]);
  });

  it('names every Node built-in module', () => {
    const named = /\{((?:[a-z_0-9]+,)+[a-z_0-9]+)\}/.exec(configText)?.[1]?.split(',') ?? [];
    const bare = builtinModules.filter((m) => !m.startsWith('_') && !m.startsWith('node:') && !m.includes('/'));
    expect([...named].sort()).toEqual([...bare].sort());
  });
});
