// Edge cases of hypermail pages (text and HTML forms): mangled headers, odd authors, pages
// cut short, subjects from the wrong place. All fixtures are invented for these tests.
import { describe, expect, it } from 'vitest';
import { decodePage, looksLikeHypermail, parseHypermail } from '../../../src/lib/mail/hypermail.ts';
import { hypermailId } from '../../../src/lib/mail/ids.ts';
import { ParseError, UNKNOWN_SENDER } from '../../../src/lib/mail/parse.ts';

const DATE = 'Mon Jul 01 2002 - 10:00:00 EDT';
const ISO = '2002-07-01T10:00:00-04:00';

/** A text-form page: subject, blank line, the given header lines, blank line, body. */
const textPage = (head: string[], body = 'the body\n', subject = 'A subject') => `${subject}\n\n${head.join('\n')}\n\n${body}`;
const authorOf = (from: string) => parseHypermail(textPage([`From: ${from}`, `Date: ${DATE}`])).author;

/** An HTML-form page in the hypermail 2b29 shape; `parts` replace its pieces. */
function htmlPage(
  parts: { title?: string; h1?: string | null; comment?: string | null; head?: string; body?: string | null; tail?: string } = {},
): string {
  const title = parts.title ?? 'Example-List Archive: the title subject';
  const h1 = parts.h1 === undefined ? '<H1>the heading subject</H1>\n' : parts.h1 === null ? '' : `<H1>${parts.h1}</H1>\n`;
  const comment =
    parts.comment === undefined ? '<!-- subject="the comment subject" -->\n' : parts.comment === null ? '' : `${parts.comment}\n`;
  const head =
    parts.head ??
    `<STRONG>From:</STRONG> Ada Example (<A HREF="mailto:ada@example.org">ada@example.org</A>)<BR>\n<STRONG>Date:</STRONG> ${DATE}\n<P>\n`;
  const body = parts.body === null ? '' : `<!-- body="start" -->\n${parts.body ?? '<P>\nbody line<BR>\n'}<!-- body="end" -->\n`;
  const tail = parts.tail ?? '<HR>\n</BODY>\n</HTML>\n';
  return `<HTML>\n<HEAD>\n<TITLE>${title}</TITLE>\n</HEAD>\n<BODY>\n${h1}${comment}${head}${body}${tail}`;
}

describe('decodePage', () => {
  it('reads valid UTF-8 as UTF-8 and anything else as Windows-1252', () => {
    expect(decodePage(new TextEncoder().encode('Ren\u00e9 \u2014 na\u00efve'))).toBe('Ren\u00e9 \u2014 na\u00efve');
    expect(decodePage(Uint8Array.from([0x52, 0x65, 0x6e, 0xe9, 0x20, 0x96, 0x20, 0x93, 0x71, 0x94]))).toBe(
      'Ren\u00e9 \u2013 \u201cq\u201d',
    );
  });

  it('drops a UTF-8 byte order mark', () => {
    expect(decodePage(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41, 0x64, 0x61]))).toBe('Ada');
  });

  it('reads a Windows-1252 page into the author and subject', () => {
    const latin = Uint8Array.from([
      ...new TextEncoder().encode('Caf'),
      0xe9,
      ...new TextEncoder().encode(`\n\nFrom: Jos`),
      0xe9,
      ...new TextEncoder().encode(` Example (jose@example.net)\nDate: ${DATE}\n\nbody\n`),
    ]);
    const m = parseHypermail(latin);
    expect(m.subject).toBe('Caf\u00e9');
    expect(m.author).toBe('Jos\u00e9 Example');
    expect(m.raw).toBe(latin);
  });
});

describe('hypermail authors', () => {
  it('drops the parenthesised address or whatever the archive left there', () => {
    expect(authorOf('Ada Example (ada@example.org)')).toBe('Ada Example');
    expect(authorOf('Ada Example (Example Corp)')).toBe('Ada Example');
    expect(authorOf('Ada Example (Example Corp)   ')).toBe('Ada Example');
    expect(authorOf('Ada (AE) Example (ada@example.org)')).toBe('Ada (AE) Example');
    expect(authorOf('Ada (AE) Example (Example Corp)')).toBe('Ada (AE) Example');
  });

  it('keeps a name that has no parentheses, or whose last one is closed early', () => {
    expect(authorOf('Ada Example')).toBe('Ada Example');
    expect(authorOf('Ada Example (Example) Labs')).toBe('Ada Example (Example) Labs');
  });

  it('is "unknown sender" without a From line, and the page stays undated without a Date line', () => {
    const m = parseHypermail('A subject\n\nFrom: Ada Example (\n\nbody\n');
    expect(m).toMatchObject({ author: 'Ada Example', date: null, dateProblem: 'no Date line' });
    expect(m.messageId).toBe(hypermailId('Ada Example', '', 'A subject', 'body\n'));
    const n = parseHypermail(`A subject\n\nDate: ${DATE}\n\nbody\n`);
    expect(n).toMatchObject({ author: UNKNOWN_SENDER, date: ISO });
  });
});

describe('hypermail header lines', () => {
  it('reads From: and Date: with no space after the colon', () => {
    expect(parseHypermail(textPage(['From:Ada Example', `Date:${DATE}`]))).toMatchObject({ author: 'Ada Example', date: ISO });
  });

  it('keeps the first From and Date line and ignores fields that only end in From/Date', () => {
    const m = parseHypermail(
      textPage([
        'X-Original-From: Someone Else',
        'Resent-Date: Tue Jul 02 2002 - 11:00:00 EDT',
        'From: Ada Example',
        `Date: ${DATE}`,
        'From: Bob Example',
        'Date: Wed Jul 03 2002 - 12:00:00 EDT',
      ]),
    );
    expect(m).toMatchObject({ author: 'Ada Example', date: ISO });
  });

  it('reads only the first 2000 characters of a header line', () => {
    const m = parseHypermail(textPage(['From: Ada Example', `Date: ${DATE}${' '.repeat(2000)}junk`]));
    expect(m.date).toBe(ISO);
  });

  it('takes header lines only from the first twelve lines, never from the subject or the body', () => {
    const filler = Array.from({ length: 10 }, (_, i) => `X-Filler-${i}: x`);
    // Lines 0 and 1 are the subject and the blank line; the Date line is line 12.
    const late = parseHypermail(textPage(['From: Ada Example', ...filler.slice(1), `Date: ${DATE}`, 'X-More: y']));
    expect(late).toMatchObject({ author: 'Ada Example', date: null, dateProblem: 'no Date line' });
    const forwarded = parseHypermail(
      textPage(['From: Ada Example'], `---------- Forwarded message ----------\nFrom: Bob Example\nDate: ${DATE}\n\nhello\n`),
    );
    expect(forwarded).toMatchObject({ author: 'Ada Example', date: null });
    const subjectLike = parseHypermail(textPage(['From: Ada Example'], 'body\n', `Date: ${DATE}`));
    expect(subjectLike).toMatchObject({ subject: `Date: ${DATE}`, date: null });
  });

  it('reads a CRLF page subject without its CR', () => {
    const m = parseHypermail(`A subject\r\n\r\nFrom: Ada Example\r\nDate: ${DATE}\r\n\r\nbody\r\n`);
    expect(m.subject).toBe('A subject');
  });

  it('reads a lone CR inside the subject line as a space', () => {
    expect(parseHypermail(textPage(['From: A', `Date: ${DATE}`], 'b\n', 'Re: old\rMac mail')).subject).toBe('Re: old Mac mail');
  });

  it('collapses runs of whitespace in the subject', () => {
    expect(parseHypermail(textPage(['From: A', `Date: ${DATE}`], 'b\n', ' Re:  two\t\tspaces ')).subject).toBe('Re: two spaces');
  });

  it('keeps the input as raw bytes', () => {
    const text = textPage(['From: Ada Example', `Date: ${DATE}`]);
    expect(parseHypermail(text).raw).toEqual(new TextEncoder().encode(text));
  });

  it('throws a ParseError naming an empty page', () => {
    expect(() => parseHypermail(' \n\t\n')).toThrow(new ParseError('empty page'));
  });
});

describe('looksLikeHypermail, text form', () => {
  const head = ['From: Ada Example (ada@example.org)', `Date: ${DATE}`];

  it('accepts a page without the archive footer, a second line of spaces and extra header lines', () => {
    expect(looksLikeHypermail(textPage(head))).toBe(true);
    expect(looksLikeHypermail(`A subject\n   \n${head.join('\n')}\n\nbody\n`)).toBe(true);
    expect(looksLikeHypermail(textPage(['X-Note: hello', ...head]))).toBe(true);
  });

  it('needs a subject line, then a blank line', () => {
    expect(looksLikeHypermail(`\n\n${head.join('\n')}\n\nbody\n`)).toBe(false);
    expect(looksLikeHypermail(`   \n\n${head.join('\n')}\n\nbody\n`)).toBe(false);
    expect(looksLikeHypermail(`A subject\nMore subject\n${head.join('\n')}\n\nbody\n`)).toBe(false);
  });

  it('needs both a From and a parseable Date line', () => {
    expect(looksLikeHypermail(textPage([head[0] ?? '']))).toBe(false);
    expect(looksLikeHypermail(textPage([head[1] ?? '']))).toBe(false);
    expect(looksLikeHypermail(textPage([head[0] ?? '', 'Date: sometime in July']))).toBe(false);
    expect(looksLikeHypermail(textPage([head[1] ?? ''], 'body\n', 'From: the subject line'))).toBe(false);
  });

  it('looks at the first twelve lines and 8 KiB only', () => {
    const filler = Array.from({ length: 10 }, (_, i) => `X-Filler-${i}: x`);
    expect(looksLikeHypermail(textPage([head[0] ?? '', ...filler, head[1] ?? '']))).toBe(false);
    expect(looksLikeHypermail(textPage([head[0] ?? '', `X-Long: ${'x'.repeat(8200)}`, head[1] ?? '']))).toBe(false);
  });

  it('is not fooled by markup inside a text page', () => {
    expect(looksLikeHypermail(textPage(head, 'body\n', 'Re: mail as <html> is evil'))).toBe(true);
    expect(parseHypermail(textPage(head, 'body\n', 'Re: mail as <html> is evil')).sourceFormat).toBe('hypermail-text');
    expect(looksLikeHypermail(`${' '.repeat(600)}<html><!-- body="start" --></html>`)).toBe(false);
  });
});

describe('looksLikeHypermail, HTML form', () => {
  it('accepts the body markers or the generator footer alone', () => {
    expect(looksLikeHypermail(htmlPage({ tail: '</BODY></HTML>\n' }))).toBe(true);
    const footer = '<P>This archive was generated by <A HREF="http://www.example.org/hypermail/">hypermail 2b29</A></P></BODY></HTML>';
    expect(looksLikeHypermail(htmlPage({ body: null, tail: footer }))).toBe(true);
    expect(looksLikeHypermail(htmlPage({ body: null }))).toBe(false);
  });

  it('sees HTML after leading blank lines', () => {
    expect(looksLikeHypermail(`\n  \n${htmlPage()}`)).toBe(true);
    expect(parseHypermail(`\n  \n${htmlPage()}`).sourceFormat).toBe('hypermail-html');
  });
});

describe('hypermail HTML subjects', () => {
  it('come from <h1>, not the title or the subject comment', () => {
    expect(parseHypermail(htmlPage({ h1: 'Re: fast &amp; loose' })).subject).toBe('Re: fast & loose');
    const nav = htmlPage().replace('<BODY>\n', '<BODY>\n<P>[ Date Index ]</P>\n');
    expect(parseHypermail(nav).subject).toBe('the heading subject');
  });

  it('ignore a stray </h1> without its opening tag', () => {
    const stray = htmlPage({ h1: null }).replace('<BODY>\n', '<BODY>\n<H2>Archive heading</H1>\n');
    expect(parseHypermail(stray).subject).toBe('the comment subject');
  });

  it('come from the subject comment without <h1>, else from the title, else are empty', () => {
    expect(parseHypermail(htmlPage({ h1: null, comment: '<!-- subject="Re: fast &amp; loose" -->' })).subject).toBe('Re: fast & loose');
    expect(parseHypermail(htmlPage({ h1: null, comment: null, title: 'Archive: Re: t&amp;t' })).subject).toBe('Archive: Re: t&t');
    const bare = htmlPage({ h1: null, comment: null }).replace(/<TITLE>.*<\/TITLE>\n/, '');
    expect(parseHypermail(bare).subject).toBe('');
  });
});

describe('hypermail HTML headers and bodies', () => {
  it('reads From and Date after the heading, even when the heading starts with "From:"', () => {
    const m = parseHypermail(htmlPage({ h1: 'From: lines in mbox files' }));
    expect(m).toMatchObject({ subject: 'From: lines in mbox files', author: 'Ada Example', date: ISO });
  });

  it('reads From and Date without a heading', () => {
    expect(parseHypermail(htmlPage({ h1: null }))).toMatchObject({ author: 'Ada Example', date: ISO, body: 'body line\n' });
  });

  it('reads no header lines from the body', () => {
    const m = parseHypermail(
      htmlPage({
        head: '<STRONG>From:</STRONG> Ada Example<BR>\n',
        body: `<P>Forwarded:<BR>\nFrom: Bob Example<BR>\nDate: ${DATE}<BR>\n`,
      }),
    );
    expect(m).toMatchObject({ author: 'Ada Example', date: null, dateProblem: 'no Date line' });
    expect(m.body).toBe(`Forwarded:\nFrom: Bob Example\nDate: ${DATE}\n`);
  });

  it('keeps the whole body when the end marker is missing', () => {
    const cut = `${htmlPage({ body: null, tail: '' })}<!-- body="start" -->\n<P>first line<BR>\nlast word`;
    expect(parseHypermail(cut).body).toBe('first line\nlast word\n');
  });

  it('takes the lines after the Date line as the body when there are no markers', () => {
    const page = htmlPage({
      body: null,
      head:
        '<UL><LI>Previous message: Bob Example: "Re: bad Date: headers"</UL>\n' +
        `<STRONG>From:</STRONG> Ada Example<BR>\n<STRONG>Date:</STRONG> ${DATE}<BR>\n<P>\nfirst line<BR>\nsecond line<BR>\n`,
      tail: '<P>\nlast word',
    });
    expect(parseHypermail(page)).toMatchObject({ author: 'Ada Example', date: ISO, body: 'first line\nsecond line\n\nlast word\n' });
  });
});
