/**
 * Named model states. Each value that a preset sets carries its provenance (a source, or
 * 'assumption' with why), and each preset lists the published numbers it is compared with
 * (src/lib/model/fit.ts, the page /model/fit/): measurements, or arithmetic on a published
 * fact. An expectation says which parameters were fitted to it, because a number the model
 * was tuned to hit proves nothing about the model; and a known misfit stays listed, with
 * why, instead of being tuned away. What-if presets have no published numbers at all: what
 * they show is the model's output, and the articles print it with <ModelValue>.
 */
import { defaults, type ParamKey, type Provenance, type Values } from './params.ts';
import {
  ASSUMPTION,
  HOTI_2003,
  HURWITZ_QUESTION,
  HURWITZ_SLOWEST_SIDE,
  LSR_2003,
  NAPI_HOWTO,
  SINGHVI_ZEROCOPY,
  TCP_MMAP_COMMIT,
  ZCRX_PHORONIX,
  ZCRX_V7,
} from './sources.ts';

/** A value a preset sets, with where it comes from. */
export interface Setting<V extends number | string = number | string> extends Provenance {
  readonly value: V;
}

/** A published number a preset is compared with. */
export interface Expectation extends Provenance {
  readonly side: 'tx' | 'rx' | 'endToEnd';
  /**
   * gbps: 10^9 bit/s. cpuUsPerMB: the busiest core's CPU µs per MB. appUsPerMB: the reading
   * thread's own CPU µs per MB (what getrusage(RUSAGE_THREAD) in the reader measures), the
   * receive app stage alone.
   */
  readonly metric: 'gbps' | 'cpuUsPerMB' | 'appUsPerMB';
  readonly value: number;
  /** 'over': the source says "over" the value; the model must not come out below it. */
  readonly relation: 'about' | 'over';
  /** Allowed relative error: 0.05 for rates, 0.25 for CPU per MB. */
  readonly tolerance: number;
  /** measurement: published; derived: arithmetic on a published fact (e.g. a line rate). */
  readonly basis: 'measurement' | 'derived';
  /** Parameters chosen so that the model lands on this number: reproduced by construction. */
  readonly fitted: readonly ParamKey[];
  /** A known misfit: why the model misses this number. The test checks it still misses. */
  readonly misfit?: string;
}

/** A named state. */
export interface Preset {
  readonly id: string;
  readonly title: string;
  /** One line. */
  readonly description: string;
  /** The values it sets; every other key takes its default. */
  readonly values: Partial<Values>;
  /** Provenance of each value it sets. */
  readonly provenance: Partial<Record<ParamKey, Provenance>>;
  readonly expected: readonly Expectation[];
  /** The unknown ranges that apply to this state when drawing bands ([] = none apply). */
  readonly bandKeys: readonly ParamKey[];
}

type Settings = { readonly [K in ParamKey]?: Setting<Values[K]> };

const set = <V extends number | string>(value: V, source: string, note: string): Setting<V> => ({ value, source, note });
const assume = <V extends number | string>(value: V, note: string, see?: string): Setting<V> =>
  see === undefined ? { value, source: ASSUMPTION, note } : { value, source: ASSUMPTION, note, see };

function preset(p: Omit<Preset, 'values' | 'provenance'> & { readonly set: Settings }): Preset {
  const entries = Object.entries(p.set) as [ParamKey, Setting][];
  return {
    id: p.id,
    title: p.title,
    description: p.description,
    values: Object.fromEntries(entries.map(([k, s]) => [k, s.value])) as Partial<Values>,
    provenance: Object.fromEntries(entries.map(([k, { value: _, ...why }]) => [k, why])),
    expected: p.expected,
    bandKeys: p.bandKeys,
  };
}

interface Compare {
  readonly fitted?: readonly ParamKey[];
  readonly relation?: Expectation['relation'];
  readonly misfit?: string;
}

const rate = (
  side: Expectation['side'],
  value: number,
  basis: Expectation['basis'],
  source: string,
  note: string,
  how: Compare = {},
): Expectation => ({
  side,
  metric: 'gbps',
  value,
  relation: how.relation ?? 'about',
  tolerance: 0.05,
  basis,
  source,
  note,
  fitted: how.fitted ?? [],
  ...(how.misfit === undefined ? {} : { misfit: how.misfit }),
});
/** The reading thread's own CPU per MB, measured: within 25 %. */
const readerCpu = (value: number, source: string, note: string, fitted: readonly ParamKey[]): Expectation => ({
  ...rate('rx', value, 'measurement', source, note, { fitted }),
  metric: 'appUsPerMB',
  tolerance: 0.25,
});

const allUnknown = (except: readonly ParamKey[] = []): ParamKey[] =>
  (
    ['mss', 'txSegUs', 'txCopyMBps', 'txCsum', 'rxSegUs', 'rxCopyMBps', 'rxCsum', 'csumMBps', 'memMBps', 'copyDstCrossings'] as const
  ).filter((k) => !except.includes(k));

const measured2002 = (fitted: { readonly tx: readonly ParamKey[]; readonly rx: readonly ParamKey[] }): Expectation[] => [
  rate('tx', 1.4, 'measurement', HURWITZ_QUESTION, 'IP send over Quadrics, about 1.4 Gbit/s.', { fitted: fitted.tx }),
  rate('rx', 0.9, 'measurement', HURWITZ_QUESTION, 'IP receive over Quadrics, about 0.9 Gbit/s.', { fitted: fitted.rx }),
  rate('endToEnd', 0.9, 'derived', HURWITZ_SLOWEST_SIDE, 'TCP runs at its slowest side: the receiver.', { fitted: fitted.rx }),
];

const zeroCopySend: Settings = {
  txMode: set('sendfile', SINGHVI_ZEROCOPY, 'Zero-copy send (sendfile) arrived in 2.4.4.'),
  txCsum: assume('offload', 'Zero-copy send needs scatter-gather and checksum offload; assumes the driver had them.'),
};
const directReceive: Settings = {
  rxMode: assume('direct', "What-if: the Elan places IP payload straight into the reader's buffer, as it does for MPI."),
};

/** The hardware both 2018 tcp_mmap runs share. */
const tcpMmapHost: Settings = {
  mss: set(4096, TCP_MMAP_COMMIT, 'MTU 4168 so each frame carries a 4096-byte payload.'),
  linkGbps: set(38.95, TCP_MMAP_COMMIT, '40 Gbit/s × 4096 payload bytes per 4206 on the wire (MTU 4168 plus 38 of Ethernet framing).'),
  txSegUs: assume(
    0.76,
    'Fitted: the commit does not say what held both runs near 34 Gbit/s, below the link; the model puts that limit on the sender.',
  ),
  rxSegUs: assume(0.15, "Per-frame softirq cost with GRO; unpublished, and it must stay below the app core's load."),
  rxCores: assume(2, "Softirq runs on the interrupt's core; the published CPU is the receiving thread's own."),
  txCopyMBps: assume(20000, 'The sender reuses a cached buffer.'),
  busMBps: assume(7877, 'PCIe 3.0 x8, the slot of a ConnectX-3 card.'),
  busEff: assume(0.85, 'PCIe payload efficiency with 256-byte packets.'),
  memMBps: assume(60000, 'A 2018 two-socket server; never close to binding here.'),
  window: assume(6291456, 'Autotuned buffers of a modern kernel; never binds on a LAN.'),
  rtt: assume(20, 'A LAN round trip.'),
};

/** The hardware all 2024 zcrx runs share. */
const zcrxHost: Settings = {
  mss: set(4096, ZCRX_V7, '4K MTU, read as a 4096-byte segment (headers ignored, about 1 %).'),
  linkGbps: assume(195, '200 Gbit/s less Ethernet, IP and TCP framing at a 4K MTU.'),
  rxSegUs: assume(0.282, 'Fitted: the softirq core alone carries 116.2 Gbit/s of 4 KB segments.'),
  rxCopyMBps: assume(10300, "Fitted: epoll's copy core carries 82.2 Gbit/s; a cache-warm copy on a 2023 EPYC core."),
  rxCores: set(2, ZCRX_V7, 'App and softirq on different cores.'),
  directUs: assume(0.12, 'Fitted to the same-core zcrx run (80.9 Gbit/s): refill and completion per 4 KB buffer.'),
  txMode: assume('sendfile', 'Sender not described; modelled zero-copy so that it does not bind.'),
  txCsum: assume('offload', 'A 2024 NIC offloads checksums.'),
  txSegUs: assume(0.1, "Segmentation offload makes the sender's per-segment cost small."),
  busMBps: assume(31508, 'PCIe 4.0 x16, the slot of a BCM957508.'),
  busEff: assume(0.85, 'PCIe payload efficiency with 256-byte packets.'),
  memMBps: assume(300000, 'Twelve DDR5 channels of an EPYC 9454; never close to binding here.'),
  window: assume(6291456, 'Autotuned buffers of a modern kernel; never binds on a LAN.'),
  rtt: assume(20, 'A LAN round trip.'),
};
const sameCore = { rxCores: set(1, ZCRX_V7, 'App and softirq pinned to the same core.') };
const zcrxMode = { rxMode: set('direct', ZCRX_PHORONIX, 'zcrx places payload directly in user pages; headers stay in the kernel.') };

const fitA = { tx: ['txSegUs'], rx: ['rxSegUs'] } as const;

/** Every preset, 2002 first. */
export const presets: readonly Preset[] = [
  preset({
    id: 'quadrics-2002',
    title: 'Quadrics, June 2002 (2.4.3)',
    description: "LANL's setup as Fit A reads it: kernel 2.4.3, one CPU copy on each side, the receiver's copy cold.",
    set: {},
    expected: measured2002(fitA),
    bandKeys: allUnknown(),
  }),
  preset({
    id: 'quadrics-2002-sendfile',
    title: 'Quadrics with sendfile (2.4.4+)',
    description: 'Fit B: the same two numbers explained with a zero-copy sender and a copying receiver.',
    set: {
      ...zeroCopySend,
      txSegUs: assume(23.39, 'Fit B: 5.71 ns/B × 4096 B, fitted to 1.4 Gbit/s with no send copy.'),
      rxSegUs: assume(23.39, 'Fit B: the same per-segment cost on both sides.'),
      rxCopyMBps: assume(315, 'Fit B: fitted so the copying receiver gives 0.9 Gbit/s.'),
    },
    expected: measured2002({ tx: ['txSegUs'], rx: ['rxSegUs', 'rxCopyMBps'] }),
    bandKeys: allUnknown(['txSegUs', 'rxSegUs', 'rxCopyMBps']),
  }),
  preset({
    id: 'quadrics-2002-queued',
    title: 'Quadrics 2002, a queued segment, checksum not offloaded',
    description:
      'What-if: Fit A where the card does not verify checksums and segments wait on the queue: TCP reads each one in a separate pass before the copy.',
    set: {
      rxCsum: assume(
        'separate',
        'What-if: no hardware checksum, and the reader not waiting, so tcp_checksum_complete_user() reads the payload before it is queued.',
      ),
    },
    expected: [],
    bandKeys: allUnknown(['rxCsum']),
  }),
  preset({
    id: 'quadrics-zc-rx',
    title: 'Quadrics, zero-copy receive',
    description: 'What-if: Fit A with the receive copy gone; the copying sender becomes the slowest side.',
    set: { ...directReceive },
    expected: [],
    bandKeys: allUnknown(),
  }),
  preset({
    id: 'quadrics-zc-both',
    title: 'Quadrics, zero-copy both sides',
    description: 'What-if: sendfile on the sender and direct placement on the receiver; per-segment cost binds.',
    set: { ...zeroCopySend, ...directReceive },
    expected: [],
    bandKeys: allUnknown(),
  }),
  preset({
    id: 'quadrics-lower-overhead',
    title: 'Quadrics, zero-copy and half the per-segment cost',
    description: 'What-if: zero-copy both sides with per-segment cost halved (coalescing, NAPI); the link binds.',
    set: {
      ...zeroCopySend,
      ...directReceive,
      txSegUs: assume(10, "What-if: half of Fit A's per-segment cost."),
      rxSegUs: assume(10, "What-if: half of Fit A's per-segment cost."),
    },
    expected: [],
    bandKeys: allUnknown(['txSegUs', 'rxSegUs']),
  }),
  preset({
    id: 'quadrics-big-segments',
    title: 'Quadrics, copies kept, segments 6× larger',
    description: 'What-if: Fit A with 24 KB segments; the per-segment savings meet the memory bus.',
    set: { mss: assume(24576, 'What-if: six 4 KB pages per segment.') },
    expected: [],
    bandKeys: allUnknown(['mss']),
  }),
  preset({
    id: 'gige-2002',
    title: 'Gigabit Ethernet host, 2002',
    description: 'A 2002 server with a gigabit NIC and 1500-byte MTU: the wire binds before the CPU.',
    set: {
      mss: assume(1448, '1500-byte Ethernet MTU less IPv4 and TCP headers with timestamps.'),
      linkGbps: assume(
        0.941,
        'Fitted by construction: 1 Gbit/s × 1448 payload bytes per 1538 on the wire, the number it is compared with.',
      ),
      txSegUs: assume(6, 'Not published: a ~2 GHz host with interrupt coalescing.'),
      rxSegUs: assume(6, 'Not published: as for sending; well under the ~12 µs per packet that line rate leaves.'),
      rxCopyMBps: assume(350, 'Top of the assumed 2002 cold-copy range.'),
    },
    expected: [
      rate(
        'endToEnd',
        0.941,
        'derived',
        NAPI_HOWTO,
        'A 2002 e1000 host kept up with line-rate 1440-byte packets; at line rate TCP carries 1448/1538 of 1 Gbit/s.',
        { fitted: ['linkGbps'] },
      ),
    ],
    bandKeys: [],
  }),
  preset({
    id: 'tengig-2003',
    title: '10-Gigabit Ethernet, Hurwitz & Feng 2003',
    description: 'Hosts of 2003 with 9 KB frames on 10GbE: with the memory bus fitted to the result, memory binds.',
    set: {
      mss: assume(8948, '9 KB jumbo frames, as the same Intel adapter used for the 2003 land-speed record.', LSR_2003),
      linkGbps: assume(9.9, '10 Gbit/s less framing at a 9000-byte MTU.'),
      txSegUs: assume(6, 'Per-segment cost of a 2003 Xeon host, not published.'),
      rxSegUs: assume(6, 'As for sending.'),
      rxCopyMBps: assume(600, 'A cold copy on a 2003 Xeon host, not published.'),
      rxCores: assume(2, 'Dual-processor hosts: softirq and the reader on different CPUs.'),
      busMBps: assume(1064, 'PCI-X 133 MHz, 64-bit.'),
      memMBps: assume(2080, 'Fitted: the sustained DRAM bandwidth at which a copying receiver carries just over 4 Gbit/s.'),
      rtt: set(40, HOTI_2003, 'Twice the 20 µs end-to-end latency reported.'),
    },
    expected: [
      rate('endToEnd', 4.0, 'measurement', HOTI_2003, 'Over 4 Gb/s between applications on a LAN.', {
        relation: 'over',
        fitted: ['memMBps'],
      }),
    ],
    bandKeys: [],
  }),
  preset({
    id: 'tcp-mmap-2018-copy',
    title: 'tcp_mmap 2018, copying receive',
    description: '40G NIC, ordinary recvmsg(): the reading thread spends about 120 µs of its own CPU per MB.',
    set: { ...tcpMmapHost, rxCopyMBps: assume(8300, "Fitted to about 120 µs of the reading thread's CPU per MB.") },
    expected: [
      rate('endToEnd', 33.8, 'measurement', TCP_MMAP_COMMIT, 'Without mmap: about 33.8 Gbit/s, one flow.', { fitted: ['txSegUs'] }),
      readerCpu(120, TCP_MMAP_COMMIT, "116–129 µs of the reading thread's CPU per MB (RUSAGE_THREAD).", ['rxCopyMBps']),
    ],
    bandKeys: [],
  }),
  preset({
    id: 'tcp-mmap-2018-mmap',
    title: 'tcp_mmap 2018, page-remap receive',
    description: "The same 40G hosts with mmap() receive: about the same rate, far less of the reading thread's CPU.",
    set: {
      ...tcpMmapHost,
      rxMode: set('remap', TCP_MMAP_COMMIT, 'mmap() on the TCP socket maps whole payload pages.'),
      remapUs: assume(0.18, "Fitted to about 45 µs of the reading thread's CPU per MB."),
    },
    expected: [
      rate('endToEnd', 34.2, 'measurement', TCP_MMAP_COMMIT, 'With mmap: about 34.2 Gbit/s, one flow.', { fitted: ['txSegUs'] }),
      readerCpu(45, TCP_MMAP_COMMIT, "About 45 µs of the reading thread's CPU per MB (RUSAGE_THREAD).", ['remapUs']),
    ],
    bandKeys: [],
  }),
  preset({
    id: 'zcrx-2024-epoll',
    title: 'io_uring zcrx 2024: epoll baseline',
    description: '200G, one flow, app and softirq on different cores: the copying app core binds.',
    set: { ...zcrxHost },
    expected: [
      rate('rx', 82.2, 'measurement', ZCRX_V7, 'epoll, app and softirq on different cores.', { fitted: ['rxCopyMBps'] }),
      rate('endToEnd', 82.2, 'measurement', ZCRX_V7, 'Single flow.', { fitted: ['rxCopyMBps'] }),
    ],
    bandKeys: [],
  }),
  preset({
    id: 'zcrx-2024-zcrx',
    title: 'io_uring zcrx 2024: zero-copy receive',
    description: "The same hosts with payload DMA'd into user memory: the softirq core binds.",
    set: { ...zcrxHost, ...zcrxMode },
    expected: [
      rate('rx', 116.2, 'measurement', ZCRX_V7, 'io_uring zcrx, app and softirq on different cores.', { fitted: ['rxSegUs'] }),
      rate('endToEnd', 116.2, 'measurement', ZCRX_V7, 'Single flow.', { fitted: ['rxSegUs'] }),
    ],
    bandKeys: [],
  }),
  preset({
    id: 'zcrx-2024-epoll-same-core',
    title: 'io_uring zcrx 2024: epoll, one core',
    description: 'The epoll baseline with app and softirq on one core: the model misses this run.',
    set: { ...zcrxHost, ...sameCore },
    expected: [
      rate('rx', 62.6, 'measurement', ZCRX_V7, 'epoll, app and softirq on the same core.', {
        misfit:
          'The model adds the two stages’ times on a shared core and ignores what sharing the core’s cache saves: the copy reads data the softirq just touched.',
      }),
    ],
    bandKeys: [],
  }),
  preset({
    id: 'zcrx-2024-zcrx-same-core',
    title: 'io_uring zcrx 2024: zero-copy, one core',
    description: 'zcrx with app and softirq on one core; the refill cost was fitted to this run.',
    set: { ...zcrxHost, ...zcrxMode, ...sameCore },
    expected: [rate('rx', 80.9, 'measurement', ZCRX_V7, 'io_uring zcrx, app and softirq on the same core.', { fitted: ['directUs'] })],
    bandKeys: [],
  }),
];

/** The preset with this id, or undefined. */
export function presetById(id: string): Preset | undefined {
  return presets.find((p) => p.id === id);
}

/** A preset's complete state: its values over the defaults. */
export function presetValues(p: Preset): Values {
  return { ...defaults(), ...p.values } as Values;
}
