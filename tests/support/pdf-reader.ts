/**
 * A small PDF reader for tests, written from the PDF 1.7 reference and sharing no code with
 * the writer (src/lib/talk/pdf.ts): it reads the cross-reference table and checks that every
 * offset lands on its object, parses objects (numbers, names, strings, arrays, dictionaries,
 * references, streams), walks the page tree, inflates Flate streams and pulls the text shown
 * by Tj operators, decoded as WinAnsi by the platform's own windows-1252 decoder.
 */
import { inflateSync } from 'node:zlib';

export type PdfValue = number | boolean | null | PdfName | PdfString | PdfRef | PdfValue[] | PdfDict;
export interface PdfName {
  readonly name: string;
}
export interface PdfString {
  readonly bytes: Uint8Array;
}
export interface PdfRef {
  readonly ref: number;
}
export interface PdfDict {
  readonly dict: ReadonlyMap<string, PdfValue>;
  /** The stream's raw bytes, for a stream object. */
  readonly stream?: Uint8Array;
}

const latin1 = (b: Uint8Array): string => Buffer.from(b).toString('latin1');
const WS = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));

class Lexer {
  readonly bytes: Uint8Array;
  at: number;
  constructor(bytes: Uint8Array, at: number) {
    this.bytes = bytes;
    this.at = at;
  }
  skip(): void {
    for (;;) {
      while (this.at < this.bytes.length && WS.has(this.bytes[this.at]!)) this.at++;
      if (this.bytes[this.at] !== 0x25) return; // %
      while (this.at < this.bytes.length && this.bytes[this.at] !== 0x0a && this.bytes[this.at] !== 0x0d) this.at++;
    }
  }
  peek(s: string): boolean {
    this.skip();
    return latin1(this.bytes.subarray(this.at, this.at + s.length)) === s;
  }
  regular(): string {
    this.skip();
    const start = this.at;
    while (this.at < this.bytes.length && !WS.has(this.bytes[this.at]!) && !DELIM.has(this.bytes[this.at]!)) this.at++;
    return latin1(this.bytes.subarray(start, this.at));
  }
  literal(): Uint8Array {
    const out: number[] = [];
    let depth = 1;
    this.at++; // (
    for (;;) {
      const b = this.bytes[this.at++];
      if (b === undefined) throw new Error('unterminated string');
      if (b === 0x5c) {
        const e = this.bytes[this.at++]!;
        const map: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };
        const ch = String.fromCharCode(e);
        if (ch in map) out.push(map[ch]!);
        else if (e >= 0x30 && e <= 0x37) {
          let oct = ch;
          while (oct.length < 3 && this.bytes[this.at]! >= 0x30 && this.bytes[this.at]! <= 0x37)
            oct += String.fromCharCode(this.bytes[this.at++]!);
          out.push(Number.parseInt(oct, 8) & 0xff);
        } else if (e !== 0x0a) out.push(e);
        continue;
      }
      if (b === 0x28) depth++;
      if (b === 0x29 && --depth === 0) return Uint8Array.from(out);
      out.push(b);
    }
  }
  value(): PdfValue {
    this.skip();
    const b = this.bytes[this.at];
    if (b === 0x2f) {
      this.at++;
      return { name: this.regular() };
    }
    if (b === 0x28) return { bytes: this.literal() };
    if (b === 0x5b) {
      this.at++;
      const items: PdfValue[] = [];
      while (!this.peek(']')) items.push(this.value());
      this.at++;
      return items;
    }
    if (this.peek('<<')) {
      this.at += 2;
      const dict = new Map<string, PdfValue>();
      while (!this.peek('>>')) {
        const key = this.value();
        if (typeof key !== 'object' || key === null || !('name' in key)) throw new Error(`dictionary key at ${this.at} is not a name`);
        dict.set(key.name, this.value());
      }
      this.at += 2;
      return { dict };
    }
    if (b === 0x3c) {
      const end = this.bytes.indexOf(0x3e, this.at);
      const hex = latin1(this.bytes.subarray(this.at + 1, end)).replace(/\s/g, '');
      this.at = end + 1;
      return { bytes: Uint8Array.from(Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex')) };
    }
    const word = this.regular();
    if (word === 'true' || word === 'false') return word === 'true';
    if (word === 'null') return null;
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) throw new Error(`unexpected "${word}" at ${this.at}`);
    // An integer followed by "G R" is a reference.
    const save = this.at;
    if (/^\d+$/.test(word)) {
      const gen = this.regular();
      if (/^\d+$/.test(gen) && this.regular() === 'R') return { ref: Number(word) };
      this.at = save;
    }
    return Number(word);
  }
}

export interface PdfPage {
  readonly dict: PdfDict;
  readonly mediaBox: number[];
  /** The text of each Tj, in order, decoded as WinAnsi. */
  readonly texts: string[];
  /** Each text's font size and position (from Tf and Tm). */
  readonly runs: { text: string; font: string; size: number; x: number; y: number }[];
}

export interface ReadPdf {
  readonly version: string;
  readonly objects: ReadonlyMap<number, PdfValue>;
  readonly trailer: PdfDict;
  readonly pages: PdfPage[];
  get(v: PdfValue | undefined): PdfValue | undefined;
}

const winAnsi = new TextDecoder('windows-1252');

export const isDict = (v: PdfValue | undefined): v is PdfDict => typeof v === 'object' && v !== null && 'dict' in v;
export const nameOf = (v: PdfValue | undefined): string | undefined =>
  typeof v === 'object' && v !== null && 'name' in v ? v.name : undefined;
export const bytesOf = (v: PdfValue | undefined): Uint8Array | undefined =>
  typeof v === 'object' && v !== null && 'bytes' in v ? v.bytes : undefined;

/** A text string (the Info dictionary's): UTF-16BE after its byte order mark, else PDFDocEncoding read as Latin-1. */
export function textString(v: PdfValue | undefined): string | undefined {
  const b = bytesOf(v);
  if (!b) return undefined;
  if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b.subarray(2));
  return latin1(b);
}

/** The decoded data of a stream object (FlateDecode inflated). */
export function streamData(d: PdfDict): Uint8Array {
  const filter = nameOf(d.dict.get('Filter'));
  if (!d.stream) throw new Error('not a stream');
  if (filter === undefined) return d.stream;
  if (filter === 'FlateDecode') return new Uint8Array(inflateSync(d.stream));
  throw new Error(`filter ${filter}`);
}

/** Reads `bytes` as a PDF with a classic cross-reference table; throws on anything out of place. */
export function readPdf(bytes: Uint8Array): ReadPdf {
  const text = latin1(bytes);
  const version = /^%PDF-(\d\.\d)/.exec(text)?.[1];
  if (!version) throw new Error('no %PDF header');
  if (!/%%EOF\s*$/.test(text)) throw new Error('no %%EOF at the end');
  const sx = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  if (!sx) throw new Error('no startxref');
  const xrefAt = Number(sx[1]);
  if (text.slice(xrefAt, xrefAt + 4) !== 'xref') throw new Error(`startxref ${xrefAt} does not point at "xref"`);
  const lex = new Lexer(bytes, xrefAt + 4);
  const offsets = new Map<number, number>();
  while (!lex.peek('trailer')) {
    const first = Number(lex.regular());
    const count = Number(lex.regular());
    lex.skip();
    for (let i = 0; i < count; i++) {
      // Each entry is exactly 20 bytes: 10-digit offset, space, 5-digit generation, space, n|f, two end-of-line bytes.
      const entry = text.slice(lex.at, lex.at + 20);
      const m = /^(\d{10}) (\d{5}) ([nf])(?: \r| \n|\r\n)$/.exec(entry);
      if (!m) throw new Error(`xref entry ${first + i} is not 20 bytes of the form "oooooooooo ggggg n\\r\\n": ${JSON.stringify(entry)}`);
      if (m[3] === 'n') offsets.set(first + i, Number(m[1]));
      lex.at += 20;
    }
  }
  lex.at += 'trailer'.length;
  const trailer = lex.value();
  if (!isDict(trailer)) throw new Error('trailer is not a dictionary');
  const size = trailer.dict.get('Size');
  if (size !== offsets.size + 1) throw new Error(`trailer /Size ${String(size)}, xref has ${offsets.size} objects`);

  const objects = new Map<number, PdfValue>();
  for (const [n, at] of offsets) {
    const head = new RegExp(`^${n} 0 obj\\s`).exec(text.slice(at, at + 20));
    if (!head) throw new Error(`object ${n}: offset ${at} lands on ${JSON.stringify(text.slice(at, at + 12))}`);
    const l = new Lexer(bytes, at + head[0].length);
    let value = l.value();
    if (l.peek('stream')) {
      if (!isDict(value)) throw new Error(`object ${n}: stream without a dictionary`);
      l.at += 'stream'.length;
      if (bytes[l.at] === 0x0d) l.at++;
      if (bytes[l.at] !== 0x0a) throw new Error(`object ${n}: "stream" not followed by an end of line`);
      l.at++;
      const length = value.dict.get('Length');
      if (typeof length !== 'number') throw new Error(`object ${n}: stream /Length is not a direct number`);
      const data = bytes.subarray(l.at, l.at + length);
      l.at += length;
      if (!l.peek('endstream')) throw new Error(`object ${n}: /Length ${length} does not end at "endstream"`);
      l.at += 'endstream'.length;
      value = { dict: value.dict, stream: data };
    }
    if (!l.peek('endobj')) throw new Error(`object ${n}: no endobj`);
    objects.set(n, value);
  }

  const get = (v: PdfValue | undefined): PdfValue | undefined =>
    typeof v === 'object' && v !== null && 'ref' in v ? objects.get(v.ref) : v;
  const root = get(trailer.dict.get('Root'));
  if (!isDict(root) || nameOf(root.dict.get('Type')) !== 'Catalog') throw new Error('/Root is not a catalog');

  const pages: PdfPage[] = [];
  const walk = (node: PdfValue | undefined, inherited: number[] | undefined): void => {
    if (!isDict(node)) throw new Error('page tree node is not a dictionary');
    const box = (get(node.dict.get('MediaBox')) as number[] | undefined) ?? inherited;
    const type = nameOf(node.dict.get('Type'));
    if (type === 'Pages') {
      const kids = get(node.dict.get('Kids')) as PdfValue[];
      const before = pages.length;
      for (const kid of kids) walk(get(kid), box);
      if (node.dict.get('Count') !== pages.length - before) throw new Error('/Count does not match the pages under it');
      return;
    }
    if (type !== 'Page') throw new Error(`page tree node of type ${type}`);
    if (!box) throw new Error('page without a MediaBox');
    const contents = get(node.dict.get('Contents'));
    const streams = Array.isArray(contents) ? contents.map(get) : [contents];
    const runs = streams.flatMap((s) => (isDict(s) ? textRuns(streamData(s)) : []));
    pages.push({ dict: node, mediaBox: box, texts: runs.map((r) => r.text), runs });
  };
  walk(get(root.dict.get('Pages')), undefined);
  return { version, objects, trailer, pages, get };
}

/** The strings a content stream shows with Tj, with the font size and text matrix position in force. */
function textRuns(content: Uint8Array): PdfPage['runs'] {
  const lex = new Lexer(content, 0);
  const operands: PdfValue[] = [];
  const runs: PdfPage['runs'] = [];
  let font = '';
  let size = 0;
  let x = 0;
  let y = 0;
  for (;;) {
    lex.skip();
    if (lex.at >= content.length) return runs;
    const b = content[lex.at]!;
    const isOperand = b === 0x2f || b === 0x28 || b === 0x5b || b === 0x3c || /[-+.\d]/.test(String.fromCharCode(b));
    if (isOperand) {
      operands.push(lex.value());
      continue;
    }
    const op = lex.regular();
    if (op === '') throw new Error(`content stream: stuck at ${lex.at}`);
    if (op === 'Tf') {
      font = nameOf(operands[0]) ?? '';
      size = operands[1] as number;
    } else if (op === 'Tm') {
      x = operands[4] as number;
      y = operands[5] as number;
    } else if (op === 'Tj') {
      runs.push({ text: winAnsi.decode(bytesOf(operands[0])!), font, size, x, y });
    }
    operands.length = 0;
  }
}
