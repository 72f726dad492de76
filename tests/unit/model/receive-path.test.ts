import { describe, expect, it } from 'vitest';
import { clamp, evaluate, params } from '../../../src/lib/model/index.ts';
import { receivePath } from '../../../src/lib/model/receive-path.ts';

const modes = params.find((p) => p.key === 'rxMode');
const checks = params.find((p) => p.key === 'rxCsum');

describe('the receive path counts what the model counts', () => {
  const states: Record<string, unknown>[] = [];
  for (const rxMode of modes?.kind === 'choice' ? modes.options.map((o) => o.value) : []) {
    for (const rxCsum of checks?.kind === 'choice' ? checks.options.map((o) => o.value) : []) {
      for (const rxCopies of [1, 2]) {
        for (const copyDstCrossings of [0, 1, 2]) states.push({ rxMode, rxCsum, rxCopies, copyDstCrossings });
      }
    }
  }
  states.push({ rxMode: 'remap', mss: 1448 }); // remap falls back to a copy on a partial page

  it('covers every receive mode and checksum setting', () => {
    expect(states.length).toBeGreaterThanOrEqual(4 * 3 * 2 * 3);
  });
  for (const s of states) {
    it(`${JSON.stringify(s)}: crossings, CPU passes and time add up to the model’s`, () => {
      const rx = evaluate(s).rx;
      const path = receivePath(clamp(s).values);
      expect(path.crossings).toBe(rx.busCrossings);
      expect(path.cpuPasses).toBe(rx.copies + rx.checksumPasses);
      expect(path.us).toBeCloseTo(rx.segmentTotalUs, 9);
      expect(path.mode).toBe(rx.mode);
      expect(path.moves[0]?.id).toBe('dma');
    });
  }
  it('zero-copy receive moves the payload once, by the card, and the reader never reads it', () => {
    const path = receivePath(clamp({ rxMode: 'direct', rxCsum: 'offload' }).values);
    expect(path.moves.filter((m) => m.touchesPayload)).toEqual([]);
    expect(path.moves[0]).toMatchObject({ from: 'card', to: 'user', crossings: 1 });
  });
  it('the 2.4 copy: the reader’s copy pays the first read of the cold payload and its destination', () => {
    const path = receivePath(clamp({}).values);
    const copy = path.moves.find((m) => m.id === 'copy-1');
    expect(copy).toMatchObject({ by: 'reader', from: 'kernel', to: 'user', crossings: 3, where: 'tcp_recvmsg()' });
  });
  it('a separate checksum pass takes the first read, so the copy after it reads cache', () => {
    const path = receivePath(clamp({ rxCsum: 'separate' }).values);
    expect(path.moves.find((m) => m.id === 'checksum')?.crossings).toBe(1);
    expect(path.moves.find((m) => m.id === 'copy-1')?.crossings).toBe(2);
  });
});

describe('each move of the journey says who moves the payload, from where to where', () => {
  const path = (s: Record<string, unknown>) => receivePath(clamp(s).values);
  const move = (s: Record<string, unknown>, id: string) => path(s).moves.find((m) => m.id === id);

  it('the card writes into a kernel buffer unless it places the payload straight in the reader’s', () => {
    const copied = move({ rxMode: 'copy' }, 'dma');
    const placed = move({ rxMode: 'direct' }, 'dma');
    expect(copied).toMatchObject({ by: 'card', from: 'card', to: 'kernel', us: 0, touchesPayload: false });
    expect(placed).toMatchObject({ by: 'card', from: 'card', to: 'user' });
    expect(copied?.label).toMatch(/kernel/);
    expect(placed?.label).toMatch(/reader/);
  });

  it('protocol work is the softirq’s, stays in kernel memory and names its 2.4 function', () => {
    for (const rxMode of ['copy', 'direct']) {
      const m = move({ rxMode }, 'protocol');
      expect(m).toMatchObject({ by: 'softirq', from: 'kernel', to: 'kernel', crossings: 0, touchesPayload: false });
      expect(m?.where).toMatch(/\(\)$/);
    }
  });

  it('a separate checksum pass reads the payload where it landed, in the softirq', () => {
    for (const [rxMode, place] of [
      ['copy', 'kernel'],
      ['direct', 'user'],
    ] as const) {
      const m = move({ rxMode, rxCsum: 'separate' }, 'checksum');
      expect(m).toMatchObject({ by: 'softirq', from: place, to: place, touchesPayload: true });
      expect(m?.where).toMatch(/checksum/);
      expect(m?.us).toBeCloseTo(path({ rxMode, rxCsum: 'separate' }).side.segmentUs.checksum, 12);
    }
  });

  it('with two copies the driver’s realignment copy stays in the kernel and only the last reaches the reader', () => {
    const p = path({ rxMode: 'copy', rxCopies: 2 });
    const first = p.moves.find((m) => m.id === 'copy-1');
    const last = p.moves.find((m) => m.id === 'copy-2');
    expect(first).toMatchObject({ by: 'softirq', from: 'kernel', to: 'kernel' });
    expect(first?.where).toBeUndefined();
    expect(last).toMatchObject({ by: 'reader', from: 'kernel', to: 'user', where: 'tcp_recvmsg()' });
    expect(first?.label).not.toBe(last?.label);
    // The copies split the copy time evenly.
    expect(first?.us).toBeCloseTo(p.side.segmentUs.copy / 2, 12);
    expect(last?.us).toBeCloseTo(p.side.segmentUs.copy / 2, 12);
  });

  it('the checksum-and-copy path says the checksum is folded into the copy; the plain copy does not', () => {
    const folded = move({ rxMode: 'csum-copy' }, 'copy-1');
    const plain = move({ rxMode: 'copy', rxCsum: 'offload' }, 'copy-1');
    expect(folded?.label).toMatch(/checksum/);
    expect(plain?.label).not.toMatch(/checksum/);
    expect(folded?.label).not.toBe(plain?.label);
  });

  it('page remap maps the pages into the reader; direct placement hands the buffers back to the card', () => {
    const remap = move({ rxMode: 'remap', mss: 8192 }, 'remap');
    expect(remap).toMatchObject({ by: 'reader', from: 'kernel', to: 'user', crossings: 0, touchesPayload: false });
    const refill = move({ rxMode: 'direct' }, 'refill');
    expect(refill).toMatchObject({ by: 'reader', from: 'user', to: 'card', crossings: 0, touchesPayload: false });
    expect(move({ rxMode: 'remap', mss: 8192 }, 'refill')).toBeUndefined();
    expect(move({ rxMode: 'direct' }, 'remap')).toBeUndefined();
  });

  it('every move of every path has its own label', () => {
    for (const s of [
      { rxMode: 'copy', rxCopies: 2, rxCsum: 'separate' },
      { rxMode: 'direct', rxCsum: 'separate' },
      { rxMode: 'remap', mss: 8192 },
    ]) {
      const labels = path(s).moves.map((m) => m.label);
      for (const l of labels) expect(l.length).toBeGreaterThan(5);
      expect(new Set(labels).size).toBe(labels.length);
    }
  });
});
