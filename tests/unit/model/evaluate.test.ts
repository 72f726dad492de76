import { describe, expect, it } from 'vitest';
import { defaults, evaluate, PAGE_BYTES } from '../../../src/lib/model/index.ts';

// Hurwitz, 27 Jun 2002: IP over Quadrics sent at about 1.4 Gbit/s and received at about 0.9.
const HURWITZ_TX_GBPS = 1.4;
const HURWITZ_RX_GBPS = 0.9;
// Fit A in the research notes: 4.89 ns of per-segment cost per payload byte.
const FIT_A_NS_PER_BYTE = 4.89;

const within = (got: number, want: number, rel: number): void => {
  expect(Math.abs(got / want - 1)).toBeLessThanOrEqual(rel);
};

describe('the default state is the 2002 measurement', () => {
  it("sends at about 1.4 and receives at about 0.9 Gbit/s, and TCP runs at the receiver's rate", () => {
    const r = evaluate();
    within(r.tx.gbps, HURWITZ_TX_GBPS, 0.05);
    within(r.rx.gbps, HURWITZ_RX_GBPS, 0.05);
    expect(r.endToEnd.bound).toBe('rx');
    expect(r.endToEnd.mbps).toBe(r.rx.mbps);
  });
  it("puts the per-segment cost at Fit A's cost per byte", () => {
    within(evaluate().rx.protocolNsPerByte, FIT_A_NS_PER_BYTE, 0.01);
  });
  it("is CPU-bound on both sides, so each side's one core is fully busy", () => {
    const r = evaluate();
    for (const s of [r.tx, r.rx]) {
      expect(s.bound).toBe('cpu');
      expect(s.cpuStage).toBe('shared');
      expect(s.cpuUtilization).toBe(1);
    }
  });
  it('missing keys take defaults', () => {
    expect(evaluate({})).toEqual(evaluate(defaults()));
    expect(evaluate({ rxMode: 'direct' })).toEqual(evaluate({ ...defaults(), rxMode: 'direct' }));
  });
});

describe('time per segment', () => {
  it('charges each copy the payload divided by the copy bandwidth', () => {
    const one = evaluate({ rxCopyMBps: 500 }).rx;
    const two = evaluate({ rxCopyMBps: 500, rxCopies: 2 }).rx;
    expect(one.segmentUs.copy).toBeCloseTo(4096 / 500, 9);
    expect(two.segmentUs.copy).toBeCloseTo(2 * one.segmentUs.copy, 9);
  });
  it('adds up its parts', () => {
    const s = evaluate({ rxMode: 'direct', rxCsum: 'separate', mss: 9000 }).rx;
    const { protocol, copy, checksum, remap } = s.segmentUs;
    expect(protocol + copy + checksum + remap).toBeCloseTo(s.segmentTotalUs, 9);
    expect(s.pages).toBe(Math.ceil(9000 / PAGE_BYTES));
    expect(remap).toBeCloseTo(s.pages * defaults().directUs, 9);
    expect(checksum).toBeCloseTo(9000 / defaults().csumMBps, 9);
  });
});

describe('receive modes', () => {
  it('remaps only whole pages: any other segment size is copied, and says so', () => {
    const odd = evaluate({ rxMode: 'remap', mss: 5000 }).rx;
    expect(odd.mode).toBe('copy');
    expect(odd.fallback).toMatch(/4096/);
    expect(odd.mbps).toBe(evaluate({ mss: 5000 }).rx.mbps);
    const whole = evaluate({ rxMode: 'remap', mss: 8192 }).rx;
    expect(whole.mode).toBe('remap');
    expect(whole.fallback).toBeNull();
    expect(whole.copies).toBe(0);
    expect(whole.pages).toBe(2);
  });
  it('checksum-and-copy never needs a separate pass', () => {
    const folded = evaluate({ rxMode: 'csum-copy', rxCsum: 'separate' }).rx;
    expect(folded.checksumPasses).toBe(0);
    expect(folded.mbps).toBe(evaluate({ rxMode: 'copy', rxCsum: 'offload' }).rx.mbps);
    expect(evaluate({ rxMode: 'copy', rxCsum: 'separate' }).rx.checksumPasses).toBe(1);
  });
  it('a checksum folded into the copy costs a pass of its own once the copy is gone', () => {
    const withFold = evaluate({ rxMode: 'direct', rxCsum: 'folded' }).rx;
    const offloaded = evaluate({ rxMode: 'direct', rxCsum: 'offload' }).rx;
    expect(withFold.checksumPasses).toBe(1);
    expect(withFold.mbps).toBeLessThan(offloaded.mbps);
  });
  it('zero-copy can lose when remapping a page costs more than copying it', () => {
    const fastCopy = { rxCopyMBps: 100000, remapUs: 20, rxSegUs: 1, memMBps: 100000 };
    expect(evaluate({ ...fastCopy, rxMode: 'remap' }).rx.mbps).toBeLessThan(evaluate(fastCopy).rx.mbps);
  });
});

describe('send modes', () => {
  it('sendfile skips the copy when the NIC checksums', () => {
    const s = evaluate({ txMode: 'sendfile', txCsum: 'offload' }).tx;
    expect(s.mode).toBe('sendfile');
    expect(s.copies).toBe(0);
    expect(s.busCrossings).toBe(1);
  });
  it('sendfile without checksum offload falls back to one copy', () => {
    const s = evaluate({ txMode: 'sendfile', txCsum: 'folded', txCopies: 2 }).tx;
    expect(s.mode).toBe('copy');
    expect(s.fallback).not.toBeNull();
    expect(s.copies).toBe(1);
  });
});

describe('limits other than the CPU', () => {
  it('counts DRAM crossings the same way on both sides: DMA, first read of a cold payload, read-for-ownership and write-back per copy', () => {
    // Receive: DMA 1 + the cold payload's first read 1 + 2 per copy's destination.
    expect(evaluate().rx.busCrossings).toBe(4);
    expect(evaluate({ rxCopies: 2 }).rx.busCrossings).toBe(6);
    // A separate checksum pass reads the cold payload first; the copy after it reads cache.
    expect(evaluate({ rxCsum: 'separate' }).rx.busCrossings).toBe(4);
    expect(evaluate({ rxMode: 'direct' }).rx.busCrossings).toBe(1);
    expect(evaluate({ rxMode: 'direct', rxCsum: 'separate' }).rx.busCrossings).toBe(2);
    // Send: the source is a cache-warm reused buffer, so a copy costs its destination only.
    expect(evaluate().tx.busCrossings).toBe(3);
    expect(evaluate({ txCopies: 2 }).tx.busCrossings).toBe(5);
  });
  it('binds on a slow memory bus at its bandwidth divided by the crossings', () => {
    const r = evaluate({ memMBps: 150 }).rx;
    expect(r.bound).toBe('memory');
    expect(r.mbps).toBeCloseTo(150 / 4, 9);
    expect(r.memTrafficMBps).toBeCloseTo(150, 9);
    expect(r.cpuUtilization).toBeLessThan(1);
  });
  it('binds on a slow I/O bus at peak times efficiency', () => {
    const r = evaluate({ busMBps: 100, busEff: 0.5 }).rx;
    expect(r.bound).toBe('bus');
    expect(r.mbps).toBeCloseTo(50, 9);
  });
  it('binds on the link with CPU to spare, and reports the spare', () => {
    const r = evaluate({ linkGbps: 0.5 }).rx;
    expect(r.bound).toBe('link');
    expect(r.gbps).toBeCloseTo(0.5, 9);
    expect(r.cpuUtilization).toBeLessThan(1);
    expect(r.cpuUtilization).toBeCloseTo(r.mbps / r.limits.cpu, 12);
  });
  it('binds end to end on window ÷ RTT when that is smallest', () => {
    const r = evaluate({ window: 8192, rtt: 1000 });
    expect(r.endToEnd.bound).toBe('window');
    expect(r.endToEnd.mbps).toBeCloseTo(8192 / 1000, 9);
    expect(r.endToEnd.mbps).toBeLessThan(Math.min(r.tx.mbps, r.rx.mbps));
  });
});

describe('cores', () => {
  it('with two cores the slower stage binds; with one the stages add', () => {
    const base = { rxSegUs: 10, rxCopyMBps: 400, linkGbps: 100, busMBps: 10000, memMBps: 100000 };
    const one = evaluate({ ...base, rxCores: 1 }).rx;
    const two = evaluate({ ...base, rxCores: 2 }).rx;
    expect(one.limits.cpu).toBeCloseTo(4096 / (one.stageUs.protocol + one.stageUs.app), 9);
    expect(two.limits.cpu).toBeCloseTo(4096 / Math.max(two.stageUs.protocol, two.stageUs.app), 9);
    expect(two.mbps).toBeGreaterThan(one.mbps);
    expect(two.cpuStage).toBe('app');
    expect(two.cpuUtilization).toBe(1);
    expect(two.cpuCores).toBeGreaterThan(1);
  });
  it("reports the busiest core's CPU per MB, and the total", () => {
    const one = evaluate().rx;
    expect(one.cpuUsPerMB).toBeCloseTo(one.usPerMB.total, 6);
    const two = evaluate({ rxCores: 2 }).rx;
    expect(two.cpuUsPerMB).toBeCloseTo(Math.max(two.usPerMB.protocol, two.usPerMB.app), 6);
    expect(two.usPerMB.total).toBeCloseTo(two.usPerMB.protocol + two.usPerMB.app, 6);
  });
});
