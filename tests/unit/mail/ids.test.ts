import { describe, expect, it } from 'vitest';
import { anchorOf, hash64, hypermailId, isDerivedId, normalizeId, quotedId, slugOf } from '../../../src/lib/mail/ids.ts';

describe('Message-ID slugs', () => {
  it('keep ordinary ids readable and unchanged', () => {
    const id = 'Pine.LNX.4.44.0206271943340.24818-100000@alvie-mail.lanl.gov';
    expect(slugOf(id)).toBe(id);
  });

  it('escape every unsafe character reversibly-looking and distinctly', () => {
    expect(slugOf('a/b@c')).toBe('a~2fb@c');
    expect(slugOf('a b$@c')).toBe('a~20b~24@c');
    expect(slugOf('ü@x')).toBe('~c3~bc@x');
    expect(slugOf('../x@y')).toMatch(/^~2e/);
    expect(slugOf('a/b@c')).not.toBe(slugOf('a?b@c'));
    expect(slugOf('<script>@x')).toMatch(/^[A-Za-z0-9._@~-]+$/);
  });

  it('cut very long ids to a bounded length that stays unique', () => {
    const a = `${'x'.repeat(300)}a@example.invalid`;
    const b = `${'x'.repeat(300)}b@example.invalid`;
    expect(slugOf(a).length).toBeLessThanOrEqual(120);
    expect(slugOf(a)).not.toBe(slugOf(b));
  });

  it('are the same on every run', () => {
    expect(slugOf('q r@s')).toBe(slugOf('q r@s'));
    expect(anchorOf('a@b')).toBe(anchorOf('a@b'));
    expect(anchorOf('a@b')).toMatch(/^m-[0-9a-f]{12}$/);
  });
});

describe('derived ids', () => {
  it('are stable, distinct and never look like an address', () => {
    expect(hash64('')).toBe('cbf29ce484222325');
    const h = hypermailId('A Person', '2002-06-27T22:01:29-05:00', 'Re: x');
    expect(h).toBe(hypermailId(' A  Person ', '2002-06-27T22:01:29-05:00', 'Re: x'));
    expect(h).not.toBe(hypermailId('A Person', '2002-06-27T22:01:30-05:00', 'Re: x'));
    expect(quotedId('m@x', 1)).not.toBe(quotedId('m@x', 2));
    for (const id of [h, quotedId('m@x', 1)]) {
      expect(id).not.toContain('@');
      expect(isDerivedId(id)).toBe(true);
    }
    expect(isDerivedId('real@example.invalid')).toBe(false);
  });
});

describe('normalizeId', () => {
  it('takes the id out of brackets and prose, and refuses junk', () => {
    expect(normalizeId('<a@b>')).toBe('a@b');
    expect(normalizeId("  <a@b> (Jane's message of today)")).toBe('a@b');
    expect(normalizeId('a@b')).toBe('a@b');
    expect(normalizeId('Jane Doe\'s message of "28 Jun 2002"')).toBeNull();
    expect(normalizeId('')).toBeNull();
    expect(normalizeId(null)).toBeNull();
  });
});

describe('ids from headers and pages', () => {
  it('reads a bare id with spaces around it', () => {
    expect(normalizeId('  part.1@host.example.org \n')).toBe('part.1@host.example.org');
  });
  it('gives a page the same id whatever the whitespace of its body, and another id for another body', () => {
    const a = hypermailId('Pat Writer', '', 'ring sizes', 'The ring holds\n  256 descriptors.');
    expect(hypermailId('Pat Writer', '', 'ring sizes', '  The ring holds 256\tdescriptors.  ')).toBe(a);
    expect(hypermailId('Pat Writer', '', 'ring sizes', 'The ring holds 512 descriptors.')).not.toBe(a);
    expect(hypermailId('Pat Writer', '', 'ring sizes')).not.toBe(a);
  });
  it('reads only the first 200 characters of a body', () => {
    const start = 'x'.repeat(200);
    expect(hypermailId('Pat Writer', '', 's', `${start}tail one`)).toBe(hypermailId('Pat Writer', '', 's', `${start}tail two`));
  });
});
