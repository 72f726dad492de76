import { describe, expect, it } from 'vitest';
import { ADDRESS_PLACEHOLDER, findAddresses, redactAddresses } from '../../../src/lib/mail/redact.ts';

const H = ADDRESS_PLACEHOLDER;

describe('findAddresses', () => {
  it('finds bare, bracketed and mailto addresses with their wrappers', () => {
    const text = 'a jane@example.org, <bob@example.com> and mailto:kim@example.org?Subject=hi x';
    const found = findAddresses(text);
    expect(found.map((m) => m.token)).toEqual(['jane@example.org', 'bob@example.com', 'kim@example.org']);
    expect(found.map((m) => text.slice(m.start, m.end))).toEqual([
      'jane@example.org',
      '<bob@example.com>',
      'mailto:kim@example.org?Subject=hi',
    ]);
  });

  it('ignores @ without a local part or domain', () => {
    expect(findAddresses('@home, user@, a @ b, @@')).toEqual([]);
  });
});

describe('redactAddresses', () => {
  it('hides every form of address and keeps the names', () => {
    const text = 'Jane Doe <jane.doe+lkml@mail.example.org> wrote to bob@example.com (see mailto:kim@example.org).';
    expect(redactAddresses(text)).toBe(`Jane Doe ${H} wrote to ${H} (see ${H}).`);
  });

  it('keeps tokens the caller knows, such as Message-IDs', () => {
    const known = new Set(['Pine.LNX.4.44.0206271943340.1-100000@host.example.org']);
    const text = 'In article <Pine.LNX.4.44.0206271943340.1-100000@host.example.org> you (<x@example.org>) wrote:';
    expect(redactAddresses(text, (t) => known.has(t))).toBe(
      `In article <Pine.LNX.4.44.0206271943340.1-100000@host.example.org> you (${H}) wrote:`,
    );
    expect(redactAddresses(text)).toBe(`In article ${H} you (${H}) wrote:`);
  });

  it('takes letters outside the Basic Multilingual Plane (two UTF-16 units each) on either side of the @', () => {
    expect(redactAddresses('mail 𝐣𝐚𝐧𝐞@example.org, jane@𝐞xample.org and 𠀀@例子.example.')).toBe(`mail ${H}, ${H} and ${H}.`);
    // An emoji is no letter: it stays outside the address on either side.
    expect(redactAddresses('x@example.org😀 and 😀y@example.org')).toBe(`${H}😀 and 😀${H}`);
  });

  it('takes letters of any script, hyphenated labels and + tags, so no part of an address is left readable', () => {
    expect(redactAddresses('jürgen@bücher.example, 李雷@例子.example and jane+lkml@mail.example-site.example.')).toBe(
      `${H}, ${H} and ${H}.`,
    );
    expect(redactAddresses('Signed-off-by: Renée Doe <renée@xn--bcher-kva.example>')).toBe(`Signed-off-by: Renée Doe ${H}`);
  });

  it('drops trailing punctuation from the address and leaves text without addresses alone', () => {
    expect(redactAddresses('ask jane@example.org.')).toBe(`ask ${H}.`);
    const plain = 'In article <> you wrote: 1.4 Gbit @ 0.9';
    expect(redactAddresses(plain)).toBe(plain);
  });

  it('handles long hostile runs (linear scan, no regex backtracking)', () => {
    const hostile = `${'a'.repeat(200_000)}@${'b.'.repeat(100_000)}`;
    expect(redactAddresses(hostile)).toBe(`${H}.`);
    expect(findAddresses('.@-'.repeat(100_000))).toEqual([]);
  });
});

describe('redactAddresses after dots', () => {
  it('keeps dots in front of an address out of it', () => {
    expect(redactAddresses('Write to ..pat@example.org now')).toBe(`Write to ..${ADDRESS_PLACEHOLDER} now`);
  });
});
