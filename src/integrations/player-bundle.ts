/**
 * The offline talk file's script: src/scripts/talk/player.ts and all it imports (presenter
 * mode, the model, the figures, Observable Plot), bundled by esbuild's JS API into one
 * minified IIFE, made safe to stand inline (`inlineScript`), with its SHA-256 for the file's
 * Content-Security-Policy. Built once a build, on first use (pages/talks/[file].ts).
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { build } from 'esbuild';
import { inlineScript } from '../lib/talk/offline.ts';

/** The entry, from the project root (the build runs there: npm scripts and scripts/fixture-site.ts). */
const ENTRY = 'src/scripts/talk/player.ts';

export interface PlayerBundle {
  /** The script's text as it stands in the file. */
  readonly script: string;
  /** Its SHA-256, base64: what `script-src 'sha256-…'` names. */
  readonly hash: string;
}

async function bundle(): Promise<PlayerBundle> {
  const out = await build({
    entryPoints: [join(process.cwd(), ENTRY)],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    charset: 'utf8',
    legalComments: 'inline',
    logLevel: 'warning',
  });
  const js = out.outputFiles[0]?.text;
  if (js === undefined) throw new Error(`player bundle: esbuild wrote nothing for ${ENTRY}`);
  const script = inlineScript(js.trimEnd());
  return { script, hash: createHash('sha256').update(script, 'utf8').digest('base64') };
}

let once: Promise<PlayerBundle> | undefined;
/** The bundle, built on first call and shared by every talk file of the build. */
export const playerBundle = (): Promise<PlayerBundle> => (once ??= bundle());
