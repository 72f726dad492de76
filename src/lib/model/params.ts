/**
 * The one parameter table of the throughput model. Sliders, selects, URL query keys,
 * defaults, presets, bands and tests all read it; nothing else lists the parameters.
 *
 * Defaults describe the 2002 LANL setup as Fit A in the research notes reads it
 * (kernel 2.4.3, one CPU copy on each side): send ≈ 1.40, receive ≈ 0.90 Gbit/s.
 * Per-segment cost is a time per segment (µs), not per byte, so the segment-size slider
 * shows what larger segments buy; results also report it per byte (`protocolNsPerByte`),
 * the quantity the thread's numbers actually pin down while the MTU stays unknown.
 */
import {
  ASSUMPTION,
  CHU_SOLARIS,
  COX_ONE_COPY,
  HRON_LMBENCH,
  HURWITZ_QUESTION,
  KLEEN_PREQUEUE,
  LINUX_2_4_17,
  MORTON_SENDFILE,
  QSNET,
  SINGHVI_ZEROCOPY,
  ZCRX_PHORONIX,
} from './sources.ts';

/** Where a value comes from. */
export interface Provenance {
  /** A public URL (http or https), or the literal label `'assumption'`. */
  readonly source: string;
  /** One line: what the source says, or why the assumption was made. */
  readonly note: string;
  /** A supporting URL for an assumption (optional). */
  readonly see?: string;
}

/** Slider and panel groups. */
export type Group = 'path' | 'send' | 'receive' | 'host';

/** A numeric parameter: a slider. */
export interface NumberParam<K extends string = string> extends Provenance {
  readonly kind: 'number';
  /** URL query key and property name. */
  readonly key: K;
  readonly label: string;
  readonly unit: string;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  /** Whole numbers only (clamp rounds). */
  readonly integer: boolean;
  /** Suggested slider and sweep scale. */
  readonly scale: 'linear' | 'log';
  readonly default: number;
  readonly group: Group;
  /** One line: what the parameter means. */
  readonly doc: string;
  /** Present when no source fixes the 2002 value: the plausible range, drawn as a band. */
  readonly unknown?: { readonly min: number; readonly max: number; readonly why: string };
}

/** One choice of an enumerated parameter. */
export interface ChoiceOption<V extends string = string> {
  readonly value: V;
  readonly label: string;
  readonly doc: string;
}

/** An enumerated (mode) parameter: a select. */
export interface ChoiceParam<K extends string = string, V extends string = string> extends Provenance {
  readonly kind: 'choice';
  readonly key: K;
  readonly label: string;
  readonly options: readonly ChoiceOption<V>[];
  readonly default: V;
  readonly group: Group;
  readonly doc: string;
  /** Present when no source fixes the 2002 choice: the options a band runs through. */
  readonly unknown?: { readonly options: readonly V[]; readonly why: string };
}

const num = <const K extends string>(p: Omit<NumberParam<K>, 'kind'>): NumberParam<K> => ({ kind: 'number', ...p });
const choice = <const K extends string, const V extends string>(p: Omit<ChoiceParam<K, V>, 'kind'>): ChoiceParam<K, V> => ({
  kind: 'choice',
  ...p,
});

const checksumOptions = [
  { value: 'offload', label: 'offloaded', doc: 'The NIC computes or verifies it (or the driver vouches for it): no CPU pass.' },
  {
    value: 'folded',
    label: 'folded into the copy',
    doc: 'Computed while copying, at no extra pass; a side that does not copy needs a separate pass.',
  },
  { value: 'separate', label: 'separate pass', doc: 'A separate CPU read over the payload.' },
] as const;

const cpuWhy = 'Nobody in the thread states the node CPU; 2002 per-segment costs ran about 5–25 µs.';

/** The parameter table, in slider order. */
export const params = [
  num({
    key: 'mss',
    label: 'Segment payload',
    unit: 'B',
    min: 256,
    max: 65536,
    step: 1,
    integer: true,
    scale: 'log',
    default: 4096,
    group: 'path',
    doc: 'TCP payload bytes per segment; per-segment costs are paid once per segment.',
    source: ASSUMPTION,
    note: 'A 4 KB Elan IP MTU puts the fitted per-segment cost (20 µs) near the ~23 µs per segment we derive (our arithmetic) from Morton’s CPU-load figures for a 650 MHz PIII on 100 Mbit/s.',
    see: MORTON_SENDFILE,
    unknown: { min: 1448, max: 8192, why: 'The Elan IP MTU is not stated anywhere found; Ethernet-sized to 8 KB.' },
  }),
  num({
    key: 'linkGbps',
    label: 'Link payload rate',
    unit: 'Gbit/s',
    min: 0.1,
    max: 400,
    step: 0.01,
    integer: false,
    scale: 'log',
    default: 2.8,
    group: 'path',
    doc: 'Payload the link carries after framing, in 10^9 bit/s.',
    source: ASSUMPTION,
    note: 'An end-to-end MPI figure read as the IP payload limit: about 350 MB/s one-way for QsNet I in secondary summaries (the QsNet paper’s abstract says over 300 MB/s); Hurwitz calls the raw link 3.2 Gbit/s.',
    see: QSNET,
  }),
  num({
    key: 'window',
    label: 'TCP window',
    unit: 'B',
    min: 1024,
    max: 67108864,
    step: 1,
    integer: true,
    scale: 'log',
    default: 65535,
    group: 'path',
    doc: 'Bytes in flight the receiver allows; end to end cannot beat window ÷ RTT.',
    source: ASSUMPTION,
    note: 'Not reported; the largest window without window scaling, which does not bind at the default RTT.',
  }),
  num({
    key: 'rtt',
    label: 'Round-trip time',
    unit: 'µs',
    min: 1,
    max: 1000000,
    step: 1,
    integer: false,
    scale: 'log',
    default: 100,
    group: 'path',
    doc: 'Round-trip time in microseconds.',
    source: ASSUMPTION,
    note: 'Not reported; a LAN round trip through two 2002 IP stacks.',
  }),
  choice({
    key: 'txMode',
    label: 'Send path',
    group: 'send',
    default: 'copy',
    options: [
      { value: 'copy', label: 'write() copy', doc: 'The kernel copies user data into socket buffers.' },
      {
        value: 'sendfile',
        label: 'sendfile() zero-copy',
        doc: 'Page-cache pages go out without a copy (Linux 2.4.4+); needs checksum offload, else one copy.',
      },
    ],
    doc: 'How the sender hands payload to TCP.',
    source: HURWITZ_QUESTION,
    note: 'LANL ran 2.4.3; zero-copy send came with 2.4.4 (Singhvi), so the send side copied.',
    see: SINGHVI_ZEROCOPY,
  }),
  num({
    key: 'txSegUs',
    label: 'Send cost per segment',
    unit: 'µs',
    min: 0.01,
    max: 100,
    step: 0.01,
    integer: false,
    scale: 'log',
    default: 20,
    group: 'send',
    doc: 'Sender CPU time per segment besides touching payload: syscall share, buffers, TCP/IP, driver, ACKs.',
    source: ASSUMPTION,
    note: 'Fit A: 4.89 ns/B × 4096 B, fitted so one copy per side gives 1.4 and 0.9 Gbit/s.',
    see: MORTON_SENDFILE,
    unknown: { min: 5, max: 25, why: cpuWhy },
  }),
  num({
    key: 'txCopies',
    label: 'Send copies',
    unit: 'copies',
    min: 1,
    max: 2,
    step: 1,
    integer: true,
    scale: 'linear',
    default: 1,
    group: 'send',
    doc: 'CPU copies of each payload byte on the copying send path (2 = read() then write() of a file).',
    source: LINUX_2_4_17,
    note: 'tcp_sendmsg copies user data into buffers once, checksumming as it goes (2.4.17; 2.4.3 assumed alike).',
  }),
  num({
    key: 'txCopyMBps',
    label: 'Send copy bandwidth',
    unit: 'MB/s',
    min: 10,
    max: 100000,
    step: 1,
    integer: false,
    scale: 'log',
    default: 1200,
    group: 'send',
    doc: "Rate of the sender's CPU copy in 10^6 B/s; high when the application reuses a cached buffer.",
    source: ASSUMPTION,
    note: 'Fit A: copying from a warm, reused user buffer.',
    unknown: { min: 500, max: 1500, why: 'Node CPU and caches not stated; the warm-copy range of 2002 hosts.' },
  }),
  choice({
    key: 'txCsum',
    label: 'Send checksum',
    group: 'send',
    default: 'folded',
    options: checksumOptions,
    doc: 'Who computes the send checksum.',
    source: LINUX_2_4_17,
    note: 'The 2.4 send path checksums while copying user data (csum_and_copy_from_user).',
    unknown: { options: ['offload', 'folded'], why: 'Whether the NDA driver advertised hardware checksum is not public.' },
  }),
  choice({
    key: 'rxMode',
    label: 'Receive path',
    group: 'receive',
    default: 'copy',
    options: [
      { value: 'copy', label: 'read() copy', doc: 'One CPU copy from kernel buffers to the reader; the checksum as set.' },
      {
        value: 'csum-copy',
        label: 'checksum-and-copy',
        doc: 'The copy verifies the checksum as it goes, as 2.4 does for a segment copied straight to a waiting reader: never a separate pass (the best case; queued segments get a separate pass).',
      },
      {
        value: 'remap',
        label: 'page remap',
        doc: 'Whole payload pages are mapped into the reader (tcp_mmap); needs header split and 4096-byte multiples, else it copies.',
      },
      {
        value: 'direct',
        label: 'direct placement',
        doc: "The NIC writes payload into the reader's buffers (RDMA, io_uring zcrx); a small refill cost per buffer.",
      },
    ],
    doc: 'How received payload reaches the reader.',
    source: COX_ONE_COPY,
    note: 'Best-case TCP receive in 2002: one DMA plus one CPU copy.',
  }),
  num({
    key: 'rxSegUs',
    label: 'Receive cost per segment',
    unit: 'µs',
    min: 0.01,
    max: 100,
    step: 0.01,
    integer: false,
    scale: 'log',
    default: 20,
    group: 'receive',
    doc: 'Receiver CPU time per segment besides touching payload: interrupt, buffers, IP/TCP input, ACK, wakeup.',
    source: ASSUMPTION,
    note: 'Fit A: the same per-segment cost as the sender, 4.89 ns/B × 4096 B.',
    see: MORTON_SENDFILE,
    unknown: { min: 5, max: 25, why: cpuWhy },
  }),
  num({
    key: 'rxCopies',
    label: 'Receive copies',
    unit: 'copies',
    min: 1,
    max: 2,
    step: 1,
    integer: true,
    scale: 'linear',
    default: 1,
    group: 'receive',
    doc: 'CPU copies of each payload byte on the copying receive paths (2 = a driver copy as well).',
    source: COX_ONE_COPY,
    note: "One copy to user space; a second only if the driver copies (Aarnio's suspicion, doubted by Miller).",
  }),
  num({
    key: 'rxCopyMBps',
    label: 'Receive copy bandwidth',
    unit: 'MB/s',
    min: 10,
    max: 100000,
    step: 1,
    integer: false,
    scale: 'log',
    default: 250,
    group: 'receive',
    doc: "Rate of the receiver's CPU copy in 10^6 B/s; low because the source was just DMA'd and is not in cache.",
    source: ASSUMPTION,
    note: 'Fit A: a cold copy; a 700 MHz PIII Xeon of the time copied 162 MB/s in lmbench.',
    see: HRON_LMBENCH,
    unknown: { min: 150, max: 350, why: 'Node CPU and memory not stated; the cold-copy range of 2002 hosts.' },
  }),
  choice({
    key: 'rxCsum',
    label: 'Receive checksum',
    group: 'receive',
    default: 'offload',
    options: checksumOptions,
    doc: 'Who verifies the receive checksum. On 2.4, folding is the best case: only a segment copied straight to a waiting reader is checked during the copy; a queued one gets a separate pass first.',
    source: ASSUMPTION,
    note: 'Hurwitz says the hardware error-checks each link, so the driver likely marked packets verified; unconfirmed.',
    see: HURWITZ_QUESTION,
    unknown: {
      options: ['offload', 'folded', 'separate'],
      why: "The NDA driver's checksum handling is not public.",
    },
  }),
  num({
    key: 'rxCores',
    label: 'Receive cores',
    unit: 'cores',
    min: 1,
    max: 2,
    step: 1,
    integer: true,
    scale: 'linear',
    default: 1,
    group: 'receive',
    doc: '1: protocol work and the copy share a core (they add). 2: softirq on one core, the reader on another (the slower binds).',
    source: ASSUMPTION,
    note: "2.4's prequeue runs TCP input in the reader's context, so both stages share a CPU.",
    see: KLEEN_PREQUEUE,
  }),
  num({
    key: 'remapUs',
    label: 'Remap cost per page',
    unit: 'µs',
    min: 0,
    max: 20,
    step: 0.01,
    integer: false,
    scale: 'linear',
    default: 2,
    group: 'receive',
    doc: 'CPU time to map one 4096-byte payload page into the reader (page remap mode).',
    source: ASSUMPTION,
    note: 'Linux had no remapping receive in 2002; a page-table update plus TLB flush costs a few µs at ~1 GHz.',
    see: CHU_SOLARIS,
  }),
  num({
    key: 'directUs',
    label: 'Refill cost per buffer',
    unit: 'µs',
    min: 0,
    max: 20,
    step: 0.01,
    integer: false,
    scale: 'linear',
    default: 0.5,
    group: 'receive',
    doc: 'CPU time to hand one 4096-byte buffer back to the NIC (direct placement mode).',
    source: ASSUMPTION,
    note: 'Posting a receive buffer is a descriptor write and a completion, well under a µs.',
    see: ZCRX_PHORONIX,
  }),
  num({
    key: 'csumMBps',
    label: 'Checksum bandwidth',
    unit: 'MB/s',
    min: 10,
    max: 100000,
    step: 1,
    integer: false,
    scale: 'log',
    default: 400,
    group: 'host',
    doc: 'Rate of a separate checksum pass in 10^6 B/s (either side).',
    source: ASSUMPTION,
    note: 'A separate read pass of 2002 hardware, a little faster than a copy.',
    see: MORTON_SENDFILE,
    unknown: { min: 300, max: 500, why: 'Node CPU not stated.' },
  }),
  num({
    key: 'busMBps',
    label: 'I/O bus peak',
    unit: 'MB/s',
    min: 33,
    max: 64000,
    step: 1,
    integer: false,
    scale: 'log',
    default: 528,
    group: 'host',
    doc: 'Peak rate of the bus the NIC sits on (10^6 B/s).',
    source: QSNET,
    note: 'QsNet I cards used 64-bit/66 MHz PCI: 8 B × 66 MHz = 528 MB/s.',
  }),
  num({
    key: 'busEff',
    label: 'I/O bus efficiency',
    unit: 'fraction',
    min: 0.1,
    max: 1,
    step: 0.01,
    integer: false,
    scale: 'linear',
    default: 0.7,
    group: 'host',
    doc: 'Fraction of the bus peak that payload DMA sustains.',
    source: ASSUMPTION,
    note: 'PCI sustains roughly 60–80 % of peak on long bursts; the middle.',
  }),
  num({
    key: 'memMBps',
    label: 'Memory bus, sustained',
    unit: 'MB/s',
    min: 100,
    max: 1000000,
    step: 1,
    integer: false,
    scale: 'log',
    default: 640,
    group: 'host',
    doc: 'Sustained memory bandwidth; each payload byte crosses it once for the DMA, once more on the receiver for the first CPU read of the cold payload, and per copy as many times as its destination costs (copyDstCrossings).',
    source: ASSUMPTION,
    note: 'PC133 SDRAM (1,064 MB/s peak) at 60 %, the class of node the fitted copy rates suggest.',
    see: HRON_LMBENCH,
    unknown: { min: 530, max: 2240, why: 'Chipset and memory not stated: PC133 at 50 % up to 3.2 GB/s buses at 70 %.' },
  }),
  num({
    key: 'copyDstCrossings',
    label: 'DRAM crossings per copy, destination',
    unit: 'crossings',
    min: 0,
    max: 2,
    step: 1,
    integer: true,
    scale: 'linear',
    default: 2,
    group: 'host',
    doc: 'Memory-bus crossings a CPU copy costs at its destination, per byte: 2 when the line is read for ownership and later written back, fewer when it is already in cache.',
    source: ASSUMPTION,
    note: 'Write-allocate caches read a destination line before writing it; whether LANL’s copies found their destinations in cache is not known.',
    unknown: {
      min: 1,
      max: 2,
      why: 'Whether a copy’s destination (a fresh socket buffer, a reused user buffer) was already cached depends on caches and buffer reuse nobody described.',
    },
  }),
] as const;

/** Any entry of the table. */
export type Param = (typeof params)[number];
/** Every parameter key (the URL query keys). */
export type ParamKey = Param['key'];
/** Keys of numeric parameters. */
export type NumberKey = Extract<Param, { kind: 'number' }>['key'];
/** Keys of enumerated parameters. */
export type ChoiceKey = Extract<Param, { kind: 'choice' }>['key'];
/** A complete model state: a number per numeric key, an option value per enumerated key. */
export type Values = {
  -readonly [P in Param as P['key']]: P extends ChoiceParam<string, infer V> ? V : number;
};
/** The send-path options. */
export type TxMode = Values['txMode'];
/** The receive-path options. */
export type RxMode = Values['rxMode'];
/** The checksum options. */
export type Checksum = Values['rxCsum'];

const byKey = new Map<string, Param>(params.map((p) => [p.key, p]));

/** The table entry for a key, or undefined for a key the table lacks. */
export function paramFor(key: string): Param | undefined {
  return byKey.get(key);
}

const DEFAULTS: Readonly<Values> = Object.freeze(Object.fromEntries(params.map((p) => [p.key, p.default])) as Values);

/** A fresh object holding every default (a copy: callers may change it). */
export function defaults(): Values {
  return { ...DEFAULTS };
}
