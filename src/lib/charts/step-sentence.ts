/**
 * What one step of a stepped figure says, in a sentence, read from the figure's data table
 * row: "Step 3 of 4: checksum pass: read every byte, by the softirq; 1 memory-bus crossing per
 * byte; 10.2 µs of CPU per segment." The stepper says it as the reader steps
 * (src/scripts/figure-stepper.ts), and a stage's excerpt of the diagram prints it
 * (components/FigureStep.astro). Columns: step, what happens, done by, from, to, crossings,
 * µs (the receive-path table's). Pure.
 */
import type { Table } from './types.ts';

export function stepSentence(cells: readonly string[], total: number): string {
  const [n, what, by, , , crossings, us] = cells;
  const parts = [`Step ${n} of ${total}: ${what}, by the ${by}`];
  if (crossings && crossings !== '0') parts.push(`${crossings} memory-bus ${crossings === '1' ? 'crossing' : 'crossings'} per byte`);
  if (us && us !== '0') parts.push(`${us} µs of CPU per segment`);
  return `${parts.join('; ')}.`;
}

/** Every row of a stepped figure's table as its step's sentence, in order. */
export function stepSentences(table: Table): string[] {
  return table.rows.map((row) =>
    stepSentence(
      table.columns.map((c) => String(row[c.key] ?? '')),
      table.rows.length,
    ),
  );
}
