/**
 * CLI: `npm run synth -- --messages 10000 [--seed 2002] [--out .tmp/synth/month.mbox]`
 * Writes a deterministic synthetic month of list mail (src/lib/synth/archive.ts) as an mbox
 * that `npm run import` reads. Prints the message and thread counts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { synthArchive } from '../src/lib/synth/archive.ts';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '2002' },
    out: { type: 'string', default: '.tmp/synth/month.mbox' },
  },
});
const messages = Number(values.messages);
const seed = Number(values.seed);
if (!Number.isInteger(messages) || messages < 1 || !Number.isInteger(seed)) {
  console.error('usage: npm run synth -- --messages <N ≥ 1> [--seed <integer>] [--out <file>]');
  process.exit(2);
}
const archive = synthArchive({ messages, seed });
mkdirSync(dirname(values.out), { recursive: true });
writeFileSync(values.out, archive.mbox);
console.log(`${values.out}: ${archive.ids.length} messages in ${archive.threadSizes.length} threads (seed ${seed})`);
