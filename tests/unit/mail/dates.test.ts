import { describe, expect, it } from 'vitest';
import { parseMailDate, zoneOffset } from '../../../src/lib/mail/dates.ts';

describe('parseMailDate: the calendar', () => {
  it('takes 29 February only in leap years: every fourth year, not centuries, but every fourth century', () => {
    expect(parseMailDate('29 Feb 2004 12:00:00 +0000')).toBe('2004-02-29T12:00:00+00:00');
    expect(parseMailDate('29 Feb 2000 12:00:00 +0000')).toBe('2000-02-29T12:00:00+00:00');
    expect(parseMailDate('29 Feb 2002 12:00:00 +0000')).toBeNull();
    expect(parseMailDate('29 Feb 1900 12:00:00 +0000')).toBeNull();
    expect(parseMailDate('28 Feb 2002 12:00:00 +0000')).toBe('2002-02-28T12:00:00+00:00');
    expect(parseMailDate('30 Feb 2004 12:00:00 +0000')).toBeNull();
  });

  it('reads two-digit years 00–49 as 20xx and 50–99 as 19xx, three-digit years from 1900', () => {
    expect(parseMailDate('1 Jul 49 00:00:00 +0000')).toBe('2049-07-01T00:00:00+00:00');
    expect(parseMailDate('1 Jul 50 00:00:00 +0000')).toBe('1950-07-01T00:00:00+00:00');
    expect(parseMailDate('1 Jul 102 00:00:00 +0000')).toBe('2002-07-01T00:00:00+00:00');
  });
});

describe('parseMailDate: a zone given only in a trailing comment', () => {
  it('reads it with or without a space before it and with spaces inside it', () => {
    expect(parseMailDate('Thu, 27 Jun 2002 21:01:29 (PDT)')).toBe('2002-06-27T21:01:29-07:00');
    expect(parseMailDate('Thu, 27 Jun 2002 21:01:29(PDT)')).toBe('2002-06-27T21:01:29-07:00');
    expect(parseMailDate('Thu, 27 Jun 2002 21:01:29 ( PDT )')).toBe('2002-06-27T21:01:29-07:00');
  });

  it('ignores a comment that is not a zone name and reads the time as UTC', () => {
    expect(parseMailDate('Thu, 27 Jun 2002 21:01:29 (sent PDT)')).toBe('2002-06-27T21:01:29+00:00');
    expect(parseMailDate('Thu, 27 Jun 2002 21:01:29 (PDT time)')).toBe('2002-06-27T21:01:29+00:00');
    expect(parseMailDate('Thu, 27 Jun 2002 21:01:29 (+0200)')).toBe('2002-06-27T21:01:29+00:00');
  });

  it('strips every trailing comment and keeps the zone of the last one that names a zone', () => {
    expect(parseMailDate('Thu, 27 Jun 2002 21:01:29 (PDT) (via a relay)')).toBe('2002-06-27T21:01:29-07:00');
  });
});

describe('zoneOffset: numeric zones', () => {
  it('takes minutes up to 59 and offsets up to 14 hours, either sign, with or without a colon', () => {
    expect(zoneOffset('+0259')).toBe(2 * 60 + 59);
    expect(zoneOffset('-14:00')).toBe(-14 * 60);
    expect(zoneOffset('+1400')).toBe(14 * 60);
  });
  it('refuses minutes of 60 and more, offsets past 14 hours, and text around the zone', () => {
    for (const zone of ['+0260', '+1401', '+1500', 'x+0200', '+0200x']) expect(zoneOffset(zone), zone).toBeNull();
  });
});
