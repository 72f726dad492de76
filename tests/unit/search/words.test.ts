import { describe, expect, it } from 'vitest';
import { dayDate } from '../../../src/lib/format.ts';
import { resultStatus, searchTitle, searchWords } from '../../../src/lib/search/words.ts';

describe('what the search page says about a search', () => {
  it('quotes the query and names the ticked filters', () => {
    expect(searchWords({ q: ' nda ', selected: { kind: ['note'], tag: ['licensing'] } })).toBe('“nda” with note, licensing');
    expect(searchWords({ q: '', selected: { kind: ['note'] } })).toBe('for note');
    expect(searchWords({ q: 'x'.repeat(81), selected: {} })).toBe(`“${'x'.repeat(80)}…”`);
  });

  it('counts results, says when only the best were checked, and ends in one full stop', () => {
    expect(resultStatus(0, false, { q: 'zzz', selected: {} })).toBe('No results for “zzz”.');
    expect(resultStatus(1, false, { q: 'copy', selected: {} })).toBe('1 result for “copy”.');
    expect(resultStatus(300, true, { q: 'copy', selected: {} })).toBe('At least 300 results for “copy”.');
    expect(resultStatus(2, false, { q: 'end.', selected: {} })).toBe('2 results for “end.”.');
  });

  it('titles the page with the query, or leaves the site title alone', () => {
    expect(searchTitle('  ', 'Search · Slowest Side')).toBe('Search · Slowest Side');
    expect(searchTitle('zero copy', 'Search')).toBe('zero copy · Search');
  });

  it('dates a result by the day the sender wrote, without a time-zone shift', () => {
    expect(dayDate('2002-06-27T23:59:00-07:00')).toBe('27 Jun 2002');
    expect(dayDate('2002-01-05')).toBe('5 Jan 2002');
    expect(dayDate(undefined)).toBe('');
    expect(dayDate('June 2002')).toBe('');
  });
});
