import { describe, expect, it } from 'vitest';
import { SOURCE_FACTS, sourceYear } from '../../../src/lib/model/sources.ts';

describe('sourceYear', () => {
  it('reads the year of every dated source, and nothing for an undated or unknown one', () => {
    for (const [url, facts] of Object.entries(SOURCE_FACTS)) {
      const year = sourceYear(url);
      if (facts.date === undefined) expect(year, url).toBeUndefined();
      else expect(year, url).toBe(new Date(`${facts.date.length === 4 ? `${facts.date}-01-01` : facts.date}T00:00:00Z`).getUTCFullYear());
    }
    expect(Object.values(SOURCE_FACTS).some((f) => f.date === undefined)).toBe(true);
    expect(sourceYear('https://example.org/not-a-source')).toBeUndefined();
  });
});
