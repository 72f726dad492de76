/**
 * Poppler's command-line tools (Debian's poppler-utils) as an independent PDF reader for
 * tests: pdfinfo for the document, pdftotext for the text and where each word lies, measured
 * with poppler's own copy of the standard fonts' metrics. A test fails, saying so, when the
 * tools are missing.
 */
import { spawnSync } from 'node:child_process';

function run(tool: string, args: string[]): { stdout: string; stderr: string } {
  const r = spawnSync(tool, args, { encoding: 'utf8' });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(`${tool} is not installed: the PDF tests read PDFs with poppler (apt-get install poppler-utils)`);
  }
  if (r.status !== 0) throw new Error(`${tool} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { stdout: r.stdout, stderr: r.stderr };
}

/** pdfinfo's fields (`Pages`, `Page size`, `Title` …), and what it said on stderr (syntax errors, a rebuilt xref). */
export function pdfinfo(path: string): { fields: Record<string, string>; stderr: string } {
  const { stdout, stderr } = run('pdfinfo', ['-enc', 'UTF-8', path]);
  const fields = Object.fromEntries(
    stdout
      .split('\n')
      .map((l) => /^([^:]+):\s*(.*)$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!, m[2]!]),
  );
  return { fields, stderr };
}

/** The text of each page, as pdftotext reads it (in reading order, lines joined by newlines). */
export function pdftotext(path: string): string[] {
  return run('pdftotext', ['-enc', 'UTF-8', path, '-']).stdout.split('\f').slice(0, -1);
}

export interface Word {
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

/** Every word of every page with its box in pt (origin top left), from `pdftotext -bbox`. */
export function words(path: string): Word[][] {
  const html = run('pdftotext', ['-bbox', '-enc', 'UTF-8', path, '-']).stdout;
  const entities = (s: string): string =>
    s.replace(/&(amp|lt|gt|quot|apos|#\d+);/g, (_, e: string) =>
      e.startsWith('#')
        ? String.fromCodePoint(Number(e.slice(1)))
        : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e]!,
    );
  return html
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        text: entities(m[5]!),
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
      })),
    );
}
