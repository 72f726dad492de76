import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** `bytes` written to a new temporary folder as `name`; the file's path (for outside programs to read). */
export function tempFile(bytes: Uint8Array, name: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'slowest-side-test-')), name);
  writeFileSync(path, bytes);
  return path;
}
