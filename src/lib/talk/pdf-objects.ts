/**
 * PDF 1.4 syntax for the talk PDF (pdf.ts): numbers, colours, literal and text strings and
 * URIs as PDF writes them, a page's content stream built operator by operator, and the
 * numbered objects written out as a file with its cross-reference table and trailer, every
 * offset counted in bytes. Deterministic: the same objects give the same bytes.
 */

import { concatBytes as concat } from '../bytes.ts';

export const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

/** A number as PDF writes it: at most `digits` decimals, no exponent, no "-0". */
export function num(x: number, digits = 2): string {
  const r = Math.round(x * 10 ** digits) / 10 ** digits;
  return Object.is(r, -0) ? '0' : String(r);
}

/** `#rrggbb` as a PDF colour operand. */
export function rgb(hex: string): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`pdf: colour "${hex}" is not #rrggbb`);
  // Four decimals: every 8-bit value comes back as itself, so the page matches the figure's background.
  return [m[1], m[2], m[3]].map((h) => num(Number.parseInt(h!, 16) / 255, 4)).join(' ');
}

/** WinAnsi bytes as a PDF literal string: ASCII as is, parentheses and backslash escaped, the rest as octal. */
export function literal(bytes: Uint8Array): string {
  let s = '(';
  for (const b of bytes) {
    if (b === 0x28 || b === 0x29 || b === 0x5c) s += `\\${String.fromCharCode(b)}`;
    else if (b < 0x20 || b > 0x7e) s += `\\${b.toString(8).padStart(3, '0')}`;
    else s += String.fromCharCode(b);
  }
  return `${s})`;
}

/** A text string outside content streams (the Info dictionary): UTF-16BE with its byte order mark, in hex. */
export function textString(s: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
}

/** A URI as PDF wants it (7-bit ASCII): anything else percent-encoded as UTF-8. */
export function uri(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    out +=
      cp > 0x20 && cp < 0x7f
        ? ch
        : [...new TextEncoder().encode(ch)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  }
  return out;
}

/** A page's content stream, built operator by operator. */
export class Content {
  private readonly ops: string[] = [];
  fill(colour: string, x: number, y: number, w: number, h: number): void {
    this.ops.push(`q ${rgb(colour)} rg ${num(x)} ${num(y)} ${num(w)} ${num(h)} re f Q`);
  }
  image(name: string, x: number, y: number, w: number, h: number): void {
    this.ops.push(`q ${num(w)} 0 0 ${num(h)} ${num(x)} ${num(y)} cm /${name} Do Q`);
  }
  /** One line of text with its baseline's left end at (x, y). */
  text(font: string, size: number, colour: string, x: number, y: number, bytes: Uint8Array): void {
    this.ops.push(`BT /${font} ${num(size)} Tf ${rgb(colour)} rg 1 0 0 1 ${num(x)} ${num(y)} Tm ${literal(bytes)} Tj ET`);
  }
  bytes(): Uint8Array {
    return ascii(`${this.ops.join('\n')}\n`);
  }
}

/** The PDF objects, numbered from 1 in the order they are added. */
export class Objects {
  private readonly bodies: Uint8Array[] = [];
  /** Reserves a number for an object written later. */
  reserve(): number {
    this.bodies.push(new Uint8Array());
    return this.bodies.length;
  }
  set(n: number, body: string | Uint8Array): void {
    this.bodies[n - 1] = typeof body === 'string' ? ascii(body) : body;
  }
  add(body: string | Uint8Array): number {
    const n = this.reserve();
    this.set(n, body);
    return n;
  }
  stream(dict: string, data: Uint8Array): number {
    return this.add(concat([ascii(`<< ${dict} /Length ${data.length} >>\nstream\n`), data, ascii('\nendstream')]));
  }
  /** The file: header, objects, cross-reference table and trailer, with every offset counted in bytes. */
  file(root: number, info: number): Uint8Array<ArrayBuffer> {
    // The comment of high bytes tells transfer programs the file is binary.
    const parts: Uint8Array[] = [ascii('%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n')];
    let at = parts[0]!.length;
    const offsets: number[] = [];
    this.bodies.forEach((body, i) => {
      offsets.push(at);
      const obj = concat([ascii(`${i + 1} 0 obj\n`), body, ascii('\nendobj\n')]);
      parts.push(obj);
      at += obj.length;
    });
    const xref = [
      `xref\n0 ${offsets.length + 1}\n`,
      '0000000000 65535 f \n',
      ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`),
    ];
    parts.push(
      ascii(`${xref.join('')}trailer\n<< /Size ${offsets.length + 1} /Root ${root} 0 R /Info ${info} 0 R >>\nstartxref\n${at}\n%%EOF\n`),
    );
    return concat(parts);
  }
}
