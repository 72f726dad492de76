/**
 * A figure's data as CSV (RFC 4180): a header row of column labels, then one row per point
 * or bar, CRLF line ends throughout, numbers as JavaScript writes them (shortest exact form,
 * so a spreadsheet gets the model's own values, not the rounded ones of the data table).
 */
import type { Values } from '../model/index.ts';
import type { FigureContext, FigureDef, Table } from './types.ts';

const CRLF = '\r\n';

/** One field: quoted (quotes doubled) when it holds a comma, a quote, a line break or edge spaces. */
export function csvField(value: string | number): string {
  const s = typeof value === 'number' ? String(value) : value;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** A table as CSV: header of labels, rows in column order (missing cells empty), CRLF after every row. */
export function toCsv(table: Table): string {
  const lines = [
    table.columns.map((c) => csvField(c.label)),
    ...table.rows.map((row) => table.columns.map((c) => csvField(row[c.key] ?? ''))),
  ];
  return lines.map((cells) => cells.join(',') + CRLF).join('');
}

/** The series a figure draws at this state as CSV: its `series()` where it has one, else its `table()`. */
export function figureCsv(def: FigureDef, values: Values, context?: FigureContext): string {
  return toCsv(def.series ? def.series(values, context) : def.table(values, context));
}
