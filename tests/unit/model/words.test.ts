import { describe, expect, it } from 'vitest';
import { clamp, paramFor, type NumberParam } from '../../../src/lib/model/index.ts';
import { changeNotice, linkNotice, unitWords } from '../../../src/lib/model/words.ts';

const param = (key: string) => {
  const p = paramFor(key);
  if (p === undefined) throw new Error(`no parameter ${key}`);
  return p;
};

describe('unitWords', () => {
  it('spells a known unit in the singular for one and the plural otherwise', () => {
    expect(unitWords(param('rxCopies') as NumberParam, 1)).toBe('copy');
    expect(unitWords(param('rxCopies') as NumberParam)).toBe('copies');
  });
  it('keeps a unit it has no words for as it is written in the table', () => {
    const p = param('copyDstCrossings') as NumberParam;
    expect(unitWords(p, 2)).toBe(p.unit);
  });
});

describe('changeNotice: what a link asked for and what the model uses instead', () => {
  it('quotes a long hostile value only up to 24 characters', () => {
    const long = 'x'.repeat(40);
    const notice = changeNotice(param('mss'), { key: 'mss', from: long, to: 4096, reason: 'not a number' });
    expect(notice).toContain(`“${'x'.repeat(24)}…”`);
    expect(notice).not.toContain('x'.repeat(25));
    const exact = 'y'.repeat(24);
    expect(changeNotice(param('mss'), { key: 'mss', from: exact, to: 4096, reason: 'not a number' })).toContain(`“${exact}”`);
  });

  it('says An empty value for an empty one and That value, unquoted, for one that is not text or a number', () => {
    const empty = changeNotice(param('mss'), { key: 'mss', from: '', to: 4096, reason: 'not a number' });
    expect(empty.startsWith('An empty value is not a number')).toBe(true);
    const other = changeNotice(param('mss'), { key: 'mss', from: { a: 1 }, to: 4096, reason: 'not a number' });
    expect(other.startsWith('That value is not a number')).toBe(true);
    expect(changeNotice(param('mss'), { key: 'mss', from: 70000, to: 65536, reason: 'above maximum' })).toContain('“70000”');
  });

  it('names a choice by its label, and a value without an option as itself', () => {
    const mode = param('rxMode');
    if (mode.kind !== 'choice') throw new Error('rxMode is a choice');
    const label = mode.options.find((o) => o.value === 'copy')?.label;
    expect(changeNotice(mode, { key: 'rxMode', from: 'teleport', to: 'copy', reason: 'not an option' })).toBe(
      `“teleport” is not an option; using ${label}.`,
    );
    expect(changeNotice(mode, { key: 'rxMode', from: 'a', to: 'b', reason: 'not an option' })).toMatch(/using b\.$/);
  });

  it('gives a fraction as a bare number and other numbers with their unit', () => {
    expect(changeNotice(param('busEff'), { key: 'busEff', from: '2', to: 1, reason: 'above maximum' })).toMatch(/using 1\.$/);
    expect(changeNotice(param('rxCopyMBps'), { key: 'rxCopyMBps', from: '1', to: 10, reason: 'below minimum' })).toMatch(
      /using 10 MB\/s\.$/,
    );
  });
});

describe('linkNotice', () => {
  it('is empty when the link was taken as it was', () => {
    expect(linkNotice(clamp({ mss: 4096 }).changes, paramFor)).toBe('');
  });
  it('names every parameter it adjusted, in one notice, and skips keys it does not know', () => {
    const { changes } = clamp({ mss: 'lots', rxMode: 'teleport' });
    const notice = linkNotice([...changes, { key: 'nope', from: 1, to: 1, reason: 'not a number' }], paramFor);
    expect(notice.startsWith('Adjusted from the link. ')).toBe(true);
    expect(notice).toContain(`${param('mss').label}: “lots” is not a number`);
    expect(notice).toContain(`${param('rxMode').label}: “teleport” is not an option`);
    expect(notice).not.toContain('nope');
  });
});
