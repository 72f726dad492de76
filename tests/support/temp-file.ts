import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The temporary folder this test process writes its files in (see `removeTempFiles`). */
let folder: string | undefined;
let files = 0;

/** `bytes` written to a temporary file named `name` (in a folder of its own); its path, for outside programs to read. */
export function tempFile(bytes: Uint8Array, name: string): string {
  folder ??= mkdtempSync(join(tmpdir(), 'slowest-side-test-'));
  files += 1;
  const dir = join(folder, String(files));
  mkdirSync(dir);
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** Removes every file `tempFile` wrote: call it after the tests that used them (a test worker may be ended without an exit event). */
export function removeTempFiles(): void {
  if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
  folder = undefined;
}
