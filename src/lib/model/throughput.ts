/**
 * The throughput model: pure arithmetic on a complete, in-range state (see params.ts).
 *
 * Per side, CPU time per segment of S payload bytes, in µs (MB/s is bytes per µs):
 *   protocol  = per-segment cost
 *   copy      = copies × S ÷ copy bandwidth
 *   checksum  = separate checksum passes × S ÷ checksum bandwidth
 *   remap     = zero-copy cost per 4096-byte page × pages (page remap, or buffer refill)
 * The side's rate is the smallest of its CPU limit, the link, the I/O bus (peak × efficiency)
 * and the memory bus (sustained bandwidth ÷ DRAM crossings per payload byte). Crossings are
 * counted the same way on both sides (model 1.1):
 *   DMA              1  the card writes (receive) or reads (send) the payload in DRAM
 *   first CPU read   1  receive only: the payload was just DMA'd, so the first pass over it
 *                       (copy or checksum) reads DRAM; later passes find it in cache. The
 *                       sender's source is a reused, cache-warm buffer: 0
 *   each copy        2  the destination line is read for ownership, then written back
 *                       (`copyDstCrossings`, default 2; 1 or 0 if the destination line is
 *                       already in cache or never written back: unknown, drawn as a band)
 * So at the defaults one copying send costs 3 crossings and one copying receive 4; the
 * warm/cold difference in copy *speed* is the copy-bandwidth parameters' business (an
 * assumption, drawn as a band too).
 * End to end is the smallest of send, receive and window ÷ RTT: TCP runs as fast as its
 * slowest side.
 *
 * On the receive side the work splits into two stages: protocol (per-segment cost and any
 * separate checksum pass, done in softirq) and app (copies, remap or refill, done in the
 * reader). On one core their times add; on two the slower stage binds. The sender runs on
 * one core.
 *
 * Zero-copy is not free here: a remap or refill cost can exceed the copy it replaces, and a
 * checksum that was folded into a copy needs its own pass when the copy goes. Both are real
 * (Chu 1996; the MSG_ZEROCOPY documentation's ~10 KB threshold).
 */
import type { Checksum, Values } from './params.ts';

/** Page size for remapping and buffer refill, in bytes. */
export const PAGE_BYTES = 4096;

/** Which limit sets a side's rate. */
export type Bound = 'cpu' | 'memory' | 'bus' | 'link';
/** Where CPU work runs: protocol (softirq) or app (the reader's copy, remap or refill). */
export type Stage = 'protocol' | 'app';

/** CPU time per segment by kind of work, in µs. */
export interface SegmentTime {
  /** Per-segment cost (interrupt, buffers, TCP/IP, ACK). */
  readonly protocol: number;
  /** CPU copies of the payload. */
  readonly copy: number;
  /** Separate checksum passes. */
  readonly checksum: number;
  /** Zero-copy page work: page remap, or buffer refill for direct placement. */
  readonly remap: number;
}

/** One side of the connection. Rates in MB/s are 10^6 byte/s; gbps is 10^9 bit/s. */
export interface SideResult {
  /** The path actually taken (after any fallback). */
  readonly mode: string;
  /** Why the chosen mode fell back to copying, or null. */
  readonly fallback: string | null;
  /** Payload rate, 10^9 bit/s (= mbps × 8 ÷ 1000). */
  readonly gbps: number;
  /** Payload rate in megabytes per second (10^6 byte/s). */
  readonly mbps: number;
  /** The limit that sets the rate (ties go to the first of cpu, memory, bus, link). */
  readonly bound: Bound;
  /** Which CPU stage binds when bound is 'cpu': 'shared' when one core does both, else null. */
  readonly cpuStage: Stage | 'shared' | null;
  /**
   * Busiest core's load, fraction of one core: exactly 1 when the CPU binds, below 1
   * otherwise. CPU µs per MB on that core = cpuUtilization × 10^6 ÷ mbps.
   */
  readonly cpuUtilization: number;
  /** Busiest core's CPU µs per MB of payload (cpuUtilization × 10^6 ÷ mbps). */
  readonly cpuUsPerMB: number;
  /** Total CPU in use on this side, in cores (sum over stages). */
  readonly cpuCores: number;
  /** CPU µs per MB of payload: all stages, protocol stage, app stage. */
  readonly usPerMB: { readonly total: number; readonly protocol: number; readonly app: number };
  /** Cores the side spreads its work over (1 or 2). */
  readonly cores: number;
  /** CPU time per segment by kind, µs. */
  readonly segmentUs: SegmentTime;
  /** Sum of segmentUs, µs. */
  readonly segmentTotalUs: number;
  /** CPU time per segment by stage, µs. */
  readonly stageUs: { readonly protocol: number; readonly app: number };
  /** Per-segment cost per payload byte, ns/B (what the measurements pin while S is unknown). */
  readonly protocolNsPerByte: number;
  readonly copies: number;
  readonly checksumPasses: number;
  /** 4096-byte pages remapped or buffers refilled per segment. */
  readonly pages: number;
  /** Memory-bus crossings per payload byte. */
  readonly busCrossings: number;
  /** Memory-bus traffic this side causes, MB/s. */
  readonly memTrafficMBps: number;
  /** Each limit, MB/s of payload. */
  readonly limits: { readonly cpu: number; readonly memory: number; readonly bus: number; readonly link: number };
}

/** End to end: the slowest of send, receive and window ÷ RTT. */
export interface EndToEnd {
  readonly gbps: number;
  /** Megabytes per second (10^6 byte/s). */
  readonly mbps: number;
  /** Which side binds (ties go to the first of rx, tx, window). */
  readonly bound: 'tx' | 'rx' | 'window';
  /** window ÷ RTT, MB/s. */
  readonly windowMBps: number;
}

/** The model's output for one state. */
export interface Result {
  readonly tx: SideResult;
  readonly rx: SideResult;
  readonly endToEnd: EndToEnd;
}

interface Plan {
  mode: string;
  fallback: string | null;
  copies: number;
  copyMBps: number;
  checksumPasses: number;
  segUs: number;
  pages: number;
  pageUs: number;
  cores: number;
  /** Whether the payload arrives cold in DRAM (receive: just DMA'd) or warm in cache (send). */
  coldSource: boolean;
}

const firstMin = <T extends string>(pairs: readonly (readonly [T, number])[]): [T, number] => {
  let best: [T, number] = [pairs[0]![0], pairs[0]![1]];
  for (const [k, v] of pairs) if (v < best[1]) best = [k, v];
  return best;
};

/** Separate passes a side needs: none if offloaded, none if folded into a copy it makes. */
const passes = (csum: Checksum, copies: number): number => (csum === 'offload' ? 0 : csum === 'separate' || copies === 0 ? 1 : 0);

/** A plan with every field set, for `sendPlan` and `receivePlan` to fill. */
const blankPlan = (): Plan => ({
  mode: '',
  fallback: null,
  copies: 0,
  copyMBps: 0,
  checksumPasses: 0,
  segUs: 0,
  pages: 0,
  pageUs: 0,
  cores: 1,
  coldSource: false,
});

/** Sets what differs between the modes of a side, and returns the plan. */
function withMode(plan: Plan, mode: string, fallback: string | null, copies: number, checksumPasses: number): Plan {
  plan.mode = mode;
  plan.fallback = fallback;
  plan.copies = copies;
  plan.checksumPasses = checksumPasses;
  return plan;
}

const SENDFILE_FALLBACK = 'sendfile needs checksum offload; without it the kernel copies each page once';
const REMAP_FALLBACK = 'page remap needs whole 4096-byte pages per segment; this segment size is copied';

/**
 * The send side's plan for `v`, written into `out` (every field, so a plan can be reused: the
 * rate-only functions below fill one plan over and over, as a band evaluates thousands of
 * states a slider step and a new object for each was most of a step's garbage).
 */
function sendPlan(v: Values, out: Plan = blankPlan()): Plan {
  out.segUs = v.txSegUs;
  out.copyMBps = v.txCopyMBps;
  out.pages = 0;
  out.pageUs = 0;
  out.cores = 1;
  out.coldSource = false;
  if (v.txMode === 'sendfile' && v.txCsum === 'offload') return withMode(out, 'sendfile', null, 0, 0);
  if (v.txMode === 'sendfile') return withMode(out, 'copy', SENDFILE_FALLBACK, 1, passes(v.txCsum, 1));
  return withMode(out, 'copy', null, v.txCopies, passes(v.txCsum, v.txCopies));
}

/** A receive plan that places the payload (remap, direct): no copy, every started page mapped. */
function placing(out: Plan, v: Values, mode: string, pageUs: number): Plan {
  out.pages = Math.ceil(v.mss / PAGE_BYTES);
  out.pageUs = pageUs;
  return withMode(out, mode, null, 0, passes(v.rxCsum, 0));
}

/** The receive side's plan for `v`, written into `out` (see `sendPlan`). */
function receivePlan(v: Values, out: Plan = blankPlan()): Plan {
  out.segUs = v.rxSegUs;
  out.copyMBps = v.rxCopyMBps;
  out.cores = v.rxCores;
  out.coldSource = true;
  // Copying modes map no pages; placing modes (remap, direct) map every page a segment starts.
  out.pages = 0;
  out.pageUs = 0;
  switch (v.rxMode) {
    case 'csum-copy':
      return withMode(out, 'csum-copy', null, v.rxCopies, 0);
    case 'remap':
      if (v.mss % PAGE_BYTES !== 0) return withMode(out, 'copy', REMAP_FALLBACK, v.rxCopies, passes(v.rxCsum, v.rxCopies));
      return placing(out, v, 'remap', v.remapUs);
    case 'direct':
      return placing(out, v, 'direct', v.directUs);
    case 'copy':
      return withMode(out, 'copy', null, v.rxCopies, passes(v.rxCsum, v.rxCopies));
  }
}

/**
 * A side's CPU limit, MB/s: S ÷ the busiest core's µs per segment. The same arithmetic as
 * side()'s time breakdown (side() uses it), without building the breakdown.
 */
function cpuLimit(plan: Plan, v: Values): number {
  const S = v.mss;
  const protocol = plan.segUs + (plan.checksumPasses * S) / v.csumMBps;
  const app = (plan.copies * S) / plan.copyMBps + plan.pages * plan.pageUs;
  return S / (plan.cores > 1 ? Math.max(protocol, app) : protocol + app);
}

/**
 * DRAM crossings per payload byte: the DMA; one for the first CPU read of a cold payload
 * (copy or checksum, whichever comes first); and per copy, its destination's crossings
 * (`copyDstCrossings`: read-for-ownership and write-back, 2, unless the line is in cache).
 */
const crossingsOf = (plan: Plan, v: Values): number =>
  1 + (plan.coldSource && plan.copies + plan.checksumPasses > 0 ? 1 : 0) + v.copyDstCrossings * plan.copies;

/** A side's rate, MB/s: the smallest of its limits (side()'s `mbps`, without the rest). */
function planMBps(plan: Plan, v: Values): number {
  return Math.min(cpuLimit(plan, v), v.memMBps / crossingsOf(plan, v), v.busMBps * v.busEff, (v.linkGbps * 1000) / 8);
}

function side(plan: Plan, v: Values): SideResult {
  const S = v.mss;
  const segmentUs: SegmentTime = {
    protocol: plan.segUs,
    copy: (plan.copies * S) / plan.copyMBps,
    checksum: (plan.checksumPasses * S) / v.csumMBps,
    remap: plan.pages * plan.pageUs,
  };
  const stageUs = { protocol: segmentUs.protocol + segmentUs.checksum, app: segmentUs.copy + segmentUs.remap };
  const segmentTotalUs = stageUs.protocol + stageUs.app;
  const busCrossings = crossingsOf(plan, v);
  const limits = {
    cpu: cpuLimit(plan, v),
    memory: v.memMBps / busCrossings,
    bus: v.busMBps * v.busEff,
    link: (v.linkGbps * 1000) / 8,
  };
  const [bound, mbps] = firstMin<Bound>([
    ['cpu', limits.cpu],
    ['memory', limits.memory],
    ['bus', limits.bus],
    ['link', limits.link],
  ]);
  const cpuUtilization = mbps / limits.cpu;
  const load = (us: number): number => (mbps * us) / S;
  const perMB = (us: number): number => (us / S) * 1e6;
  let cpuStage: SideResult['cpuStage'] = null;
  if (bound === 'cpu') cpuStage = plan.cores > 1 ? (stageUs.protocol >= stageUs.app ? 'protocol' : 'app') : 'shared';
  return {
    mode: plan.mode,
    fallback: plan.fallback,
    gbps: (mbps * 8) / 1000,
    mbps,
    bound,
    cpuStage,
    cpuUtilization,
    cpuUsPerMB: (cpuUtilization * 1e6) / mbps,
    cpuCores: load(segmentTotalUs),
    usPerMB: { total: perMB(segmentTotalUs), protocol: perMB(stageUs.protocol), app: perMB(stageUs.app) },
    cores: plan.cores,
    segmentUs,
    segmentTotalUs,
    stageUs,
    protocolNsPerByte: (plan.segUs / S) * 1000,
    copies: plan.copies,
    checksumPasses: plan.checksumPasses,
    pages: plan.pages,
    busCrossings,
    memTrafficMBps: mbps * busCrossings,
    limits,
  };
}

/** The send side of a complete, in-range state. */
export function sendSide(v: Values): SideResult {
  return side(sendPlan(v), v);
}

/** The receive side of a complete, in-range state. */
export function receiveSide(v: Values): SideResult {
  return side(receivePlan(v), v);
}

/** The one plan the rate-only functions fill: read at once, never kept. */
const scratch = blankPlan();

/**
 * The send side's rate alone, MB/s (= sendSide(v).mbps): for sweeps and bands, which run the
 * model thousands of times a slider step and need nothing else.
 */
export function sendMBps(v: Values): number {
  return planMBps(sendPlan(v, scratch), v);
}

/** The receive side's rate alone, MB/s (= receiveSide(v).mbps). */
export function receiveMBps(v: Values): number {
  return planMBps(receivePlan(v, scratch), v);
}

/** End to end from the two sides and the window limit. */
export function endToEnd(tx: SideResult, rx: SideResult, v: Values): EndToEnd {
  const windowMBps = v.window / v.rtt;
  const [bound, mbps] = firstMin<EndToEnd['bound']>([
    ['rx', rx.mbps],
    ['tx', tx.mbps],
    ['window', windowMBps],
  ]);
  return { gbps: (mbps * 8) / 1000, mbps, bound, windowMBps };
}

/** The whole model for a complete, in-range state (index.ts `evaluate` clamps first). */
export function throughput(v: Values): Result {
  const tx = sendSide(v);
  const rx = receiveSide(v);
  return { tx, rx, endToEnd: endToEnd(tx, rx, v) };
}
