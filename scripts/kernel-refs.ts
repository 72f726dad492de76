/**
 * `npm run kernel-refs -- <git dir>…`: checks that every entry of src/lib/kernel-refs.ts names
 * its symbol on the line it links to, reading each file at the entry's commit with `git show`.
 * Pass the git directories of the trees (for example the mirrors of liexusong/linux-2.4.0,
 * rickgaiser/linux-2.4.17-ps2 and SimonKagstrom/mci500h-linux-2.4.27); an entry is checked in
 * whichever of them has its commit. Exit 1 listing mismatches, or entries no given tree could
 * check. Needs local copies of the trees, so it is not part of the offline test run.
 */
import { execFileSync } from 'node:child_process';
import { checkKernelRefs } from '../src/lib/kernel-refs.ts';

const dirs = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (dirs.length === 0) {
  console.error('usage: npm run kernel-refs -- <git dir> [<git dir>…]');
  process.exit(2);
}

const git = (dir: string, ...args: string[]): string | undefined => {
  try {
    return execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
};

/** The first given tree that holds the commit, per commit. */
const holder = new Map<string, string | undefined>();
const treeFor = (commit: string): string | undefined => {
  if (!holder.has(commit))
    holder.set(
      commit,
      dirs.find((d) => git(d, 'cat-file', '-e', `${commit}^{commit}`) !== undefined),
    );
  return holder.get(commit);
};

const result = checkKernelRefs((_repo, commit, file) => {
  const dir = treeFor(commit);
  if (dir === undefined) return undefined;
  return git(dir, 'show', `${commit}:${file}`) ?? null;
});

for (const m of result.mismatches) console.error(`mismatch: ${m}`);
for (const u of result.unchecked) console.error(`unchecked (no given tree has the commit): ${u}`);
console.log(`kernel-refs: ${result.checked} entries checked, ${result.mismatches.length} mismatches, ${result.unchecked.length} unchecked`);
process.exitCode = result.mismatches.length > 0 || result.unchecked.length > 0 ? 1 : 0;
