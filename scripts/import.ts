/**
 * CLI: `npm run import -- [--dir <entries dir>] [--aliases <file>] <files or folders>…`
 * Prints each rejection as `file:line (message N): reason` and each repaired message as
 * `repaired file:line (message N): what was repaired` (stderr), then
 * `imported N (M with repairs), updated N, unchanged N, rejected K`, M counting the imported
 * and updated messages that needed a repair. Exit code 0 when all went in, 1 when anything
 * was rejected, 2 on a usage error.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { importPaths } from '../src/lib/mail/importer.ts';

const root = resolve(import.meta.dirname, '..');
const usage = 'usage: npm run import -- [--dir <entries dir>] [--aliases <file>] <files or folders>…';

function parseCli() {
  return parseArgs({
    allowPositionals: true,
    options: {
      dir: { type: 'string', default: resolve(root, 'src/content/messages') },
      aliases: { type: 'string', default: resolve(root, 'src/content/aliases.json') },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}
let args: ReturnType<typeof parseCli>;
try {
  args = parseCli();
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
  process.exit(2);
}
if (args.values.help) {
  console.log(usage);
  process.exit(0);
}
if (args.positionals.length === 0) {
  console.error(usage);
  process.exit(2);
}

try {
  const result = await importPaths(args.positionals, {
    dir: args.values.dir,
    aliasesFile: args.values.aliases,
    log: (line) => console.error(line),
  });
  for (const r of result.rejected) console.error(`${r.file}:${r.line} (message ${r.index}): ${r.reason}`);
  console.log(
    `imported ${result.imported} (${result.repaired} with repairs), updated ${result.updated}, unchanged ${result.unchanged}, rejected ${result.rejected.length}`,
  );
  process.exitCode = result.rejected.length > 0 ? 1 : 0;
} catch (error) {
  console.error(`import failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
