import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { prefixIds } from '../../../src/lib/charts/render.ts';
import { presetById, presetValues } from '../../../src/lib/model/index.ts';
import {
  inlineScript,
  offlineCsp,
  stepFigures,
  talkFileHtml,
  talkFileName,
  talkHtml,
  templateParts,
  type TalkFileParts,
} from '../../../src/lib/talk/offline.ts';
import { emptyTalk, makeStep, parseTalk, type Talk } from '../../../src/lib/talk/talk.ts';
import { blankDocument, htmlDocument } from '../../support/dom.ts';

const SITE = 'https://slowest.example/sub/';
const quadrics = presetValues(presetById('quadrics-2002')!);

/** A talk of three steps: two on one model figure (one changed from its preset), one on published numbers. */
const talk: Talk = {
  title: 'Zero-copy, </title><script>alert(1)</script> in three steps',
  steps: [
    makeStep('slowest-side', quadrics, {
      origin: 'quadrics-2002',
      caption: 'The receiver </script> sets the pace.',
      notes: 'Fit A & notes',
    }),
    makeStep('slowest-side', { ...quadrics, rtt: 1000 }, { origin: 'quadrics-2002' }),
    makeStep('measurements', quadrics, { caption: 'Every published rate.' }),
  ],
};

/** What the build passes in: a policy and a script (a stand-in for the bundle). */
const parts: TalkFileParts = { csp: offlineCsp('abc+/='), script: inlineScript('window.ran = "</script>";') };

/** The policy as directive → sources. */
const directives = (csp: string): Map<string, string[]> =>
  new Map(
    csp.split(';').map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/);
      return [name!, sources];
    }),
  );

describe('the talk file’s policy', () => {
  it('allows nothing from anywhere but its one script, by hash, and inline styles and data: or blob: images', () => {
    const policy = directives(offlineCsp('k1Zr+/9='));
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'sha256-k1Zr+/9='"]);
    expect(policy.get('style-src')).toEqual(["'unsafe-inline'"]);
    expect(policy.get('img-src')).toEqual(['data:', 'blob:']);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    // No host, scheme or wildcard anywhere that could load from the network.
    for (const [name, sources] of policy) for (const s of sources) expect(s, name).not.toMatch(/^(?:\*|https?:|'self'|[\w-]+\.[\w.-]+)/);
    expect([...policy.keys()]).not.toContain('connect-src');
  });
});

describe('an inline script', () => {
  it('has no </script or <!-- left, and runs to the same result', () => {
    const js = 'globalThis.out = ["</script>", "</SCRIPT >", /<\\/script>/.source, `<!-- ${"x"} </Script`, "a<!--b"];';
    const safe = inlineScript(js);
    expect(safe).not.toMatch(/<\/script|<!--/i);
    expect(runInNewContext(`${safe}; out`)).toEqual(runInNewContext(`${js}; out`));
  });
});

describe('a talk’s file name', () => {
  it('is its title as a slug', () => {
    expect(talkFileName('Zero-copy: twenty years later!')).toBe('zero-copy-twenty-years-later.html');
    expect(talkFileName('Été à Paris, 2002')).toBe('ete-a-paris-2002.html');
    expect(talkFileName('../../etc/passwd')).toBe('etc-passwd.html');
  });

  it('falls back to "talk" and stays short, without a dash at the end', () => {
    expect(talkFileName('')).toBe('talk.html');
    expect(talkFileName('日本語 ☃')).toBe('talk.html');
    const long = talkFileName(`${'word '.repeat(30)}end`);
    expect(long.length).toBeLessThanOrEqual(65);
    expect(long).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*\.html$/);
  });
});

describe('the talk file', () => {
  const doc = blankDocument();
  const steps = stepFigures(talk, doc, SITE);
  const html = talkHtml(talk, steps, parts);
  const page = htmlDocument(html);

  it('carries the talk as JSON that reads back as the talk, and one script: the one its policy names', () => {
    const data = page.querySelector('script#talk[type="application/json"]');
    expect(parseTalk(data?.textContent ?? '')).toEqual({ talk, problems: [] });
    const code = [...page.querySelectorAll('script')].filter((s) => !s.hasAttribute('type'));
    expect(code.map((s) => s.textContent)).toEqual([parts.script]);
    expect(page.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe(parts.csp);
  });

  it('keeps a hostile title and caption as text', () => {
    expect(page.querySelector('title')?.textContent).toBe(`${talk.title} · talk · Slowest Side`);
    expect(page.querySelector('h1')?.textContent).toBe(talk.title);
    expect(page.querySelectorAll('script')).toHaveLength(2);
    expect(page.querySelector('#step-1 figcaption')?.textContent).toBe(talk.steps[0]!.caption);
  });

  it('draws every step with its caption and says which step it is, for reading with scripts off', () => {
    const items = [...page.querySelectorAll('ol.steps > li')];
    expect(items.map((li) => li.querySelector('h2')?.textContent)).toEqual([
      'Step 1 of 3: The slowest side',
      'Step 2 of 3: The slowest side',
      'Step 3 of 3: Published measurements and the model',
    ]);
    for (const li of items) expect(li.querySelector('.chart > svg[role="img"]')).not.toBeNull();
    // A step without a caption of its own shows its figure's, and the model's numbers change with the state.
    expect(items[1]!.querySelector('figcaption')?.textContent).toBe(steps[1]!.figureCaption);
    expect(steps[1]!.figureCaption).not.toBe(steps[0]!.figureCaption);
    expect(items[0]!.querySelector('.shows')?.textContent).toBe(`The figure shows: ${steps[0]!.figureCaption}`);
    expect(items[0]!.querySelector('details p')?.textContent).toBe('Fit A & notes');
    expect(items[1]!.querySelector('details')).toBeNull();
  });

  it('repeats no id, though it draws one figure twice', () => {
    const ids = [...page.querySelectorAll('[id]')].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('links each step’s state on the site', () => {
    const links = [...page.querySelectorAll('ol.steps .source a')].map((a) => a.getAttribute('href'));
    expect(links[0]).toBe(`${SITE}articles/copy-vs-zero-copy/?preset=quadrics-2002#fig-slowest-side`);
    expect(links[1]).toMatch(/^https:\/\/slowest\.example\/sub\/articles\/copy-vs-zero-copy\/\?.*rtt=1000.*#fig-slowest-side$/);
    expect(links[2]).toBe(`${SITE}articles/zero-copy-twenty-years-later/#fig-measurements`);
  });

  it('without steps is the template: it says it holds no talk yet', () => {
    const empty = htmlDocument(talkHtml(emptyTalk(), [], parts));
    expect(empty.querySelectorAll('ol.steps > li')).toHaveLength(0);
    expect(empty.querySelector('.meta')?.textContent).toContain('holds no talk yet');
  });
});

describe('prefixIds', () => {
  it('prefixes every id in a drawing and every reference to one, and leaves other references alone', () => {
    const svg = htmlDocument(
      '<svg><defs><clipPath id="c1"></clipPath></defs><g clip-path="url(#c1)"><use href="#c1"></use><a href="#elsewhere"></a></g></svg>',
    ).querySelector('svg')!;
    prefixIds(svg, 'step-2-');
    expect(svg.querySelector('clipPath')?.id).toBe('step-2-c1');
    expect(svg.querySelector('g')?.getAttribute('clip-path')).toBe('url(#step-2-c1)');
    expect(svg.querySelector('use')?.getAttribute('href')).toBe('#step-2-c1');
    expect(svg.querySelector('a')?.getAttribute('href')).toBe('#elsewhere');
  });
});

describe('a talk file made from the template', () => {
  const template = talkHtml(emptyTalk(), [], parts);

  it('reads the template’s policy and script back as given', () => {
    expect(templateParts(template)).toEqual(parts);
    expect(templateParts('<!DOCTYPE html><html lang="en"><title>x</title></html>')).toBeUndefined();
  });

  it('is the file the build writes for the same talk', () => {
    const doc = blankDocument();
    expect(talkFileHtml(template, talk, doc, SITE)).toBe(talkHtml(talk, stepFigures(talk, blankDocument(), SITE), parts));
    // Any talk file serves as the template: its own talk is replaced.
    const other = talkHtml(talk, stepFigures(talk, doc, SITE), parts);
    const one: Talk = { title: 'One step', steps: [talk.steps[2]!] };
    expect(talkFileHtml(other, one, doc, SITE)).toBe(talkHtml(one, stepFigures(one, doc, SITE), parts));
    expect(talkFileHtml('<p>not a talk file</p>', talk, doc, SITE)).toBeUndefined();
  });
});
