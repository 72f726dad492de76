import { describe, expect, it } from 'vitest';
import {
  credits,
  gatewayPrefixes,
  isReplySubject,
  isThreadableId,
  nameTokens,
  normaliseInReplyTo,
  normaliseSubject,
  parseMailDate,
  personKey,
  rewritableLocalPart,
} from '../../../src/lib/mail/headers.ts';

describe('normaliseSubject / isReplySubject', () => {
  it('strips repeated reply, forward and list prefixes and folds case and spaces', () => {
    expect(normaliseSubject('Re: [widget-list] RE:  Fwd: Slow   Frobnication')).toBe('slow frobnication');
    expect(normaliseSubject('Re[2]: Re^3: AW: sv: frob')).toBe('frob');
    expect(normaliseSubject('Slow frobnication')).toBe('slow frobnication');
    expect(normaliseSubject('Re:')).toBe('');
  });

  it('keeps words that merely begin like a prefix', () => {
    expect(normaliseSubject('Reading the frob')).toBe('reading the frob');
    expect(normaliseSubject('Fwdable frobs')).toBe('fwdable frobs');
  });

  it('tells replies from originals and forwards', () => {
    expect(isReplySubject('Re: frob')).toBe(true);
    expect(isReplySubject('[widget-list] Re: frob')).toBe(true);
    expect(isReplySubject('Fwd: frob')).toBe(false);
    expect(isReplySubject('frob Re: later')).toBe(false);
    expect(isReplySubject('Regarding frob')).toBe(false);
  });
});

describe('names', () => {
  it('folds "Last, First", initials, quotes, accents and addresses', () => {
    expect(nameTokens('"Doe, Jane Q."')).toEqual(['jane', 'doe']);
    expect(nameTokens('Zoë Müller <zm@example.test>')).toEqual(['zoe', 'muller']);
    expect(personKey('Doe, Jane')).toBe('jane doe');
    expect(personKey('Jane Q. Doe')).toBe('jane doe');
    expect(personKey('JANE DOE')).toBe('jane doe');
    expect(personKey('Jane Roe')).not.toBe(personKey('Jane Doe'));
    expect(personKey('')).toBe('');
  });

  it('credits an author when every credited word is in the name', () => {
    expect(credits('Bertram', 'Bertram Quux')).toBe(true);
    expect(credits('quux', 'Bertram Quux')).toBe(true);
    expect(credits('Bertram Quux', 'Quux, Bertram')).toBe(true);
    expect(credits('Bertram Zed', 'Bertram Quux')).toBe(false);
    expect(credits('', 'Bertram Quux')).toBe(false);
  });
});

describe('parseMailDate', () => {
  const at = Date.UTC(2002, 5, 27, 22, 35, 31);

  it('reads RFC 5322 dates with numeric offsets, zone names, weekdays or none', () => {
    expect(parseMailDate('28 Jun 2002 00:35:31 +0200')).toBe(at);
    expect(parseMailDate('Thu, 27 Jun 2002 15:35:31 -0700 (PDT)')).toBe(at);
    expect(parseMailDate('Thu, 27 Jun 2002 18:35:31 EDT')).toBe(at);
    expect(parseMailDate('"27 Jun 02 22:35:31 GMT"')).toBe(at);
    expect(parseMailDate('27 Jun 2002 22:35 +0000')).toBe(at - 31_000);
  });

  it('reads ISO 8601 with an offset', () => {
    expect(parseMailDate('2002-06-27T17:35:31-05:00')).toBe(at);
    expect(parseMailDate('2002-06-27T22:35:31Z')).toBe(at);
  });

  it('refuses text that is not an instant', () => {
    expect(parseMailDate('27 Jun 2002')).toBeNull();
    expect(parseMailDate('27 Jun 2002 22:35:31')).toBeNull();
    expect(parseMailDate('27 Jun 2002 22:35:31 XYZT')).toBeNull();
    expect(parseMailDate('27 Foo 2002 22:35:31 +0000')).toBeNull();
    expect(parseMailDate('2002-06-27T22:35:31')).toBeNull();
    expect(parseMailDate(null)).toBeNull();
  });
});

describe('normaliseInReplyTo', () => {
  it('takes a bracketed or bare id', () => {
    expect(normaliseInReplyTo('<one.1@alpha.test>')).toEqual({ id: 'one.1@alpha.test', named: null });
    expect(normaliseInReplyTo('  one.1@alpha.test ')).toEqual({ id: 'one.1@alpha.test', named: null });
  });

  it('takes the id before prose and reads the prose too', () => {
    expect(normaliseInReplyTo('<one.1@alpha.test> (Jane Doe\'s message of "Fri, 28 Jun 2002 00:35:31 +0200")')).toEqual({
      id: 'one.1@alpha.test',
      named: { who: 'Jane Doe', date: 'Fri, 28 Jun 2002 00:35:31 +0200' },
    });
  });

  it('reads free text naming author and date, ignoring an address in it', () => {
    expect(normaliseInReplyTo('Jane Doe\'s message of "28 Jun 2002 00:35:31 +0200"')).toEqual({
      id: null,
      named: { who: 'Jane Doe', date: '28 Jun 2002 00:35:31 +0200' },
    });
    expect(normaliseInReplyTo('"Doe, Jane" <jd@alpha.test>\'s message of\n\t28 Jun 2002 00:35:31 +0200')).toEqual({
      id: null,
      named: { who: 'Doe, Jane', date: '28 Jun 2002 00:35:31 +0200' },
    });
  });

  it('gives nothing for empty or unusable values', () => {
    expect(normaliseInReplyTo(undefined)).toEqual({ id: null, named: null });
    expect(normaliseInReplyTo('your note of last week')).toEqual({ id: null, named: null });
    expect(normaliseInReplyTo('nonsense')).toEqual({ id: null, named: null });
    expect(normaliseInReplyTo('<yes>')).toEqual({ id: null, named: null });
    expect(normaliseInReplyTo('see <yes>')).toEqual({ id: null, named: null });
  });

  it('reads the prose after a leading token that is not an id', () => {
    expect(normaliseInReplyTo('<> (Jane Doe\'s message of "28 Jun 2002 00:35:31 +0200")')).toEqual({
      id: null,
      named: { who: 'Jane Doe', date: '28 Jun 2002 00:35:31 +0200' },
    });
  });
});

describe('isThreadableId', () => {
  it('accepts local@domain and the ids the archive derives', () => {
    for (const id of ['a@b', '20020628.1234.abc@host.example.org', 'E17NgVM-0001l3-00@sites.inka.de', '"odd@local"@host']) {
      expect(isThreadableId(id), id).toBe(true);
    }
    for (const id of ['quoted.0123456789abcdef', 'hypermail.0123456789abcdef', 'nomsgid.0123456789abcdef']) {
      expect(isThreadableId(id), id).toBe(true);
    }
  });

  it('rejects junk', () => {
    for (const id of ['yes', '', '<>', '<yes>', '@', 'x@', '@x', 'a b@c', 'a@b c', 'a@b\n', 'a\u0000@b', 'quoted. x']) {
      expect(isThreadableId(id), JSON.stringify(id)).toBe(false);
    }
  });
});

describe('rewritableLocalPart', () => {
  it('gives the local part of ids mailers generate', () => {
    expect(rewritableLocalPart('20020628.1234.abc@host.example.org')).toBe('20020628.1234.abc');
    expect(rewritableLocalPart('Pine.LNX.4.44.0206271943340.24818-100000@alvie-mail.lanl.gov')).toBe(
      'Pine.LNX.4.44.0206271943340.24818-100000',
    );
    expect(rewritableLocalPart('E17NgVM-0001l3-00@sites.inka.de')).toBe('E17NgVM-0001l3-00');
    expect(rewritableLocalPart('000a01c21e2b$5e8d2f40$0200a8c0@home')).toBe('000a01c21e2b$5e8d2f40$0200a8c0');
  });

  it('gives null for short, digit-poor or unseparated local parts', () => {
    for (const id of [
      '1@a',
      'abc.123@host',
      'jane.doe@example.org',
      'abcdefghijkl.mnop@x',
      '200206281234567@x',
      'x.1.2.3@host',
      'hypermail.0123456789abcdef',
      'bug-123456-4@http.tracker.example/bugzilla/',
    ]) {
      expect(rewritableLocalPart(id), id).toBeNull();
    }
  });
});

describe('gatewayPrefixes', () => {
  it('cuts the domain at each dot, longest first', () => {
    expect(gatewayPrefixes('x.7@host.example.lists.linux.kernel')).toEqual([
      'x.7@host.example.lists.linux',
      'x.7@host.example.lists',
      'x.7@host.example',
      'x.7@host',
    ]);
  });

  it('never cuts the local part or leaves an empty domain', () => {
    expect(gatewayPrefixes('a.b.c@host')).toEqual([]);
    expect(gatewayPrefixes('hypermail.abc')).toEqual([]);
  });
});

describe('edges of subjects, names and In-Reply-To prose', () => {
  it('drops white space at the end of a subject key', () => {
    expect(normaliseSubject('Zero-Copy  ')).toBe('zero-copy');
  });

  it('drops comments of several characters and keeps words apart where an address stood', () => {
    expect(nameTokens('Jane Doe (Example Corp)')).toEqual(['jane', 'doe']);
    expect(nameTokens('Jane<jane@example.org>Doe')).toEqual(['jane', 'doe']);
  });

  it('keys a one-word name by that word once', () => {
    expect(personKey('Jane')).toBe('jane');
  });

  it('keeps words apart in the prose name, and trims the quoted date', () => {
    expect(normaliseInReplyTo('Jane<jd@example.org>Doe\'s message of "28 Jun 2002 00:35:31 +0200"').named?.who).toBe('Jane Doe');
    expect(normaliseInReplyTo('Jane "Q" Doe\'s message of "28 Jun 2002"').named?.who).toBe('Jane Q Doe');
    expect(normaliseInReplyTo('Jane Doe\'s message of " 28 Jun 2002 00:35:31 +0200 "').named?.date).toBe('28 Jun 2002 00:35:31 +0200');
  });

  it('takes the whole prose as the date when it does not start with a quote', () => {
    expect(normaliseInReplyTo('Jane Doe\'s message of 28 Jun 2002 "draft"').named?.date).toBe('28 Jun 2002 "draft"');
  });

  it('names nobody when the prose has no name or no date', () => {
    expect(normaliseInReplyTo('\'s message of "28 Jun 2002 00:35:31 +0200"').named).toBeNull();
    expect(normaliseInReplyTo('Jane Doe\'s message of ""').named).toBeNull();
  });
});

describe('edges of dates, In-Reply-To parentheses and rewritable ids', () => {
  it('reads an ISO date with blanks around it', () => {
    expect(parseMailDate(' 2002-06-28T00:35:31+02:00 ')).toBe(Date.parse('2002-06-27T22:35:31Z'));
  });

  it('reads an id and its prose after leading blanks', () => {
    expect(normaliseInReplyTo(' <a.1@example.org> (Jane Doe\'s message of "28 Jun 2002")')).toEqual({
      id: 'a.1@example.org',
      named: { who: 'Jane Doe', date: '28 Jun 2002' },
    });
  });

  it('drops only the parentheses around the whole prose, not ones inside it', () => {
    expect(normaliseInReplyTo("<a.1@example.org> (Jane Doe's message of Fri, 28 Jun 2002 00:35:31 -0700)").named?.date).toBe(
      'Fri, 28 Jun 2002 00:35:31 -0700',
    );
    expect(normaliseInReplyTo('<a.1@example.org> (Jane Doe\'s message of "Fri, 28 Jun 2002 00:35:31 -0700 (PDT)")').named?.date).toBe(
      'Fri, 28 Jun 2002 00:35:31 -0700 (PDT)',
    );
    expect(normaliseInReplyTo('Jane Doe (JD)\'s message of "28 Jun 2002"').named?.who).toBe('Jane Doe (JD)');
  });

  it('asks at least 12 characters of the local part, counting 0 and 9 as digits', () => {
    expect(rewritableLocalPart('1.2.3.4@host.example')).toBeNull();
    expect(rewritableLocalPart('2002.06.28ab@host.example')).toBe('2002.06.28ab');
    expect(rewritableLocalPart('2000.abcdefgh@host.example')).toBe('2000.abcdefgh');
    expect(rewritableLocalPart('1999.abcdefgh@host.example')).toBe('1999.abcdefgh');
  });

  it('asks a separator, and a host name with nothing before it', () => {
    expect(rewritableLocalPart('abcdefgh12345@host.example')).toBeNull();
    expect(rewritableLocalPart('20020628.1234.abc@tracker/host.example')).toBeNull();
  });

  it('does not cut a domain at a dot right after the @', () => {
    expect(gatewayPrefixes('a@.example')).toEqual([]);
  });
});
