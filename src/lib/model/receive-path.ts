/**
 * A received segment's journey, as the model counts it: where the payload is written and read,
 * by whom (the card or a CPU), how many memory-bus crossings each move costs and how much CPU
 * time each stage takes. Everything is read from the model's own receive side (`receiveSide`),
 * so the diagram that draws it (src/lib/charts/receive-path.ts) cannot disagree with the
 * numbers elsewhere: the moves' crossings add up to `busCrossings`, the CPU passes to copies
 * plus checksum passes, the stages' times to `segmentTotalUs`. Pure.
 */
import type { Values } from './params.ts';
import { receiveSide, type SideResult } from './throughput.ts';

/** Where payload bytes can be. */
export type Place = 'card' | 'kernel' | 'user';

/** One thing that happens to a received segment, in order. */
export interface Move {
  /** Stable id: `dma`, `protocol`, `checksum`, `copy-1`, `copy-2`, `remap`, `refill`. */
  readonly id: string;
  /** Who does it. */
  readonly by: 'card' | 'softirq' | 'reader';
  /** What it is, in a few words. */
  readonly label: string;
  /** Where the bytes come from and go to (the same place for work that moves no payload). */
  readonly from: Place;
  readonly to: Place;
  /** Memory-bus crossings per payload byte this move causes. */
  readonly crossings: number;
  /** Whether a CPU touches every payload byte in this move (a copy or a checksum pass). */
  readonly touchesPayload: boolean;
  /** CPU time per segment, µs (0 for the card's DMA). */
  readonly us: number;
  /** The 2.4 kernel function that does it, where there is one. */
  readonly where?: string;
}

/** The whole journey of one segment. */
export interface ReceivePath {
  readonly mode: string;
  readonly moves: readonly Move[];
  /** Sum of the moves' crossings: equals the model's `rx.busCrossings`. */
  readonly crossings: number;
  /** CPU passes over the payload: equals `rx.copies + rx.checksumPasses`. */
  readonly cpuPasses: number;
  /** Sum of the moves' µs: equals `rx.segmentTotalUs`. */
  readonly us: number;
  readonly side: SideResult;
}

/** The receive path of a complete, in-range state (index.ts `clamp` first). */
export function receivePath(v: Values): ReceivePath {
  const rx = receiveSide(v);
  const direct = rx.mode === 'direct';
  const landing: Place = direct ? 'user' : 'kernel';
  const moves: Move[] = [];
  moves.push({
    id: 'dma',
    by: 'card',
    label: direct ? 'DMA straight into the reader’s buffer' : 'DMA into a kernel buffer (skb)',
    from: 'card',
    to: landing,
    crossings: 1,
    touchesPayload: false,
    us: 0,
  });
  moves.push({
    id: 'protocol',
    by: 'softirq',
    label: 'protocol work: interrupt, IP, TCP, ACK (headers only)',
    // The headers stay in kernel memory even when the payload is placed in the reader's (header split).
    from: 'kernel',
    to: 'kernel',
    crossings: 0,
    touchesPayload: false,
    us: rx.segmentUs.protocol,
    where: 'net_rx_action()',
  });
  // The first CPU pass over a just-DMA'd payload reads it from memory; later passes find it in cache.
  let firstRead = 1;
  const perCopyUs = rx.copies > 0 ? rx.segmentUs.copy / rx.copies : 0;
  const checksumUs = rx.checksumPasses > 0 ? rx.segmentUs.checksum / rx.checksumPasses : 0;
  for (let i = 0; i < rx.checksumPasses; i++) {
    moves.push({
      id: 'checksum',
      by: 'softirq',
      label: 'checksum pass: read every byte',
      from: landing,
      to: landing,
      crossings: firstRead,
      touchesPayload: true,
      us: checksumUs,
      where: 'tcp_checksum_complete_user()',
    });
    firstRead = 0;
  }
  const dst = v.copyDstCrossings;
  for (let i = 0; i < rx.copies; i++) {
    const last = i === rx.copies - 1;
    moves.push({
      id: `copy-${i + 1}`,
      by: last ? 'reader' : 'softirq',
      label: last
        ? rx.mode === 'csum-copy'
          ? 'copy to the reader, checksum folded in'
          : 'copy to the reader'
        : 'driver copy (realignment)',
      from: 'kernel',
      to: last ? 'user' : 'kernel',
      crossings: firstRead + dst,
      touchesPayload: true,
      us: perCopyUs,
      ...(last ? { where: 'tcp_recvmsg()' } : {}),
    });
    firstRead = 0;
  }
  if (rx.mode === 'remap') {
    moves.push({
      id: 'remap',
      by: 'reader',
      label: 'map the payload pages into the reader',
      from: 'kernel',
      to: 'user',
      crossings: 0,
      touchesPayload: false,
      us: rx.segmentUs.remap,
    });
  }
  if (direct) {
    moves.push({
      id: 'refill',
      by: 'reader',
      label: 'hand the buffers back to the card',
      from: 'user',
      to: 'card',
      crossings: 0,
      touchesPayload: false,
      us: rx.segmentUs.remap,
    });
  }
  return {
    mode: rx.mode,
    moves,
    crossings: moves.reduce((n, m) => n + m.crossings, 0),
    cpuPasses: moves.filter((m) => m.touchesPayload).length,
    us: moves.reduce((n, m) => n + m.us, 0),
    side: rx,
  };
}
