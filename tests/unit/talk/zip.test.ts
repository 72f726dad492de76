import { spawnSync } from 'node:child_process';
import { crc32 as zlibCrc32 } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { crc32, type ZipEntry, zipStore } from '../../../src/lib/talk/zip.ts';
import { removeTempFiles, tempFile } from '../../support/temp-file.ts';

interface PythonRead {
  names: string[];
  sizes: number[];
  crcs: number[];
  dates: number[][];
  flags: number[];
  methods: number[];
  bad: string | null;
  data: string[];
}

/** What Python's zipfile reads in each archive: names in order, sizes, CRCs, dates, flags, methods, bytes, and its CRC check of every file. */
function pythonReads(paths: string[]): PythonRead[] {
  const script = `
import json, sys, zipfile, binascii
out = []
for path in sys.argv[1:]:
    with zipfile.ZipFile(path) as z:
        infos = z.infolist()
        out.append({
            "names": [i.filename for i in infos], "sizes": [i.file_size for i in infos], "crcs": [i.CRC for i in infos],
            "dates": [list(i.date_time) for i in infos], "flags": [i.flag_bits for i in infos],
            "methods": [i.compress_type for i in infos], "bad": z.testzip(),
            "data": [binascii.hexlify(z.read(i)).decode() for i in infos]})
print(json.dumps(out))
`;
  // One run of Python for every archive: starting it is the slow part.
  const r = spawnSync('python3', ['-c', script, ...paths], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`python3 zipfile: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

const entries = (names: string[]): ZipEntry[] =>
  names.map((name, i) => ({ name, data: Uint8Array.from({ length: 100 + i * 37 }, (_, j) => (j * 7 + i) & 0xff) }));

afterAll(removeTempFiles);

describe('the ZIP writer', () => {
  it('computes CRC-32 as zlib does', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        expect(crc32(bytes)).toBe(zlibCrc32(bytes));
      }),
    );
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('writes an archive unzip tests clean and lists in order, names in UTF-8', () => {
    const names = ['01-slowest-side-lanl-ran-2-4-3.png', '02-receive-path-café.png', '10-measurements-日本.png', 'folder/ünïcode name.png'];
    const path = tempFile(zipStore(entries(names)), 'talk.zip');
    const test = spawnSync('unzip', ['-t', path], { encoding: 'utf8' });
    expect(test.status, test.stdout + test.stderr).toBe(0);
    expect(test.stdout).toMatch(/No errors detected/);
    const listed = spawnSync('zipinfo', ['-1', path], { encoding: 'utf8' });
    expect(listed.status).toBe(0);
    expect(listed.stdout.trim().split('\n')).toEqual(names);
  });

  it('holds any files, in order, with their bytes, CRCs, UTF-8 names, stored, and one fixed date (Python’s zipfile reads it)', () => {
    const name = fc
      .array(fc.constantFrom(...'abcz019-_. éü日本'.split('')), { minLength: 1, maxLength: 20 })
      .map((cs) => cs.join(''))
      .filter((n) => n !== '.' && n !== '..');
    const cases = fc.sample(
      fc
        .uniqueArray(name, { minLength: 1, maxLength: 8 })
        .chain((names) =>
          fc
            .array(fc.uint8Array({ maxLength: 3000 }), { minLength: names.length, maxLength: names.length })
            .map((datas) => names.map((n, i) => ({ name: n, data: datas[i]! }))),
        ),
      { numRuns: 40, seed: 16 },
    );
    const reads = pythonReads(cases.map((files, i) => tempFile(zipStore(files), `case-${i}.zip`)));
    cases.forEach((files, i) => {
      const read = reads[i]!;
      expect(read.bad).toBeNull();
      expect(read.names).toEqual(files.map((f) => f.name));
      expect(read.sizes).toEqual(files.map((f) => f.data.length));
      expect(read.crcs).toEqual(files.map((f) => zlibCrc32(f.data)));
      expect(read.data).toEqual(files.map((f) => Buffer.from(f.data).toString('hex')));
      expect(read.methods.every((m) => m === 0)).toBe(true);
      // Bit 11: the names are UTF-8.
      expect(read.flags.every((f) => (f & 0x800) !== 0)).toBe(true);
      expect(read.dates.every((d) => d.join() === '1980,1,1,0,0,0')).toBe(true);
    });
  });

  it('writes the same bytes for the same files', () => {
    const files = entries(['a.png', 'b.png']);
    expect(Buffer.from(zipStore(files)).equals(Buffer.from(zipStore(files)))).toBe(true);
  });

  it('refuses names that are empty, repeated, absolute or climb out', () => {
    for (const bad of [[''], ['a', 'a'], ['/etc/x'], ['../x'], ['a/../../x'], ['a\\b']]) {
      expect(() => zipStore(entries(bad)), bad.join(',')).toThrow(/zip:/);
    }
  });
});
