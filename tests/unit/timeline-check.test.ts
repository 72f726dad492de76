import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../src/lib/timeline.ts';
import { timelineProblems } from '../../src/lib/timeline-check.ts';

const sample = (over: Partial<TimelineEntry> = {}): TimelineEntry => ({
  id: 'sample',
  year: 2010,
  kernel: '2.6.99',
  title: 'A sample',
  summary: 'Removes nothing.',
  source: { url: 'https://example.org/commit', label: 'a commit' },
  more: [],
  checked: 'primary',
  checkNote: 'Read here.',
  params: ['rxSegUs'],
  model: { preset: 'quadrics-2002', values: { rxSegUs: 10 }, note: 'Assumption.' },
  ...over,
});

describe('timelineProblems', () => {
  it('accepts a sound entry', () => {
    expect(timelineProblems([sample()])).toEqual([]);
  });

  it.each([
    ['a year before 2002', sample({ year: 2001 }), /outside 2002/],
    ['a year after 2026', sample({ year: 2027 }), /outside 2002/],
    ['a plain-http main source', sample({ source: { url: 'http://example.org/', label: 'x' } }), /https/],
    ['a source that is no address', sample({ source: { url: 'not a url', label: 'x' } }), /not a web address/],
    ['an unknown key', sample({ model: { preset: 'quadrics-2002', values: { bogus: 1 } as never, note: 'n' } }), /unknown parameter bogus/],
    ['a value over the maximum', sample({ model: { preset: 'quadrics-2002', values: { rxSegUs: 1000 }, note: 'n' } }), /outside/],
    ['a value below the minimum', sample({ model: { preset: 'quadrics-2002', values: { rxSegUs: 0 }, note: 'n' } }), /outside/],
    [
      'an option the table lacks',
      sample({ params: ['rxMode'], model: { preset: 'quadrics-2002', values: { rxMode: 'teleport' as never }, note: 'n' } }),
      /no option/,
    ],
    [
      'a changed key it does not list',
      sample({ params: [], model: { preset: 'quadrics-2002', values: { rxSegUs: 10 }, note: 'n' } }),
      /does not list/,
    ],
    ['an unknown preset', sample({ model: { preset: 'nope', values: {}, note: 'n' } }), /unknown preset/],
    ['no model and no reason', sample({ model: null }), /no reason/],
    ['no model and an empty reason', sample({ model: null, reason: ' ' }), /no reason/],
  ])('reports %s', (_, entry, message) => {
    expect(timelineProblems([entry]).join('\n')).toMatch(message);
  });

  it('reports entries out of order and repeated ids', () => {
    expect(timelineProblems([sample({ year: 2010 }), sample({ id: 'b', year: 2005 })]).join('\n')).toMatch(/out of order/);
    expect(timelineProblems([sample(), sample()]).join('\n')).toMatch(/repeated/);
  });
});
