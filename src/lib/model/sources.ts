/**
 * The public sources that model parameters and presets cite, by name, so a table entry and a
 * preset that rest on the same fact cite the same address. Mail is cited by its Message-ID
 * permalink on lore.kernel.org; everything else by the URL the research notes give.
 */

import { QUESTION_ID, SEED_ID } from '../thread-ids.ts';

const lore = (list: string, messageId: string): string => `https://lore.kernel.org/${list}/${messageId}/`;

/** The label for a value no source gives; it always comes with a one-line why. */
export const ASSUMPTION = 'assumption';

/** Thread message 1: Hurwitz's question (kernel 2.4.3, "3.2 gbit" link, send ~1.4 vs receive ~0.9 Gbit/s). */
export const HURWITZ_QUESTION = lore('lkml', QUESTION_ID);

/** Thread message 2: Singhvi, zero-copy arrived in 2.4.4. */
export const SINGHVI_ZEROCOPY = lore('lkml', 'Pine.LNX.4.33.0206271248260.13115-100000@w-nivedita2.des.beaverton.ibm.com');

/** Thread message 6: Kleen on the prequeue and checksum-while-copying. */
export const KLEEN_PREQUEUE = lore('lkml', 'p73n0tgm7l3.fsf@oldwotan.suse.de');

/** Thread message 7: Hurwitz, "about twice" and "the slowest side". */
export const HURWITZ_SLOWEST_SIDE = lore('lkml', SEED_ID);

/** Follow-up thread: Cox, best-case receive is one DMA plus one CPU copy. */
export const COX_ONE_COPY = lore('lkml', 'E17S497-0005vY-00@the-village.bc.nu');

/** Hron's lmbench run on a 700 MHz Pentium III Xeon, 2.4.19-rc1 (April 2003). */
export const HRON_LMBENCH = lore('lkml', '20030407220206.GA23630@rushmore');

/** Morton, "sendfile+zerocopy: fairly sexy", sender CPU on a 650 MHz PIII (January 2001). */
export const MORTON_SENDFILE = 'http://lkml.iu.edu/hypermail/linux/kernel/0101.3/0674.html';

/** A 2.4.17 tree (tcp_sendmsg, the receive path) as read for the research notes. */
export const LINUX_2_4_17 = 'https://github.com/rickgaiser/linux-2.4.17-ps2';

/** QsNet I: Elan3 on 64-bit/66 MHz PCI, about 350 MB/s MPI bandwidth (a Wikipedia-derived summary: secondary). */
export const QSNET = 'http://www.search.com/reference/QsNet';

/** NAPI_HOWTO (2002) with Olsson's e1000 forwarding table. */
export const NAPI_HOWTO =
  'https://github.com/torvalds/linux/blob/1da177e4c3f41524e886b7f1b8a0c1fc7321cac2/Documentation/networking/NAPI_HOWTO.txt';

/** Chu, "Zero-Copy TCP in Solaris" (USENIX 1996): page remapping plus hardware checksum. */
export const CHU_SOLARIS = 'http://usenix.org/publications/library/proceedings/sd96/chu.html';

/** Hurwitz & Feng, Hot Interconnects 11 (2003): over 4 Gb/s, 20 µs, on 10GbE. */
export const HOTI_2003 = 'http://www.hoti.org/archive/Hoti11_program/abstracts/24.html';

/** Internet2 Land Speed Record, Feb 2003: Intel PRO/10GbE LR, 9 KB jumbo frames. */
export const LSR_2003 = 'http://www-iepm.slac.stanford.edu/lsr2/';

/** Commit 93ab6cc69162, "tcp: implement mmap() for zero copy receive" (Dumazet, 2018). */
export const TCP_MMAP_COMMIT = 'https://github.com/torvalds/linux/commit/93ab6cc69162775201587cc9da00d5016dc890e2';

/** io_uring zero-copy receive, v7 cover letter (Wei, 29 Oct 2024). */
export const ZCRX_V7 = lore('io-uring', '20241029230521.2385749-1-dw@davidwei.uk');

/** Phoronix on the zcrx merge: payload DMA'd into user memory, header split required. */
export const ZCRX_PHORONIX = 'https://www.phoronix.com/news/IO_uring-Zero-Copy-Receive-Net';

/** What a table says of a source: a short name, and when it appeared where the source itself says so. */
export interface SourceFacts {
  readonly name: string;
  /** `YYYY-MM-DD` (a mail's Date header, a cover letter's date) or `YYYY` (a year the source gives); absent when it gives none. */
  readonly date?: string;
}

/**
 * The sources that presets compare the model with (`expected`), by address. Mail dates are
 * the sender's own Date header; the commit and the paper are dated by year only.
 */
export const SOURCE_FACTS: Readonly<Record<string, SourceFacts>> = {
  [HURWITZ_QUESTION]: { name: 'Hurwitz, the question', date: '2002-06-27' },
  [HURWITZ_SLOWEST_SIDE]: { name: 'Hurwitz, the seed message', date: '2002-06-27' },
  [NAPI_HOWTO]: { name: 'NAPI_HOWTO' },
  [HOTI_2003]: { name: 'Hurwitz & Feng, Hot Interconnects 11', date: '2003' },
  [TCP_MMAP_COMMIT]: { name: 'Dumazet, tcp_mmap commit', date: '2018' },
  [ZCRX_V7]: { name: 'Wei, io_uring zcrx v7', date: '2024-10-29' },
};

/** The year a source appeared, when it says. */
export function sourceYear(url: string): number | undefined {
  const date = SOURCE_FACTS[url]?.date;
  return date === undefined ? undefined : Number(date.slice(0, 4));
}
