/**
 * The glyph table exported figures are outlined with: DejaVu Sans and DejaVu Sans Bold
 * (assets/fonts/, written by scripts/glyph-table.ts; licence in assets/fonts/LICENSE). The
 * build imports it with the exporters; the browser loads this module only when a reader
 * downloads an SVG or PNG (src/scripts/download.ts).
 */
import data from '../../../assets/fonts/dejavu-sans.json' with { type: 'json' };
import { glyphTable, type GlyphTable, type GlyphTableData } from './glyph-table.ts';

export const EXPORT_GLYPHS: GlyphTable = glyphTable(data as GlyphTableData);
