/**
 * Writes assets/fonts/dejavu-sans.json, the glyph table exported figures draw their text with
 * (src/lib/fonts/glyph-table.ts): DejaVu Sans and DejaVu Sans Bold, for the characters of
 * src/lib/fonts/repertoire.ts. Reads the TrueType files from a folder (default
 * /usr/share/fonts/truetype/dejavu, Debian's fonts-dejavu-core; `-- --fonts DIR` for another),
 * and says which characters of the repertoire the fonts lack. `-- --check` exits 1 when the
 * file is missing or differs from what the fonts give (the unit test does the same where the
 * fonts are installed).
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildTable, tableText, type FaceName } from '../src/lib/fonts/glyph-table.ts';
import { REPERTOIRE } from '../src/lib/fonts/repertoire.ts';
import { readTrueType } from '../src/lib/fonts/truetype.ts';

export const TABLE_FILE = new URL('../assets/fonts/dejavu-sans.json', import.meta.url);
export const FONT_DIR = '/usr/share/fonts/truetype/dejavu';
const FILES: Record<FaceName, string> = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' };

/** The table text the fonts in `dir` give, and what they lack. */
export async function glyphTableText(dir: string): Promise<{ text: string; missing: Record<FaceName, string[]> }> {
  const read = async (face: FaceName) => {
    const bytes = await readFile(join(dir, FILES[face]));
    const font = readTrueType(bytes);
    const sha = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
    return { font, name: `${FILES[face]} revision ${font.revision}, sha256 ${sha}…` };
  };
  const { data, missing } = buildTable('DejaVu Sans', { regular: await read('regular'), bold: await read('bold') }, REPERTOIRE);
  return { text: tableText(data), missing };
}

if (import.meta.main) {
  const at = process.argv.indexOf('--fonts');
  const dir = at > 0 ? process.argv[at + 1]! : FONT_DIR;
  const { text, missing } = await glyphTableText(dir);
  const lacking = (face: FaceName): string =>
    missing[face].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} ${c}`).join(', ') || 'none';
  console.log(`glyph-table: ${REPERTOIRE.length} characters; regular lacks ${lacking('regular')}; bold lacks ${lacking('bold')}`);
  if (process.argv.includes('--check')) {
    const old = await readFile(TABLE_FILE, 'utf8').catch(() => '');
    if (old !== text) {
      console.error(`glyph-table: ${TABLE_FILE.pathname} is missing or stale; run node scripts/glyph-table.ts`);
      process.exit(1);
    }
    console.log('glyph-table: up to date');
  } else {
    await writeFile(TABLE_FILE, text);
    console.log(`glyph-table: wrote ${TABLE_FILE.pathname} (${text.length} bytes)`);
  }
}
