/**
 * A ZIP archive of files stored as they are (method 0: PNGs are compressed already, so
 * deflating them again gains nothing), readable by every unzip, Finder and Explorer included.
 * Names are UTF-8 (flag bit 11); every entry carries the same fixed DOS date, so the same
 * files give the same bytes. No ZIP64: a talk's images are far below 4 GiB and 65,535 files.
 */

/** A file to store: its path in the archive (`/` between folders) and its bytes. */
export interface ZipEntry {
  readonly name: string;
  readonly data: Uint8Array;
}

const TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (ISO 3309, the one ZIP and PNG use) of `bytes`. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** The DOS date and time every entry carries: 1 January 1980, 00:00, the format's first day (a date that says "none"). */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
/** Version 2.0: what an archive of stored files with folders needs to be extracted. */
const VERSION = 20;
/**
 * Made by a Unix system (3) to version 2.0, with a plain file's mode (rw-r--r--) as the external
 * attributes: unzip then takes the names as UTF-8 (it reads an MS-DOS entry's as code page 437)
 * and gives the files ordinary permissions; Windows and macOS go by the UTF-8 flag.
 */
const MADE_BY = (3 << 8) | VERSION;
const FILE_MODE = (0o100644 << 16) >>> 0;
/** General-purpose flag: the names are UTF-8. */
const UTF8 = 1 << 11;
const LIMIT = 0xffffffff;

/** The archive of `entries`, in their order. Throws on an empty, duplicate, absolute or climbing name, or sizes past the format. */
export function zipStore(entries: readonly ZipEntry[]): Uint8Array<ArrayBuffer> {
  if (entries.length > 0xffff) throw new Error(`zip: ${entries.length} files; at most 65,535 without ZIP64`);
  const seen = new Set<string>();
  const utf8 = new TextEncoder();
  const files = entries.map((e) => {
    if (e.name === '' || e.name.startsWith('/') || e.name.split('/').includes('..') || e.name.includes('\\')) {
      throw new Error(`zip: "${e.name}" is not a relative path`);
    }
    if (seen.has(e.name)) throw new Error(`zip: "${e.name}" twice`);
    seen.add(e.name);
    if (e.data.length >= LIMIT) throw new Error(`zip: "${e.name}" is over 4 GiB`);
    return { name: utf8.encode(e.name), data: e.data, crc: crc32(e.data) };
  });
  const localSize = files.reduce((n, f) => n + 30 + f.name.length + f.data.length, 0);
  const centralSize = files.reduce((n, f) => n + 46 + f.name.length, 0);
  if (localSize + centralSize + 22 >= LIMIT) throw new Error('zip: the archive would pass 4 GiB');
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  const u16 = (v: number): void => {
    view.setUint16(at, v, true);
    at += 2;
  };
  const u32 = (v: number): void => {
    view.setUint32(at, v >>> 0, true);
    at += 4;
  };
  const bytes = (b: Uint8Array): void => {
    out.set(b, at);
    at += b.length;
  };
  /** The fields a local header and a central directory entry share, from "version needed" to the name's length. */
  const common = (f: (typeof files)[number]): void => {
    u16(VERSION);
    u16(UTF8);
    u16(0); // stored
    u16(DOS_TIME);
    u16(DOS_DATE);
    u32(f.crc);
    u32(f.data.length);
    u32(f.data.length);
    u16(f.name.length);
  };
  const offsets: number[] = [];
  for (const f of files) {
    offsets.push(at);
    u32(0x04034b50);
    common(f);
    u16(0); // extra field
    bytes(f.name);
    bytes(f.data);
  }
  const central = at;
  files.forEach((f, i) => {
    u32(0x02014b50);
    u16(MADE_BY);
    common(f);
    u16(0); // extra field
    u16(0); // comment
    u16(0); // disk
    u16(0); // internal attributes
    u32(FILE_MODE);
    u32(offsets[i]!);
    bytes(f.name);
  });
  const centralLength = at - central;
  u32(0x06054b50);
  u16(0); // this disk
  u16(0); // the disk the directory starts on
  u16(files.length);
  u16(files.length);
  u32(centralLength);
  u32(central);
  u16(0); // comment
  return out;
}
