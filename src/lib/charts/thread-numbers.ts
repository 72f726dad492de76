/**
 * The send/receive gap as the thread stated it: the rates Hurwitz gave (send, receive, the
 * link's rating) as filled dots, and what we work out from his other numbers (receive at
 * "70 %" of send, "twice" of a rate he did not name) as hollow marks, one row per statement in
 * the order they were made. Data and arithmetic: src/lib/thread-numbers.ts; the data table
 * links each number to the passage, or the message, that states it. The reader's model state
 * plays no part (`stateless`).
 */
import * as Plot from '@observablehq/plot';
import { drawnNumbers, passagePath, type DrawnNumber, type ThreadNumber } from '../thread-numbers.ts';
import { chartKey } from './key.ts';
import { FONT_SIZE, textWidth } from './layout.ts';
import { palette } from './theme.ts';
import type { FigureDef, FigureSize, Table, Theme } from './types.ts';
import { monthName } from '../calendar.ts';

/** `2002-06-27` → `27 June 2002`. */
export const dayText = (iso: string): string => `${Number(iso.slice(8, 10))} ${monthName(Number(iso.slice(5, 7)))} ${iso.slice(0, 4)}`;
const shortDay = (iso: string): string => dayText(iso).replace(/ \d{4}$/, '');
/** A rate as the thread writes it: no trailing zeros ("0.9", "0.98"). */
const rate = (x: number): string => String(Number(x.toFixed(2)));
const percent = (x: number): string => `${Math.round(x * 100)} %`;

/** One chart row: the statements it draws and its name. */
interface Row {
  key: string;
  name: string;
  items: DrawnNumber[];
}

/** Rows in the order the numbers were said; the two rates of one sentence share a row. */
function rows(list: readonly DrawnNumber[], compact: boolean): Row[] {
  const out: Row[] = [];
  for (const d of list) {
    const n = d.number;
    const key = n.id === 'send' || n.id === 'receive' ? 'rates' : n.id;
    const existing = out.find((r) => r.key === key);
    if (existing) existing.items.push(d);
    else out.push({ key, name: rowName(key, n, compact), items: [d] });
  }
  return out;
}

/** A row's name: what, then who said it where and when (only when, on a narrow chart). */
function rowName(key: string, n: ThreadNumber, compact: boolean): string {
  const when = compact ? shortDay(n.said) : `${n.speaker}, ${n.message}, ${shortDay(n.said)}`;
  if (key === 'rates') return `send and receive\n${when}`;
  if (key === 'link') return `link rating\n${when}`;
  if (key === 'twice') return `“${n.stated}”\n${when}`;
  return `receive ÷ send\n${when}`;
}

const byId = (list: readonly DrawnNumber[], id: ThreadNumber['id']): DrawnNumber => {
  const d = list.find((x) => x.number.id === id);
  if (d === undefined) throw new Error(`thread-numbers: no ${id}`);
  return d;
};

/** The words beside each row's marks (short ones when the chart is narrow). */
function labels(
  list: readonly DrawnNumber[],
  compact: boolean,
): { key: string; x: number; text: string; right: boolean; below?: boolean }[] {
  const send = byId(list, 'send');
  const receive = byId(list, 'receive');
  const link = byId(list, 'link');
  const twice = byId(list, 'twice');
  const ratio = byId(list, 'ratio');
  const out = [
    { key: 'rates', x: receive.low, text: `receive ${rate(receive.low)}`, right: false },
    { key: 'rates', x: send.low, text: `send ${rate(send.low)}`, right: true },
    { key: 'link', x: link.low, text: `rated ${rate(link.low)}`, right: false },
    {
      // Under the range; on a narrow chart, where the next row's name stands close under it, to its left.
      key: 'twice',
      x: compact ? twice.low : (twice.low + twice.high) / 2,
      text: compact
        ? `×${rate(twice.number.value)}: ${rate(twice.low)} or ${rate(twice.high)}`
        : `${rate(twice.number.value)} × ${rate(receive.low)} or ${rate(twice.number.value)} × ${rate(send.low)}: no baseline named`,
      right: false,
      below: !compact,
    },
    {
      key: 'ratio',
      x: Math.max(ratio.high, send.low),
      text: compact
        ? `${percent(ratio.number.value)}: ${rate(ratio.low)}`
        : `${percent(ratio.number.value)} of ${rate(send.low)} = ${rate(ratio.low)}`,
      right: true,
    },
  ];
  return out;
}

function options(_v: unknown, size: FigureSize, theme: Theme): Plot.PlotOptions {
  const colours = palette(theme);
  const list = drawnNumbers();
  // Row names stand left of the rows; on a chart too narrow for them there, above them, so the
  // rows keep the width.
  const nameWidth = Math.max(...rows(list, false).flatMap((r) => r.name.split('\n').map((l) => textWidth(l))));
  const compact = nameWidth + 16 > size.width * 0.4;
  const data = rows(list, compact);
  const marginLeft = compact ? 14 : nameWidth + 16;
  const marginRight = compact ? 10 : 16;
  const key = chartKey(
    [
      { label: 'stated in the thread', r: 5, fill: 'currentColor', stroke: 'currentColor', strokeWidth: 1 },
      { label: 'our arithmetic on what was stated', r: 5, fill: 'none', stroke: 'currentColor', strokeWidth: 2 },
    ],
    size.width - 16,
  );
  const marginTop = key.marginTop;
  const xMax = Math.max(...list.map((d) => d.high)) * (compact ? 1.03 : 1.12);
  const send = byId(list, 'send');
  const receive = byId(list, 'receive');
  const colourOf = (d: DrawnNumber): string =>
    d.number.id === 'send' ? colours.send : d.number.id === 'receive' || d.number.id === 'ratio' ? colours.receive : colours.neutral;
  const rowOf = (d: DrawnNumber): string => data.find((r) => r.items.includes(d))!.name;
  const stated = list.filter((d) => d.basis === 'stated');
  const worked = list.filter((d) => d.basis === 'arithmetic');
  const ends = worked.flatMap((d) =>
    d.low === d.high
      ? [{ d, x: d.low }]
      : [
          { d, x: d.low },
          { d, x: d.high },
        ],
  );
  const ratio = byId(list, 'ratio');
  const halo = { stroke: colours.background, strokeWidth: 4, paintOrder: 'stroke', fill: 'currentColor' } as const;
  const words = labels(list, compact).map((l) => ({ ...l, row: data.find((r) => r.key === l.key)!.name }));
  return {
    width: size.width,
    height: size.height,
    marginTop,
    marginRight,
    marginBottom: 38,
    marginLeft,
    style: { fontSize: `${FONT_SIZE}px` },
    x: { domain: [0, xMax], grid: true, label: 'Gbit/s', labelAnchor: 'center', labelArrow: 'none' },
    y: { domain: data.map((r) => r.name), label: null, padding: 0.3, tickSize: 0, axis: compact ? null : 'left' },
    marks: [
      ...(compact
        ? [
            Plot.text(data, {
              y: 'name',
              text: (r: Row) => r.name.replace('\n', ', '),
              frameAnchor: 'left',
              textAnchor: 'start',
              dy: -18,
              ...halo,
            }),
          ]
        : []),
      // The stated send and receive rates, faintly across every row, to read the others against.
      Plot.ruleX([receive.low, send.low], { stroke: 'currentColor', strokeOpacity: 0.35, strokeDasharray: '2 3' }),
      // The gap between the two stated rates, and the share's reading against the send rate.
      Plot.link([{ a: receive.low, b: send.low, row: rowOf(receive) }], {
        x1: 'a',
        x2: 'b',
        y1: 'row',
        y2: 'row',
        stroke: 'currentColor',
        strokeWidth: 2,
      }),
      Plot.link([{ a: ratio.low, b: send.low, row: rowOf(ratio) }], {
        x1: 'a',
        x2: 'b',
        y1: 'row',
        y2: 'row',
        stroke: 'currentColor',
        strokeWidth: 1.5,
        strokeDasharray: '4 3',
      }),
      Plot.tickX([{ x: send.low, row: rowOf(ratio) }], {
        x: 'x',
        y: 'row',
        stroke: colours.send,
        strokeWidth: 2,
        insetTop: 6,
        insetBottom: 6,
      }),
      // "Twice", read against either rate: a dashed range between the two readings.
      ...worked
        .filter((d) => d.low !== d.high)
        .map((d) =>
          Plot.link([d], {
            x1: 'low',
            x2: 'high',
            y1: () => rowOf(d),
            y2: () => rowOf(d),
            stroke: colourOf(d),
            strokeWidth: 2,
            strokeDasharray: '5 4',
          }),
        ),
      Plot.dot(stated, { x: 'low', y: rowOf, r: 6, fill: colourOf, stroke: 'currentColor', strokeWidth: 1 }),
      Plot.dot(ends, {
        x: 'x',
        y: (e: (typeof ends)[number]) => rowOf(e.d),
        r: 6,
        fill: colours.background,
        stroke: (e: (typeof ends)[number]) => colourOf(e.d),
        strokeWidth: 2.5,
      }),
      ...[true, false].map((right) =>
        Plot.text(
          words.filter((w) => w.right === right && w.below !== true),
          { x: 'x', y: 'row', text: 'text', textAnchor: right ? 'start' : 'end', dx: right ? 11 : -11, ...halo },
        ),
      ),
      Plot.text(
        words.filter((w) => w.below === true),
        { x: 'x', y: 'row', text: 'text', dy: 17, ...halo },
      ),
      ...key.marks(marginLeft),
    ],
  };
}

/** Hurwitz's numbers in words, and what we work out from them, all from the data. */
function caption(): string {
  const list = drawnNumbers();
  const send = byId(list, 'send');
  const receive = byId(list, 'receive');
  const link = byId(list, 'link');
  const twice = byId(list, 'twice');
  const ratio = byId(list, 'ratio');
  const who = send.number.speaker;
  return [
    `${who}’s numbers, as he stated them (filled dots). On ${shortDay(send.number.said)} he put send at about ${rate(send.low)} and receive at about ${rate(receive.low)} Gbit/s, on a link he rated at ${rate(link.low)} Gbit/s; receive is ${percent(receive.low / send.low)} of send.`,
    `That evening he expected TCP/IP to reach “${twice.number.stated}” its performance without saying of which rate: twice receive is ${rate(twice.low)} and twice send ${rate(twice.high)} Gbit/s (our arithmetic, hollow).`,
    `On ${shortDay(ratio.number.said)} he put receive at about ${percent(ratio.number.value)} of transmit: ${rate(ratio.low)} Gbit/s on his send figure (our arithmetic, hollow).`,
  ].join(' ');
}

/** Where a number is stated, in words. */
const whereText = (n: ThreadNumber): string => {
  const p = /#p(\d+)$/.exec(n.at)?.[1];
  return p === undefined ? `${n.message} (in our summary: the archive lacks these words)` : `${n.message}, paragraph ${p}`;
};

/** Every number, unrounded, with its message and passage: what the CSV export carries. */
function series(): Table {
  return {
    columns: [
      { key: 'id', label: 'Number' },
      { key: 'stated', label: 'As written' },
      { key: 'value', label: 'Value' },
      { key: 'kind', label: 'Kind' },
      { key: 'what', label: 'About' },
      { key: 'speaker', label: 'Who' },
      { key: 'said', label: 'Date' },
      { key: 'at', label: 'Passage (Message-ID#paragraph)' },
      { key: 'quote', label: 'Words' },
      { key: 'low', label: 'Drawn from (Gbit/s)' },
      { key: 'high', label: 'Drawn to (Gbit/s)' },
      { key: 'basis', label: 'Basis' },
      { key: 'how', label: 'How drawn' },
    ],
    rows: drawnNumbers().map((d) => ({
      id: d.number.id,
      stated: d.number.stated,
      value: d.number.value,
      kind: d.number.kind,
      what: d.number.what,
      speaker: d.number.speaker,
      said: d.number.said,
      at: d.number.at,
      quote: d.number.quote ?? '',
      low: d.low,
      high: d.high,
      basis: d.basis,
      how: d.how,
    })),
  };
}

/** The data table: each number as written, who said it and where (linked), and how it is drawn. */
function table(): Table {
  return {
    columns: [
      { key: 'stated', label: 'As written' },
      { key: 'what', label: 'About' },
      { key: 'speaker', label: 'Who' },
      { key: 'said', label: 'When' },
      { key: 'where', label: 'Where', link: 'path' },
      { key: 'drawn', label: 'Drawn at (Gbit/s)' },
      { key: 'how', label: 'How' },
    ],
    rows: drawnNumbers().map((d) => ({
      stated: d.number.stated,
      what: d.number.what,
      speaker: d.number.speaker,
      said: dayText(d.number.said),
      where: whereText(d.number),
      path: passagePath(d.number),
      drawn: d.low === d.high ? rate(d.low) : `${rate(d.low)}–${rate(d.high)}`,
      how: d.basis === 'stated' ? 'as stated' : `our arithmetic: ${d.how}`,
    })),
  };
}

/** The gap as the thread stated it. */
export const threadNumbersFigure: FigureDef = {
  id: 'thread-numbers',
  title: 'The gap, in the thread’s own numbers',
  options,
  caption,
  table,
  series,
  stateless: true,
};
