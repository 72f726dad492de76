/**
 * CLI: `npm run import -- [--dir <entries dir>] [--aliases <file>] [--timeout <seconds>] [--lore <Message-ID>]…
 * <files, folders or public-inbox message URLs>…`. Each URL (and each `--lore` id, a thread on
 * lore.kernel.org/all) is downloaded as its thread's `t.mbox.gz` and checked before anything
 * is imported; a failed download imports nothing and exits 1 (see src/lib/mail/node/fetch-thread.ts).
 * Prints each rejection as `file:line (message N): reason` and each repaired message as
 * `repaired file:line (message N): what was repaired` (stderr), then
 * `imported N (M with repairs), updated N, unchanged N, rejected K`, M counting the imported
 * and updated messages that needed a repair. Exit code 0 when all went in, 1 when anything
 * was rejected, 2 on a usage error.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fetchInputs } from '../src/lib/mail/node/fetch-thread.ts';
import type { FetchedInputs } from '../src/lib/mail/node/fetch-thread.ts';
import { importPaths } from '../src/lib/mail/node/importer.ts';

const root = resolve(import.meta.dirname, '..');
const usage =
  'usage: npm run import -- [--dir <entries dir>] [--aliases <file>] [--timeout <seconds>] [--lore <Message-ID>]… <files, folders or public-inbox message URLs>…';

function parseCli() {
  return parseArgs({
    allowPositionals: true,
    options: {
      dir: { type: 'string', default: resolve(root, 'src/content/messages') },
      aliases: { type: 'string', default: resolve(root, 'src/content/aliases.json') },
      help: { type: 'boolean', short: 'h', default: false },
      lore: { type: 'string', multiple: true, default: [] },
      timeout: { type: 'string', default: '60' },
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
if (args.positionals.length === 0 && args.values.lore.length === 0) {
  console.error(usage);
  process.exit(2);
}
const timeoutSeconds = Number(args.values.timeout);
if (!(timeoutSeconds > 0 && Number.isFinite(timeoutSeconds))) {
  console.error(`--timeout ${args.values.timeout}: not a positive number of seconds\n${usage}`);
  process.exit(2);
}

let inputs: FetchedInputs | undefined;
try {
  inputs = await fetchInputs(args.positionals, args.values.lore, { timeoutMs: timeoutSeconds * 1000 });
  const result = await importPaths(inputs.paths, {
    dir: args.values.dir,
    aliasesFile: args.values.aliases,
    // Lines naming a downloaded thread's temp file name its URL instead.
    log: (line) => console.error((inputs?.paths ?? []).reduce((l, p) => l.split(p).join(inputs?.label(p) ?? p), line)),
  });
  for (const r of result.rejected) r.file = inputs.label(r.file);
  for (const r of result.rejected) console.error(`${r.file}:${r.line} (message ${r.index}): ${r.reason}`);
  console.log(
    `imported ${result.imported} (${result.repaired} with repairs), updated ${result.updated}, unchanged ${result.unchanged}, rejected ${result.rejected.length}`,
  );
  process.exitCode = result.rejected.length > 0 ? 1 : 0;
} catch (error) {
  console.error(`import failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await inputs?.remove();
}
