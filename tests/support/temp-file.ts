import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One temporary folder a test process writes its files in, removed when the process exits. */
let folder: string | undefined;
let files = 0;

/** `bytes` written to a temporary file named `name` (in a folder of its own); its path, for outside programs to read. */
export function tempFile(bytes: Uint8Array, name: string): string {
  if (folder === undefined) {
    const made = mkdtempSync(join(tmpdir(), 'slowest-side-test-'));
    folder = made;
    process.on('exit', () => rmSync(made, { recursive: true, force: true }));
  }
  files += 1;
  const dir = join(folder, String(files));
  mkdirSync(dir);
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}
