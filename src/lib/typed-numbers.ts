/**
 * Every number with a unit that an article or note types by hand, and what it is. The model's
 * own numbers are never typed: prose prints them with <ModelValue> or `model …` code. What is
 * left must be one of three things, and this ledger says which:
 *
 * - published: a measurement or statement from a source (the thread, a paper, a commit, a spec);
 * - arithmetic: our own arithmetic on published facts, said so in the prose;
 * - assumption: a what-if value, labelled an assumption where it is typed;
 * - input: a value from the model's parameter table (a default or an end of an unknown range),
 *   checked against the table, so a changed parameter cannot leave stale prose behind.
 *
 * A unit test extracts every such number from the content and fails on one the ledger lacks
 * (a new typed number must be classified, and a model output must become <ModelValue>), and on
 * a ledger entry no page uses any more. Pure data and the extractor.
 */
import {
  HOTI_2003,
  HRON_LMBENCH,
  HURWITZ_QUESTION,
  KLEEN_PREQUEUE,
  MORTON_SENDFILE,
  QSNET,
  TCP_MMAP_COMMIT,
  ZCRX_V7,
} from './model/sources.ts';
import type { NumberKey } from './model/params.ts';

/** What a typed number is. */
export type TypedNumber =
  | { readonly basis: 'published'; readonly source: string; readonly what: string }
  | { readonly basis: 'arithmetic'; readonly from: string }
  /** A what-if value the prose states as an assumption where it types it. */
  | { readonly basis: 'assumption'; readonly why: string }
  | {
      readonly basis: 'input';
      readonly param: NumberKey;
      readonly which: 'default' | 'min' | 'max' | 'unknown.min' | 'unknown.max';
    };

const SOURCES = {
  hurwitz70: 'https://lore.kernel.org/lkml/Pine.LNX.4.44.0206281021160.12596-100000@alvie-mail.lanl.gov/',
  trapeze: 'https://www.usenix.org/conference/1999-usenix-annual-technical-conference/trapezeip-tcp-near-gigabit-speeds',
  qsnetPaper: 'https://manuscript.isc.ac/Inventory/49/3431343.htm',
  tcpMmapC: 'https://github.com/torvalds/linux/blob/master/tools/testing/selftests/net/tcp_mmap.c',
  msgZerocopyCommit: 'https://repo.or.cz/linux-stable.git/commit/f214f915e7db99091f1312c48b30928c1e0c90b7',
  singhvi70: 'https://lore.kernel.org/lkml/Pine.LNX.4.33.0206291000060.23706-100000@w-nivedita2.des.beaverton.ibm.com/',
  acenic: 'https://github.com/liexusong/linux-2.4.0/blob/9deca5114f6a7e42c5c666e0a8df2c72460c97ec/drivers/net/acenic.c#L460',
  tcpH: 'https://github.com/liexusong/linux-2.4.0/blob/9deca5114f6a7e42c5c666e0a8df2c72460c97ec/include/net/tcp.h',
} as const;

const published = (source: string, what: string): TypedNumber => ({ basis: 'published', source, what });
const arithmetic = (from: string): TypedNumber => ({ basis: 'arithmetic', from });
const assumption = (why: string): TypedNumber => ({ basis: 'assumption', why });
const input = (param: NumberKey, which: Extract<TypedNumber, { basis: 'input' }>['which']): TypedNumber => ({
  basis: 'input',
  param,
  which,
});

/** The ledger, keyed by the number as the prose writes it (spaces normalised). */
export const TYPED_NUMBERS: Readonly<Record<string, TypedNumber | readonly TypedNumber[]>> = {
  // The thread's own figures.
  '1.4 Gbit': published(HURWITZ_QUESTION, 'IP send over Quadrics'),
  '1.4 Gbit/s': published(HURWITZ_QUESTION, 'IP send over Quadrics'),
  '0.9 Gbit': published(HURWITZ_QUESTION, 'IP receive over Quadrics'),
  '0.9 Gbit/s': published(HURWITZ_QUESTION, 'IP receive over Quadrics'),
  '3.2 Gbit/s': published(HURWITZ_QUESTION, 'the link rating Hurwitz gives'),
  '70 %': [
    published(SOURCES.hurwitz70, 'Hurwitz: receive at about 70 % of transmit'),
    published(SOURCES.singhvi70, 'Singhvi: 1000 lines against 700 gives 70 %'),
    published(SOURCES.msgZerocopyCommit, 'MSG_ZEROCOPY: up to 70 % fewer process cycles'),
  ],
  '20 ms': published(KLEEN_PREQUEUE, 'Kleen’s recollection of the delayed-ACK delay'),
  // Arithmetic on the thread's figures.
  '0.5 Gbit/s': arithmetic('1.4 − 0.9 Gbit/s'),
  '56 %': arithmetic('1.4 ÷ 0.9 − 1'),
  '64 %': arithmetic('0.9 ÷ 1.4'),
  '1.8 Gbit/s': arithmetic('twice 0.9 Gbit/s'),
  '175 MB/s': arithmetic('1.4 Gbit/s in bytes'),
  '374 µs': arithmetic('65,535 bytes ÷ 175 MB/s'),
  '400 MB/s': arithmetic('3.2 Gbit/s in bytes'),
  '3.3 MB/s': arithmetic('64 KB ÷ 20 ms'),
  '0.5 MB/s': arithmetic('64 KB ÷ 150 ms'),
  '100 MB/s': arithmetic('a rough floor under the receive rate in bytes'),
  '6×': arithmetic('24 KB ÷ 4 KB segments'),
  // The 2.4 source.
  '150 ms': arithmetic(`3 × TCP_RTO_MIN ÷ 4 at HZ = 100 (${SOURCES.tcpH})`),
  '40 ms': arithmetic(`TCP_DELACK_MIN, HZ ÷ 25 at HZ = 100 (${SOURCES.tcpH})`),
  '120 µs': published(SOURCES.acenic, 'AceNIC DEF_RX_COAL'),
  // Hardware of the period.
  '350 MB/s': [published(QSNET, 'QsNet I one-way MPI bandwidth, secondary summary'), input('rxCopyMBps', 'unknown.max')],
  '2.8 Gbit/s': arithmetic('350 MB/s in bits'),
  '300 MB/s': published(SOURCES.qsnetPaper, 'the QsNet paper’s abstract: over 300 MB/s'),
  '5 µs': published(QSNET, 'QsNet I latency, secondary summary'),
  '2 µs': [published(SOURCES.qsnetPaper, 'the QsNet paper’s abstract: user-level latency under 2 µs'), input('remapUs', 'default')],
  '528 MB/s': arithmetic('8 bytes × 66 MHz PCI'),
  '4.2 Gbit/s': arithmetic('528 MB/s in bits'),
  '1.06 GB/s': arithmetic('8 bytes × 133 MHz PC133'),
  '3.2 GB/s': arithmetic('8 bytes × 400 million transfers per second'),
  '1 Gbit/s': arithmetic('a round figure near Hron’s 1.39 Gbit/s loopback rate, our inference about the period'),
  '162 MB/s': published(HRON_LMBENCH, 'lmbench memory copy, 700 MHz Pentium III Xeon'),
  '174 MB/s': published(HRON_LMBENCH, 'lmbench TCP over loopback'),
  '1.39 Gbit/s': arithmetic('174 MB/s in bits'),
  '100 Mbit/s': published(MORTON_SENDFILE, 'the line rate of Morton’s measurements'),
  '29.6 %': published(MORTON_SENDFILE, 'sendfile() CPU load without the zerocopy patch'),
  '18.2 %': published(MORTON_SENDFILE, 'sendfile() CPU load with the zerocopy patch'),
  '23 µs': arithmetic('Morton’s 18.2 % of a 650 MHz CPU over the data segments of 11.5 MB/s'),
  '115 MB/s': arithmetic('Morton’s patched kernel: read()+write() load less sendfile(), over two data passes'),
  '235 MB/s': arithmetic('Morton’s unpatched kernel: read()+write() load less sendfile(), over one extra pass'),
  '9 ns': arithmetic('one pass at 115 MB/s'),
  '1.25 GB/s': arithmetic('10 Gbit/s in bytes'),
  '5 GB/s': arithmetic('four crossings × 1.25 GB/s'),
  '3.75 GB/s': arithmetic('three front-side-bus crossings × 1.25 GB/s'),
  '4 Gb/s': published(HOTI_2003, 'Hurwitz and Feng, over 4 Gb/s on 10GbE'),
  '20 µs': [published(HOTI_2003, 'Hurwitz and Feng, end-to-end latency'), input('rxSegUs', 'default')],
  '956 Mb/s': published(SOURCES.trapeze, 'TCP over Trapeze/Myrinet'),
  '988 Mb/s': published(SOURCES.trapeze, 'TCP with zero-copy sockets over Alteon Gigabit Ethernet'),
  // Modern measurements.
  '40 Gbit/s': published(TCP_MMAP_COMMIT, 'the mlx4 card’s link rate'),
  '33.8 Gbit/s': published(TCP_MMAP_COMMIT, 'copying receive'),
  '34 Gbit/s': published(TCP_MMAP_COMMIT, 'where both runs sat'),
  '34.2 Gbit/s': published(TCP_MMAP_COMMIT, 'mmap receive'),
  '116–129 µs': published(TCP_MMAP_COMMIT, 'reading thread’s CPU per MB, copying'),
  '45 µs': published(TCP_MMAP_COMMIT, 'reading thread’s CPU per MB, mmap'),
  '60 %': arithmetic('1 − 45 ÷ 120 µs per MB'),
  '18.4–24.7 Gbit/s': published(SOURCES.tcpMmapC, 'loopback, copying'),
  '202–251 µs': published(SOURCES.tcpMmapC, 'loopback CPU per MB, copying'),
  '36.1–40.8 Gbit/s': published(SOURCES.tcpMmapC, 'loopback, mmap'),
  '88–110 µs': published(SOURCES.tcpMmapC, 'loopback CPU per MB, mmap'),
  '20 %': published(SOURCES.msgZerocopyCommit, 'system-wide cycles saved'),
  '200 Gbit/s': published(ZCRX_V7, 'the Broadcom card’s link rate'),
  '82.2 Gbps': published(ZCRX_V7, 'epoll, separate cores'),
  '116.2 Gbps': published(ZCRX_V7, 'zcrx, separate cores'),
  '116.2 Gbit/s': published(ZCRX_V7, 'zcrx, separate cores'),
  '80.9 Gbps': published(ZCRX_V7, 'zcrx, one core'),
  '80.9 Gbit/s': published(ZCRX_V7, 'zcrx, one core'),
  '41 %': arithmetic('116.2 ÷ 82.2 − 1'),
  '29 %': arithmetic('80.9 ÷ 62.6 − 1'),
  // The parameter table, as typed in the notes and timeline entries that describe it.
  '1,200 MB/s': input('txCopyMBps', 'default'),
  '0.5 µs': input('directUs', 'default'),
  // What-if values, stated as assumptions where they are typed.
  '1 µs': assumption('host work per segment left in the TOE and RDMA timeline states'),
  '25 µs': input('rxSegUs', 'unknown.max'),
  '500 MB/s': [input('txCopyMBps', 'unknown.min'), input('csumMBps', 'unknown.max')],
  '1,500 MB/s': input('txCopyMBps', 'unknown.max'),
  '2,240 MB/s': input('memMBps', 'unknown.max'),
};

/** Every meaning the ledger gives a typed number (one, or several when the same figure means different things). */
export function meanings(token: string): readonly TypedNumber[] {
  const entry = TYPED_NUMBERS[token];
  return entry === undefined ? [] : Array.isArray(entry) ? entry : [entry as TypedNumber];
}

const NUM = String.raw`\d(?:[\d,.]*\d)?`;
const UNIT = String.raw`(?:Gbit\/s|Gb\/s|Gbps|Gbit\b|Mbit\/s|Mb\/s|MB\/s|GB\/s|µs|ns\b|ns\/B|ms\b|%|×)`;
const NUMBER = new RegExp(String.raw`(?<![\w.\/#=-])(?:×${NUM}|~?${NUM}(?:\s?[–-]\s?${NUM})?\s*${UNIT})`, 'g');

/**
 * The numbers with units an article or note types, in order: prose and frontmatter text,
 * not <ModelValue> tags, inline or fenced code (where `model …` codes and kernel constants
 * live), or link targets.
 */
export function typedNumbers(source: string): string[] {
  const prose = source
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, ' ')
    .replace(/<ModelValue\b[\s\S]*?\/>/g, ' ')
    .replace(/`[^`\n]*`/g, ' ')
    .replace(/\]\([^)]*\)/g, ']');
  return [...prose.matchAll(NUMBER)].map((m) => m[0].replace(/\s+/g, ' ').replace(/^~/, ''));
}
