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
