import { describe, expect, it } from 'vitest';
import { dayAbbr, monthAbbr, monthName, monthNumber } from '../../src/lib/calendar.ts';

describe('month and day names', () => {
  it('names the months from 1 and the days from Sunday, as Date counts them', () => {
    expect(monthName(1)).toBe('January');
    expect(monthName(6)).toBe('June');
    expect(monthAbbr(12)).toBe('Dec');
    expect(monthName(0)).toBe('');
    expect(monthName(13)).toBe('');
    expect(dayAbbr(new Date(Date.UTC(2002, 5, 27)).getUTCDay())).toBe('Thu');
    expect(dayAbbr(7)).toBe('');
  });

  it('reads a month back from its name or any start of it, in any case', () => {
    expect(monthNumber('Jun')).toBe(6);
    expect(monthNumber('SEPT')).toBe(9);
    expect(monthNumber('july')).toBe(7);
    expect(monthNumber('Ju')).toBe(6);
    expect(monthNumber('')).toBe(0);
    expect(monthNumber('Juni')).toBe(0);
  });
});
