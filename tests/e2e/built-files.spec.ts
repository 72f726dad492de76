import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { htmlDocument } from '../support/dom.ts';
import { slugOf } from '../../src/lib/mail/ids.ts';
import { fitAll } from '../../src/lib/model/fit.ts';
import { type BoundSide, boundText, figureValue, formatFigure } from '../../src/lib/model/figures.ts';
import { addressesIn, addressesInRaw, remnantsIn } from '../support/address-oracle.ts';
import { citedMessageIds } from './helpers.ts';

/** Every file under `dir`, as bytes (gzip-compressed Pagefind files inflated). */
function* files(dir: string): Generator<[string, Buffer]> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    // PNG figures are compressed pixels (random bytes can spell "x@y.zz"); their text is in the SVGs beside them.
    else if (!name.endsWith('.png')) {
      let bytes: Buffer = readFileSync(path);
      if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
      yield [path, bytes];
    }
  }
}

const citedIds = citedMessageIds;

/** Every Message-ID a built site knows (its thread JSON files) or cites. */
function knownIds(dir: string): string[] {
  return [
    ...citedIds,
    ...readdirSync(join(dir, 'threads'))
      .filter((f) => f.endsWith('.json'))
      .flatMap((f) => {
        const t = JSON.parse(readFileSync(join(dir, 'threads', f), 'utf8')) as { messages: { messageId: string }[]; missing: string[] };
        return [...t.messages.map((m) => m.messageId), ...t.missing];
      }),
  ];
}

for (const dir of ['dist', '.tmp/fixture-site/dist', '.tmp/originals-site/dist']) {
  test(`no e-mail address in any file of ${dir}, search index included`, () => {
    const known = knownIds(dir);
    expect(known.length).toBeGreaterThanOrEqual(18);
    let scanned = 0;
    for (const [path, bytes] of files(dir)) {
      scanned += 1;
      const text = bytes.toString('utf8');
      // In an mbox, the id fields name Message-IDs (a References id the archive matched under
      // another spelling, say), which stay by design; an address anywhere else is a leak.
      const headerIds = path.endsWith('.mbox')
        ? [...text.matchAll(/^(?:Message-ID|In-Reply-To|References):(.*)$/gm)].flatMap((m) =>
            [...(m[1] ?? '').matchAll(/<([^<>\s]+)>/g)].map((x) => x[1] ?? ''),
          )
        : [];
      // Addresses as the test's own oracle sees them (tests/support/address-oracle.ts); raw mail
      // and mbox downloads are also read every way a mail reader might (quoted-printable,
      // encoded words, base64).
      const raw = /\.(?:txt|mbox)$/.test(path) ? addressesInRaw(bytes) : [];
      const tokens = [...addressesIn(text), ...raw.filter((f) => f.kind === 'address').map((f) => f.text)];
      for (const token of new Set(tokens)) {
        // A slug in a URL or file name is an id too, even when an escaped character (`~29`) cut
        // the token; a URL path or script string ending in an id is that id.
        const bare = token.replace(/\.(?:mbox|json|txt)$/, '');
        const isId =
          headerIds.some((id) => id.endsWith(token)) ||
          known.some((id) => id.endsWith(token) || token.startsWith(id) || bare.endsWith(id) || slugOf(id).endsWith(bare));
        expect(isId, `${token} in ${path}`).toBe(true);
      }
      // A placeholder that stopped short of the whole address leaves the rest of it readable.
      expect([...remnantsIn(text), ...raw.filter((f) => f.kind === 'remnant').map((f) => f.text)], path).toEqual([]);
    }
    expect(scanned).toBeGreaterThan(40);
  });
}

test('every model number in the articles and notes is the model’s own for its state, and the “twice” table types none', () => {
  let checked = 0;
  const pages = [
    ...readdirSync('dist/articles').map((slug) => join('dist/articles', slug)),
    ...readdirSync('dist/notes').map((slug) => join('dist/notes', slug)),
  ];
  const inNotes = (file: string): boolean => file.startsWith(join('dist/notes'));
  let notesChecked = 0;
  let bounds = 0;
  for (const dir of pages) {
    const file = join(dir, 'index.html');
    if (!existsSync(file)) continue;
    const document = htmlDocument(readFileSync(file, 'utf8'));
    for (const el of document.querySelectorAll('.model-value')) {
      const changed = el.getAttribute('data-with');
      const relativeTo = el.getAttribute('data-relative-to');
      const over = el.getAttribute('data-over');
      const scale = el.getAttribute('data-scale');
      const value = figureValue({
        preset: el.getAttribute('data-preset') ?? '',
        at: el.getAttribute('data-at') ?? '',
        ...(changed ? { with: JSON.parse(changed) as Record<string, number> } : {}),
        ...(relativeTo ? { relativeTo } : {}),
        ...(over ? { over } : {}),
        ...(scale ? { scale: Number(scale) } : {}),
      });
      const printed = /[\d,]+(?:\.(\d+))?/.exec(el.textContent ?? '');
      expect(printed, `${dir}: ${el.textContent}`).not.toBeNull();
      expect(printed?.[0], `${dir}: ${el.outerHTML}`).toBe(formatFigure(value, printed?.[1]?.length ?? 0));
      checked += 1;
      if (inNotes(file)) notesChecked += 1;
    }
    // What limits a side, in words, is the model's too.
    for (const el of document.querySelectorAll('.model-bound')) {
      const changed = el.getAttribute('data-with');
      const side = el.getAttribute('data-side') as BoundSide;
      const figure = {
        preset: el.getAttribute('data-preset') ?? '',
        ...(changed ? { with: JSON.parse(changed) as Record<string, number> } : {}),
      };
      expect(el.textContent, `${dir}: ${el.outerHTML}`).toBe(boundText(figure, side));
      bounds += 1;
    }
  }
  expect(checked).toBeGreaterThanOrEqual(60);
  expect(notesChecked).toBeGreaterThanOrEqual(8);
  expect(bounds).toBeGreaterThanOrEqual(2);
  // The "Paths to twice" table: every number in its result columns comes from the model.
  const document = htmlDocument(readFileSync('dist/articles/copy-vs-zero-copy/index.html', 'utf8'));
  const table = [...document.querySelectorAll('table')].find((t) => /vs 0\.9/.test(t.querySelector('thead')?.textContent ?? ''));
  const rows = [...(table?.querySelectorAll('tbody tr') ?? [])];
  expect(rows.length).toBe(4);
  for (const row of rows) {
    for (const cell of [...row.querySelectorAll('td')].slice(1)) {
      const typed = [...cell.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent ?? '');
      expect(typed.join(''), row.textContent ?? '').not.toMatch(/\d/);
    }
  }
});

test('the fit page shows every preset’s published numbers against the model’s, misfits included', () => {
  const document = htmlDocument(readFileSync('dist/model/fit/index.html', 'utf8'));
  const fits = fitAll();
  for (const f of fits) {
    const section = document.getElementById(`fit-${f.preset.id}`);
    expect(section, f.preset.id).not.toBeNull();
    const rows = [...(section?.querySelectorAll('tbody tr') ?? [])];
    expect(rows.length, f.preset.id).toBe(f.rows.length);
    rows.forEach((row, i) => {
      const want = f.rows[i]!;
      expect(row.getAttribute('data-status')).toBe(want.status);
      const digits = want.expectation.metric === 'gbps' ? (want.expectation.value >= 10 ? 1 : 2) : 0;
      expect(row.querySelector('.model-number')?.textContent).toBe(formatFigure(want.model, digits));
    });
    if (f.whatIf) expect(section?.querySelector('.what-if')?.textContent).toContain(formatFigure(f.result.endToEnd.gbps, 2));
  }
  // The known misfit is on the page as a misfit, with its reason.
  const misfits = [...document.querySelectorAll('tr[data-status="misfit"]')];
  expect(misfits.length).toBe(fits.flatMap((f) => f.rows).filter((r) => r.status === 'misfit').length);
  expect(misfits.length).toBeGreaterThan(0);
  expect(misfits[0]?.textContent).toMatch(/shared core|cache/);
});

test('no words run into a link: prose has a space (or punctuation) on each side of every inline link', () => {
  const runs: string[] = [];
  const pages = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? pages(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : [],
    );
  let links = 0;
  for (const file of pages('dist')) {
    const document = htmlDocument(readFileSync(file, 'utf8'));
    for (const a of document.querySelectorAll('p a, li a, dd a, td a, figcaption a')) {
      const parent = a.parentElement;
      if (!parent || !['P', 'LI', 'DD', 'TD', 'FIGCAPTION', 'SPAN', 'EM', 'STRONG'].includes(parent.tagName)) continue;
      links += 1;
      const before = a.previousSibling;
      const after = a.nextSibling;
      if (before?.nodeType === 3 && /[\p{L}\p{N}.,;:!?]$/u.test(before.textContent ?? ''))
        runs.push(`${file}: …${(before.textContent ?? '').slice(-20)}|${a.textContent}`);
      if (after?.nodeType === 3 && /^[\p{L}\p{N}(]/u.test(after.textContent ?? ''))
        runs.push(`${file}: ${a.textContent}|${(after.textContent ?? '').slice(0, 20)}…`);
    }
  }
  expect(links).toBeGreaterThan(500);
  expect(runs).toEqual([]);
});
