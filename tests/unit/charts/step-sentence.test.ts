import { describe, expect, it } from 'vitest';
import { stepSentence } from '../../../src/lib/charts/step-sentence.ts';

describe('a step of a stepped figure in words', () => {
  it('names the step, who does it, its crossings and its CPU time', () => {
    expect(stepSentence(['3', 'checksum pass: read every byte', 'softirq', 'kernel', 'kernel', '1', '10.2'], 4)).toBe(
      'Step 3 of 4: checksum pass: read every byte, by the softirq; 1 memory-bus crossing per byte; 10.2 µs of CPU per segment.',
    );
  });

  it('leaves out what is zero and counts crossings in the plural', () => {
    expect(stepSentence(['1', 'DMA into a kernel buffer (skb)', 'card', 'card', 'kernel', '1', '0'], 4)).toBe(
      'Step 1 of 4: DMA into a kernel buffer (skb), by the card; 1 memory-bus crossing per byte.',
    );
    expect(stepSentence(['4', 'copy to the reader', 'reader', 'kernel', 'user', '2', '16.4'], 4)).toContain(
      '2 memory-bus crossings per byte',
    );
    expect(stepSentence(['2', 'protocol work', 'softirq', 'kernel', 'kernel', '0', '20.0'], 4)).toBe(
      'Step 2 of 4: protocol work, by the softirq; 20.0 µs of CPU per segment.',
    );
  });
});
