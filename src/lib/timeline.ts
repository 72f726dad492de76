/**
 * From 2002 to today: the techniques that removed parts of the 2002 receive (and send) cost,
 * one entry each, in the model's terms. Pure data: timeline-check.ts checks it (the unit test
 * runs the check), timeline-model.ts gives each entry's rates and address in the model, the
 * <Timeline> component renders it and the article "What removed the copies" explains it.
 *
 * Every entry opens the model at the 2002 fit (preset `quadrics-2002`) with only that
 * technique applied, so the entries can be compared with each other; the numbers the changed
 * parameters take are assumptions, stated in `model.note`, unless a source gives them.
 */
import type { ParamKey, Values } from './model/index.ts';

/** A public page an entry rests on. */
export interface Source {
  readonly url: string;
  /** What the page is, in a few words. */
  readonly label: string;
}

/** How far an entry's year and version were checked here. */
export type Checked = 'primary' | 'partly' | 'not verified';

/** The model state an entry opens: the 2002 fit (or another preset) with some values changed. */
export interface EntryModel {
  /** Preset id (src/lib/model/presets.ts). */
  readonly preset: string;
  /** Values over the preset's (the table's keys). */
  readonly values: Partial<Values>;
  /** Why these values: the assumption behind each number, or its source. */
  readonly note: string;
}

/** One technique on the timeline. */
export interface TimelineEntry {
  /** Fragment id on the article page. */
  readonly id: string;
  /** Year it reached users (merged release, or hardware on sale); 2002 for what was already there. */
  readonly year: number;
  /** Kernel version, or "hardware", or "not in mainline". */
  readonly kernel: string;
  readonly title: string;
  /** Two or three sentences, our words: what it is and what it removed. */
  readonly summary: string;
  /** The main source (https). */
  readonly source: Source;
  /** Further sources. */
  readonly more: readonly Source[];
  /** How far year and version were checked against a primary source here. */
  readonly checked: Checked;
  /** One line: what was checked, and what was not. */
  readonly checkNote: string;
  /** Parameters of src/lib/model/params.ts the technique changes. */
  readonly params: readonly ParamKey[];
  /** The state that shows it, or null when the model cannot express it. */
  readonly model: EntryModel | null;
  /** Why the model cannot express it (present exactly when model is null). */
  readonly reason?: string;
}

const fit = 'quadrics-2002';
const torvalds = (sha: string): string => `https://git.kernel.org/torvalds/c/${sha}`;
const lore = (list: string, id: string): string => `https://lore.kernel.org/${list}/${id}/`;
const docs = (page: string): string => `https://docs.kernel.org/networking/${page}.html`;

/** The timeline, oldest first. */
export const timeline: readonly TimelineEntry[] = [
  {
    id: 'coalescing',
    year: 2002,
    kernel: 'hardware',
    title: 'Interrupt coalescing on the card',
    summary:
      'The card waits for several frames, or for a short timer, before it interrupts the CPU, so one interrupt entry and exit is shared by many segments. It shrinks the fixed cost per received segment; it moves no bytes and removes no copy.',
    source: {
      url: 'https://github.com/liexusong/linux-2.4.0/blob/9deca5114f6a7e42c5c666e0a8df2c72460c97ec/drivers/net/acenic.c#L460',
      label: 'AceNIC driver in Linux 2.4.0: DEF_RX_COAL, the card waits up to 120 µs for more frames',
    },
    more: [
      {
        url: 'http://lkml.iu.edu/hypermail/linux/kernel/0101.3/0674.html',
        label: 'Morton, January 2001: about 0.3 interrupts per packet on a 3c59x card',
      },
      {
        url: 'https://github.com/torvalds/linux/blob/1da177e4c3f41524e886b7f1b8a0c1fc7321cac2/Documentation/networking/e1000.txt',
        label: 'e1000 driver documentation (InterruptThrottleRate, RxIntDelay), first git tree',
      },
    ],
    checked: 'primary',
    checkNote:
      'The 2.4.0 driver source shows card-side coalescing before the thread; whether the Elan card or its NDA driver coalesced interrupts in 2002 is not known.',
    params: ['rxSegUs'],
    model: {
      preset: fit,
      values: { rxSegUs: 15 },
      note: 'Assumption: a quarter of the 20 µs per received segment was interrupt entry and exit, and coalescing removes it.',
    },
  },
  {
    id: 'napi',
    year: 2002,
    kernel: '2.4.20 (2.5 series earlier)',
    title: 'NAPI: polling instead of one interrupt per frame',
    summary:
      'Under load the driver switches its receive interrupt off and the kernel polls the ring, taking up to a budget of frames per pass. The fixed per-segment cost falls further, and an overloaded host drops frames early instead of doing work it will throw away.',
    source: {
      url: 'https://mirrors.nic.funet.fi/pub/unix/Linux/kernel/v2.4/patch-html/patch-2.4.20/linux-2.4.20_Documentation_networking_NAPI_HOWTO.txt.html',
      label: 'patch-2.4.20 adds Documentation/networking/NAPI_HOWTO.txt',
    },
    more: [
      {
        url: 'https://github.com/torvalds/linux/blob/1da177e4c3f41524e886b7f1b8a0c1fc7321cac2/Documentation/networking/NAPI_HOWTO.txt',
        label: 'NAPI_HOWTO.txt, first git tree',
      },
    ],
    checked: 'partly',
    checkNote:
      'The 2.4.19 → 2.4.20 patch (28 November 2002) creates NAPI_HOWTO.txt; the exact 2.5 release that first had NAPI is not verified here.',
    params: ['rxSegUs'],
    model: {
      preset: fit,
      values: { rxSegUs: 10 },
      note: "Assumption: half of Fit A's 20 µs per received segment goes, as in the preset that halves per-segment cost; the copies stay.",
    },
  },
  {
    id: 'sendfile',
    year: 2002,
    kernel: '2.4.4 (April 2001)',
    title: 'sendfile() with scatter-gather and checksum offload',
    summary:
      'Already there when Hurwitz asked: the kernel sends page-cache pages as they are, without copying them into socket buffers, if the card can gather scattered pages and compute the checksum. It removes the send copy only, and only for data that is already in a file.',
    source: {
      url: lore('lkml', 'Pine.LNX.4.33.0206271248260.13115-100000@w-nivedita2.des.beaverton.ibm.com'),
      label: 'Singhvi in the thread: zero-copy arrived in 2.4.4',
    },
    more: [
      { url: 'http://lkml.iu.edu/hypermail/linux/kernel/0101.3/0674.html', label: 'Morton, sendfile+zerocopy measurements, January 2001' },
    ],
    checked: 'partly',
    checkNote: 'The version is Singhvi’s statement in the thread; the 2.4.4 release itself was not opened here.',
    params: ['txMode', 'txCsum'],
    model: {
      preset: fit,
      values: { txMode: 'sendfile', txCsum: 'offload' },
      note: 'The model’s zero-copy send; it assumes the Elan driver offered scatter-gather and checksum offload, which is not known.',
    },
  },
  {
    id: 'tso',
    year: 2002,
    kernel: '2.5 series; GSO 2.6.18',
    title: 'TSO and GSO: one large send, cut up late',
    summary:
      'TCP hands the driver one buffer of up to 64 KB and the card (TSO) or a last software step (GSO) cuts it into wire-sized segments. The stack’s per-segment work is paid once per large buffer, which is what "bigger segments" means in practice: the wire segment stays the same size.',
    source: { url: docs('segmentation-offloads'), label: 'Segmentation offloads, kernel documentation' },
    more: [
      { url: 'https://wiki.linuxfoundation.org/networking/tso', label: 'TSO, Linux Foundation networking wiki' },
      { url: 'https://kernelnewbies.org/Linux_2_6_18', label: 'Linux 2.6.18 release notes: Generic Segmentation Offload added' },
    ],
    checked: 'partly',
    checkNote: 'GSO in 2.6.18 per the release notes; the 2.5 release that first merged TSO was not checked against a commit or tag here.',
    params: ['txSegUs', 'mss'],
    model: {
      preset: fit,
      values: { txSegUs: 5 },
      note: 'Assumption: three quarters of the 20 µs per sent segment is stack work paid once per 64 KB buffer; the rest stays per frame.',
    },
  },
  {
    id: 'toe',
    year: 2005,
    kernel: 'not in mainline',
    title: 'TCP offload engines (TOE), kept out',
    summary:
      'A TOE card runs TCP itself and hands the host finished data. Vendors offered patches and the kernel networking developers turned them down. In their account, closed firmware cannot be patched for security, host CPUs overtake each generation of cards within a few years, the card behaves unlike the Linux stack, and its memory runs out with many connections. Without direct placement the receive copy stays.',
    source: {
      url: 'https://wiki.linuxfoundation.org/networking/toe',
      label: 'TOE, Linux Foundation networking wiki (the developers’ position)',
    },
    more: [],
    checked: 'partly',
    checkNote: 'The wiki page states the position and the rejection but is undated; the year 2005 is not verified here.',
    params: ['rxSegUs', 'txSegUs'],
    model: {
      preset: fit,
      values: { rxSegUs: 1, txSegUs: 1 },
      note: 'Assumption: protocol work leaves the host, about 1 µs of host work per segment remains; the copies stay.',
    },
  },
  {
    id: 'splice',
    year: 2006,
    kernel: '2.6.17',
    title: 'splice(): moving pages through a pipe',
    summary:
      'A pipe becomes an in-kernel buffer of page references, so data can move from a file to a socket without passing through user memory. At first a socket could only be the destination, so on the send side it does what sendfile() did.',
    source: {
      url: torvalds('5274f052e7b3dbd81935772eb551dfd0325dfa9d'),
      label: 'commit 5274f052e7b3, "Introduce sys_splice() system call"',
    },
    more: [
      { url: 'https://lkml.iu.edu/hypermail/linux/kernel/0603.3/1581.html', label: 'Axboe, splice RFC against 2.6.16-git, March 2006' },
    ],
    checked: 'partly',
    checkNote: 'The commit says sockets could only be an output; 2.6.17 follows from the RFC being against 2.6.16-git, no tag was checked.',
    params: ['txMode', 'txCsum'],
    model: {
      preset: fit,
      values: { txMode: 'sendfile', txCsum: 'offload' },
      note: 'The model has one zero-copy send; file → pipe → socket is the same state as sendfile().',
    },
  },
  {
    id: 'net-dma',
    year: 2006,
    kernel: '2.6.18; removed in 3.17',
    title: 'NET_DMA / Intel I/OAT: the receive copy done by a DMA engine',
    summary:
      'tcp_recvmsg() pinned the reader’s pages and asked a DMA engine in the chipset to copy the payload, exactly the copy Hurwitz was chasing. The CPU stopped copying, the memory bus did not. It was marked broken in 2013 and deleted in 2014: a copy-on-write fault during the DMA could leave the data in a stale page, and its maintainer judged that the proposed fix would add CPU work to an offload with little lead over a plain CPU copy.',
    source: { url: torvalds('7bced397510a'), label: 'commit 7bced397510a, "net_dma: simple removal"' },
    more: [
      { url: torvalds('77873803363c'), label: 'commit 77873803363c, "net_dma: mark broken" (the reason)' },
      { url: lore('lkml', '20060508221747.15181.71059.stgit@gitlost.site'), label: 'Leech, "[I/OAT] TCP recv offload to I/OAT", May 2006' },
    ],
    checked: 'partly',
    checkNote:
      'Removal commit and reason read here; 3.17 from a list of removed Kconfig symbols; 2.6.18 for the merge not checked against a tag.',
    params: ['rxCopyMBps'],
    model: {
      preset: fit,
      values: { rxCopyMBps: 100000 },
      note: 'The copy costs the CPU next to nothing (the table’s maximum rate), but the model still charges the engine’s copy the memory crossings of a CPU copy.',
    },
  },
  {
    id: 'iwarp',
    year: 2006,
    kernel: '2.6.19',
    title: 'RDMA over IP (iWARP) in the InfiniBand stack',
    summary:
      'RDMA cards place data straight into registered application buffers and run the transport themselves; iWARP does it over TCP/IP. Linux took them in through the separate RDMA verbs interface, not through TCP sockets.',
    source: {
      url: lore('lkml', 'adapsdnfrz1.fsf@cisco.com'),
      label: 'Dreier, pull request adding iWARP and the Ammasso 1100 driver, 22 September 2006',
    },
    more: [],
    checked: 'partly',
    checkNote: 'The pull request is primary; 2.6.19 is inferred from its date, two days after 2.6.18, not from a tag.',
    params: ['rxMode', 'rxSegUs', 'txMode', 'txCsum', 'txSegUs'],
    model: {
      preset: fit,
      values: { rxMode: 'direct', rxSegUs: 1, txMode: 'sendfile', txCsum: 'offload', txSegUs: 1 },
      note: 'Assumption: placement on both sides and about 1 µs of host work per segment; the link is then the limit.',
    },
  },
  {
    id: 'tcp-splice-read',
    year: 2008,
    kernel: '2.6.25',
    title: 'splice() from a TCP socket',
    summary:
      'The receive side of splice: received pages go from the socket into a pipe by reference, and on to a file or another socket. A proxy or a file sink no longer copies received data through user memory; a program that reads the bytes still does.',
    source: { url: torvalds('9c55e01c0cc8'), label: 'commit 9c55e01c0cc8, "[TCP]: Splice receive support."' },
    more: [],
    checked: 'partly',
    checkNote:
      'The commit is cited as the origin by later fixes; a 2.6.24 tree read here has no tcp_splice_read(); 2.6.25 itself not checked.',
    params: [],
    model: null,
    reason:
      'The model’s reader consumes every byte it receives; splice helps only a program that passes the bytes on without looking at them, which the model has no mode for.',
  },
  {
    id: 'gro',
    year: 2009,
    kernel: '2.6.29 (LRO 2.6.24)',
    title: 'LRO and GRO: merging received segments',
    summary:
      'The receive twin of TSO. Consecutive segments of a flow are merged into one large buffer before IP and TCP see them, so the protocol work, the ACK decision and the wakeup happen once per aggregate. The driver still handles every frame, and the copy to the reader is unchanged.',
    source: { url: torvalds('d565b0a1a9b6'), label: 'commit d565b0a1a9b6, "net: Add Generic Receive Offload infrastructure"' },
    more: [{ url: docs('segmentation-offloads'), label: 'Segmentation offloads, kernel documentation' }],
    checked: 'partly',
    checkNote: 'The GRO commit is identified by later patches; 2.6.29 and 2.6.24 for LRO are not checked against tags here.',
    params: ['rxSegUs', 'mss'],
    model: {
      preset: fit,
      values: { rxSegUs: 10 },
      note: 'Assumption: half of the 20 µs per received segment is protocol work done once per aggregate; the driver’s half stays per frame.',
    },
  },
  {
    id: 'ddio',
    year: 2012,
    kernel: 'hardware',
    title: 'Intel DDIO: DMA into the last-level cache',
    summary:
      'Starting with the Xeon E5, the card’s DMA writes land in the processor’s last-level cache instead of going to DRAM first. The copy usually no longer starts from cold memory (DDIO uses only part of the cache), so it can run near warm-copy speed, and the DRAM write and read around it disappear while the data stays in cache.',
    source: {
      url: 'https://www.intel.com/content/www/us/en/io/data-direct-i-o-technology.html',
      label: 'Intel, Data Direct I/O Technology',
    },
    more: [
      {
        url: 'https://intel.com/content/www/us/en/support/articles/000056796/processors.html',
        label: 'Intel support: which processors have DDIO',
      },
    ],
    checked: 'partly',
    checkNote: 'Intel names the Xeon E5 family; the year 2012 (that family’s launch) is not stated on the pages cited.',
    params: ['rxCopyMBps', 'memMBps'],
    model: {
      preset: fit,
      values: { rxCopyMBps: 1200 },
      note: 'Assumption: the receive copy becomes as warm as the sender’s (Fit A’s 1,200 MB/s); the model still counts DRAM crossings, so the bus relief is not shown.',
    },
  },
  {
    id: 'msg-zerocopy',
    year: 2017,
    kernel: '4.14',
    title: 'MSG_ZEROCOPY: zero-copy send from any user buffer',
    summary:
      'send() with MSG_ZEROCOPY pins the program’s pages and sends from them, then tells the program when it may reuse the buffer. The send copy goes for ordinary memory, not only files; pinning and notification cost something per page, so the documentation recommends it only for large writes.',
    source: {
      url: 'https://repo.or.cz/linux-stable.git/commit/f214f915e7db99091f1312c48b30928c1e0c90b7',
      label: 'commit f214f915e7db, "tcp: enable MSG_ZEROCOPY"',
    },
    more: [{ url: docs('msg_zerocopy'), label: 'MSG_ZEROCOPY, kernel documentation' }],
    checked: 'partly',
    checkNote: 'The commit is primary; 4.14 comes from a secondary list of commits and releases.',
    params: ['txMode', 'txCsum'],
    model: {
      preset: fit,
      values: { txMode: 'sendfile', txCsum: 'offload' },
      note: 'The model’s zero-copy send; it has no per-page pinning cost on the send side, so it flatters small writes.',
    },
  },
  {
    id: 'tcp-zerocopy-receive',
    year: 2018,
    kernel: '4.18',
    title: 'TCP_ZEROCOPY_RECEIVE: mapping received pages',
    summary:
      'The first zero-copy receive for ordinary TCP sockets: the kernel maps pages that hold nothing but payload into the reader’s address space instead of copying them. It needs header split and page-sized payloads, and it trades the copy for page-table work.',
    source: { url: torvalds('05255b823a61'), label: 'commit 05255b823a61, "tcp: add TCP_ZEROCOPY_RECEIVE support for zerocopy receive"' },
    more: [
      {
        url: 'https://github.com/torvalds/linux/commit/93ab6cc69162775201587cc9da00d5016dc890e2',
        label: 'commit 93ab6cc69162, the mmap() version and its measurements',
      },
    ],
    checked: 'partly',
    checkNote: 'The commit is primary; v4.18-rc1 comes from a developer’s bisection report on the mailing list, not from a tag read here.',
    params: ['rxMode', 'remapUs'],
    model: {
      preset: fit,
      values: { rxMode: 'remap' },
      note: 'The model’s page-remap receive at its default 2 µs per page (an assumption).',
    },
  },
  {
    id: 'af-xdp',
    year: 2018,
    kernel: '4.18',
    title: 'AF_XDP: raw frames into user memory',
    summary:
      'A socket family that lets the card, or an XDP program, put whole frames into memory the program registered, bypassing the kernel’s protocol stack. With driver support there is no copy at all, but the program gets frames, not a TCP byte stream.',
    source: { url: docs('af_xdp'), label: 'AF_XDP, kernel documentation' },
    more: [{ url: torvalds('c0c77d8fb787'), label: 'commit c0c77d8fb787, "xsk: add user memory registration support sockopt"' }],
    checked: 'partly',
    checkNote: 'The commit is the base of AF_XDP according to later fixes; 4.18 comes from a secondary compilation citing LWN.',
    params: [],
    model: null,
    reason:
      'The model is a kernel TCP connection; AF_XDP leaves transport to the program, so there is no kernel TCP receiver left to model.',
  },
  {
    id: 'devmem-tcp',
    year: 2024,
    kernel: '6.12',
    title: 'Device memory TCP: payload straight into accelerator memory',
    summary:
      'Header split again, but the payload pages are a dma-buf on a GPU or other device. The kernel runs TCP on the headers and tells the program where each chunk landed; the host CPU never touches the payload, and it never crosses host memory.',
    source: { url: docs('devmem'), label: 'Device Memory TCP, kernel documentation' },
    more: [{ url: 'https://www.phoronix.com/news/Device-Memory-TCP-Nears', label: 'Phoronix, July 2024: expected for 6.12' }],
    checked: 'not verified',
    checkNote: 'The documentation is primary; 6.12 comes from press reports, not from a tag or merge commit.',
    params: ['rxMode'],
    model: {
      preset: fit,
      values: { rxMode: 'direct' },
      note: 'Direct placement is the closest state; the model still counts one host-memory crossing that devmem avoids.',
    },
  },
  {
    id: 'io-uring-zcrx',
    year: 2025,
    kernel: '6.15',
    title: 'io_uring zero-copy receive',
    summary:
      'The same placement with host memory: a dedicated hardware queue fills pages the program owns, the kernel processes headers as usual, and a completion tells the program where the data is. Buffers go back to the card through a refill ring.',
    source: { url: docs('iou-zcrx'), label: 'io_uring zero copy Rx, kernel documentation' },
    more: [
      {
        url: lore('io-uring', '20241029230521.2385749-1-dw@davidwei.uk'),
        label: 'Wei, "[PATCH v7 00/15] io_uring zero copy rx", the cover letter with the measurements',
      },
      { url: 'https://www.phoronix.com/news/IO_uring-Zero-Copy-Receive-Net', label: 'Phoronix on the 6.15 merge' },
    ],
    checked: 'partly',
    checkNote: 'The documentation and the merge are cited; 6.15 comes from Phoronix and the pull request, not from a tag.',
    params: ['rxMode', 'directUs'],
    model: {
      preset: fit,
      values: { rxMode: 'direct' },
      note: 'The model’s direct placement at its default 0.5 µs per 4 KB buffer (an assumption).',
    },
  },
];
