/**
 * The Markdown pipeline's kernel links: inline code naming a kernel symbol (`netif_rx()`) becomes
 * a link to its line in a 2.4 tree, the code element kept inside the link. Runs on articles (MDX)
 * and notes (Markdown) alike, as an mdast plugin of the Sätteri processor (astro.config.mjs).
 */
import type { Code, InlineCode, Link, Paragraph, Parents, PhrasingContent } from 'mdast';
import type { MdastPluginDefinition } from 'satteri';
import { type KernelRef, KERNEL_REFS, kernelRefTitle, kernelRefUrl, listingRefKeys, lookupKernelRef } from './kernel-refs.ts';

/** Class on every kernel link, for styling and for tests. */
export const KERNEL_REF_CLASS = 'kernel-ref';

/** Ancestors under which code stays as written: a link cannot hold a link, and headings stay plain. */
const KEEP_PLAIN = new Set(['link', 'linkReference', 'heading', 'definition']);

/**
 * The link node for inline code `value` whose ancestors (nearest first) have the given types, or
 * undefined when it names no known symbol or sits where a link does not belong.
 */
export function kernelLinkFor(
  value: string,
  ancestorTypes: readonly string[],
  table: Readonly<Record<string, KernelRef>> = KERNEL_REFS,
): Link | undefined {
  if (ancestorTypes.some((t) => KEEP_PLAIN.has(t))) return undefined;
  const ref = lookupKernelRef(value, table);
  if (!ref) return undefined;
  const code: InlineCode = { type: 'inlineCode', value };
  return {
    type: 'link',
    url: kernelRefUrl(ref),
    title: kernelRefTitle(ref),
    data: { hProperties: { className: [KERNEL_REF_CLASS] } },
    children: [code],
  };
}

/** Class on the line of source links under a code listing. */
export const LISTING_SOURCES_CLASS = 'listing-sources';

/**
 * The paragraph that follows a plain-text code listing: each kernel name the listing shows,
 * linked to its line, so the names in a listing are one click from the source too. Undefined
 * for a listing that names none, or for code in another language (shell, TypeScript).
 */
export function listingSources(
  code: Pick<Code, 'lang' | 'value'>,
  table: Readonly<Record<string, KernelRef>> = KERNEL_REFS,
): Paragraph | undefined {
  if (code.lang !== 'text') return undefined;
  const keys = listingRefKeys(code.value, table);
  if (keys.length === 0) return undefined;
  const versions = [...new Set(keys.map((k) => table[k]?.version))];
  const children: PhrasingContent[] = [{ type: 'text', value: `In the source (Linux ${versions.join(', ')}): ` }];
  keys.forEach((k, i) => {
    const link = kernelLinkFor(k, [], table);
    if (!link) return;
    if (i > 0) children.push({ type: 'text', value: ', ' });
    children.push(link);
  });
  children.push({ type: 'text', value: '.' });
  // Sätteri renders data.hProperties as attributes; mdast's own typings do not list it for paragraphs.
  const data = { hProperties: { className: [LISTING_SOURCES_CLASS] } } as Paragraph['data'];
  return { type: 'paragraph', ...(data ? { data } : {}), children };
}

/** The plugin: register under `mdastPlugins` of `satteri()`. */
export const kernelLinks: MdastPluginDefinition = {
  name: 'kernel-links',
  code(node, ctx) {
    const sources = listingSources(node);
    if (sources) ctx.insertAfter(node, sources);
  },
  inlineCode(node, ctx) {
    const ancestors: string[] = [];
    for (let p: Readonly<Parents> | undefined = ctx.parent(node); p !== undefined; p = ctx.parent(p)) ancestors.push(p.type);
    const link = kernelLinkFor(node.value, ancestors);
    if (link) ctx.replaceNode(node, link);
  },
};
