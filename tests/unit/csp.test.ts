/**
 * The Content-Security-Policy read for what it says, not compared with itself: each directive
 * holds exactly the sources the site needs (src/lib/csp.ts says why), and nothing that would
 * let a page run script it did not ship. site-quality.spec.ts checks that every built page,
 * embeds included, carries this policy.
 */
import { describe, expect, it } from 'vitest';
import { CSP } from '../../src/lib/csp.ts';

/** The policy as directive → sources, in the order written; a repeated directive fails. */
function directives(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    expect(out.has(name.toLowerCase()), `${name} twice`).toBe(false);
    out.set(name.toLowerCase(), sources);
  }
  return out;
}

const policy = directives(CSP);
const sources = (name: string): string[] => policy.get(name) ?? [];
/** Sources that let any script run: anything inline, eval, every host or scheme, or a nonce or hash that would be a way in. */
const UNSAFE_SCRIPT = /^(?:'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|'strict-dynamic'|\*|https?:|data:|blob:|'nonce-.*'|'sha\d+-.*')$/i;

describe('the Content-Security-Policy', () => {
  it('has exactly the directives the site means to set', () => {
    expect([...policy.keys()]).toEqual([
      'default-src',
      'script-src',
      'style-src',
      'img-src',
      'font-src',
      'connect-src',
      'worker-src',
      'frame-src',
      'object-src',
      'base-uri',
      'form-action',
    ]);
  });

  it('runs only the site’s own script files: no inline script, eval or other host in script-src', () => {
    expect(sources('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(sources('script-src').filter((s) => UNSAFE_SCRIPT.test(s))).toEqual([]);
    // Without script-src of its own a page would fall back to default-src: that is 'self' only.
    expect(sources('default-src')).toEqual(["'self'"]);
  });

  it('allows no plugins, no other base URL and no form posting elsewhere', () => {
    expect(sources('object-src')).toEqual(["'none'"]);
    expect(sources('base-uri')).toEqual(["'self'"]);
    expect(sources('form-action')).toEqual(["'self'"]);
  });

  it('loads every other kind of resource from the site itself, plus data: and blob: where the site draws images', () => {
    expect(sources('style-src')).toEqual(["'self'", "'unsafe-inline'"]); // Astro's scoped styles, Plot's style attributes
    expect(sources('img-src')).toEqual(["'self'", 'data:', 'blob:']); // PNG exports are drawn from blobs
    expect(sources('font-src')).toEqual(["'self'"]);
    expect(sources('connect-src')).toEqual(["'self'"]);
    expect(sources('worker-src')).toEqual(["'self'", 'blob:']); // Pagefind's worker
    for (const [name, list] of policy) expect(list, name).not.toContain('*');
  });

  it('frames only the site’s own embeds, and leaves who may frame a page to nobody: embeds are meant for other sites', () => {
    // The example host page frames /embed/… of the same site, nothing else.
    expect(sources('frame-src')).toEqual(["'self'"]);
    // The policy travels in a <meta> element, where browsers ignore frame-ancestors (CSP 3,
    // §6.4.2); the one policy serves articles and embeds alike, and embeds must stay
    // frameable by any page that embeds them, so no frame-ancestors (or sandbox, which a meta
    // policy cannot carry either) is set here.
    expect(policy.has('frame-ancestors')).toBe(false);
    expect(policy.has('sandbox')).toBe(false);
    expect(policy.has('report-uri')).toBe(false);
  });
});
