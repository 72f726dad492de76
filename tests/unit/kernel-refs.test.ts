import { readdirSync, readFileSync } from 'node:fs';
import {
  type MarkdownToHtmlResult,
  type MdastNode,
  type MdxToJsResult,
  markdownToHtml,
  markdownToMdast,
  mdxToJs,
  mdxToMdast,
} from 'satteri';
import { describe, expect, it } from 'vitest';
import { KERNEL_REF_CLASS, kernelLinkFor, kernelLinks } from '../../src/lib/kernel-links.ts';
import {
  checkKernelRefs,
  KERNEL_REFS,
  KERNEL_TREES,
  kernelRefKeys,
  kernelRefTitle,
  kernelRefUrl,
  lineNamesSymbol,
  listingRefKeys,
  looksLikeKernelIdentifier,
  lookupKernelRef,
  NOT_KERNEL,
  notKernelReason,
  symbolNeedle,
} from '../../src/lib/kernel-refs.ts';
import { root } from '../support/shipped.ts';

describe('lookupKernelRef', () => {
  it('finds a function written with or without parentheses, or called with arguments', () => {
    const ref = lookupKernelRef('netif_rx()');
    expect(ref?.file).toBe('net/core/dev.c');
    expect(ref?.line).toBe(1113);
    expect(ref?.kind).toBe('function');
    expect(lookupKernelRef('tcp_prequeue')?.file).toBe('include/net/tcp.h');
    expect(lookupKernelRef('tcp_copy_to_iovec(sk, skb, hlen)')).toBe(KERNEL_REFS['tcp_copy_to_iovec()']);
  });

  it('finds constants, fields and sysctls, and says which tree each comes from', () => {
    expect(lookupKernelRef('skb->ip_summed')?.kind).toBe('field');
    expect(lookupKernelRef('TCP_RTO_MIN')?.version).toBe('2.4.0');
    expect(lookupKernelRef('net.ipv4.tcp_low_latency')?.version).toBe('2.4.27');
    expect(lookupKernelRef('tcp_low_latency')?.kind).toBe('sysctl');
    expect(lookupKernelRef('MAX_SKB_FRAGS')?.version).toBe('2.4.17');
  });

  it('finds nothing for user-space calls, model notation or unknown names', () => {
    for (const text of ['read()', 'sendfile()', 'rxCsum', 't_seg', 'no_such_symbol()', 'getsockopt(TCP_ZEROCOPY_RECEIVE)']) {
      expect(lookupKernelRef(text), text).toBeUndefined();
    }
  });

  it('tries the written form first, then the other spelling', () => {
    expect(kernelRefKeys('foo')).toEqual(['foo', 'foo()']);
    expect(kernelRefKeys('foo(a, b)')).toEqual(['foo()', 'foo']);
    expect(kernelRefKeys('skb->ip_summed')).toEqual(['skb->ip_summed']);
  });
});

describe('kernelRefUrl and kernelRefTitle', () => {
  it('link to the line at a full commit, and name file, line and version', () => {
    const ref = lookupKernelRef('netif_rx()')!;
    expect(kernelRefUrl(ref)).toBe(
      'https://github.com/liexusong/linux-2.4.0/blob/9deca5114f6a7e42c5c666e0a8df2c72460c97ec/net/core/dev.c#L1113',
    );
    expect(kernelRefTitle(ref)).toBe('net/core/dev.c line 1113, Linux 2.4.0');
  });

  it('every entry is pinned to a 40-digit commit of a known tree', () => {
    const trees = new Set(KERNEL_TREES.map((t) => `${t.repo}@${t.commit}@${t.version}`));
    for (const [symbol, ref] of Object.entries(KERNEL_REFS)) {
      expect(ref.commit, symbol).toMatch(/^[0-9a-f]{40}$/);
      expect(trees.has(`${ref.repo}@${ref.commit}@${ref.version}`), symbol).toBe(true);
      expect(ref.line, symbol).toBeGreaterThan(0);
      expect(Object.hasOwn(NOT_KERNEL, symbol), `${symbol} is both linked and excluded`).toBe(false);
    }
  });
});

describe('looksLikeKernelIdentifier', () => {
  it('accepts calls, constants, sysctls, snake_case names, fields and structs', () => {
    for (const t of [
      'netif_rx()',
      'read()',
      'CHECKSUM_HW',
      'net.ipv4.tcp_low_latency',
      'tcp_low_latency',
      '__tcp_ack_snd_check',
      'skb->ip_summed',
      'struct sk_buff',
    ]) {
      expect(looksLikeKernelIdentifier(t), t).toBe(true);
    }
  });

  it('rejects model parameters, prose and arithmetic', () => {
    for (const t of ['rxCsum', 'S', 'a / S', 'unknown', 'HZ', 'Documentation/networking/iou-zcrx.rst', '20030407220206.GA23630@rushmore']) {
      expect(looksLikeKernelIdentifier(t), t).toBe(false);
    }
  });
});

describe('lineNamesSymbol', () => {
  it('matches whole identifiers only', () => {
    expect(symbolNeedle('skb->ip_summed')).toBe('ip_summed');
    expect(symbolNeedle('net.ipv4.tcp_low_latency')).toBe('tcp_low_latency');
    expect(lineNamesSymbol('static __inline__ void tcp_ack_snd_check(struct sock *sk)', 'tcp_ack_snd_check()')).toBe(true);
    expect(lineNamesSymbol('static __inline__ void __tcp_ack_snd_check(struct sock *sk, int o)', 'tcp_ack_snd_check()')).toBe(false);
    expect(lineNamesSymbol('int netif_rx_ni(struct sk_buff *skb)', 'netif_rx()')).toBe(false);
  });
});

describe('checkKernelRefs', () => {
  const table = {
    'good()': { ...KERNEL_TREES[0]!, file: 'a.c', line: 2, kind: 'function' as const },
    'moved()': { ...KERNEL_TREES[0]!, file: 'a.c', line: 1, kind: 'function' as const },
    'gone()': { ...KERNEL_TREES[0]!, file: 'b.c', line: 1, kind: 'function' as const },
    'short()': { ...KERNEL_TREES[0]!, file: 'a.c', line: 9, kind: 'function' as const },
    'elsewhere()': { ...KERNEL_TREES[1]!, file: 'a.c', line: 1, kind: 'function' as const },
  };
  const read = (_repo: string, commit: string, file: string): string | null | undefined => {
    if (commit !== KERNEL_TREES[0]!.commit) return undefined;
    return file === 'a.c' ? 'int moved_away(void)\nint good(void)\n' : null;
  };

  it('reports wrong lines, missing files and lines, and trees it could not read', () => {
    const r = checkKernelRefs(read, table);
    expect(r.checked).toBe(4);
    expect(r.mismatches).toHaveLength(3);
    expect(r.mismatches[0]).toContain('moved(): ');
    expect(r.mismatches[1]).toContain('no such file');
    expect(r.mismatches[2]).toContain('shorter');
    expect(r.unchecked).toEqual([expect.stringContaining('elsewhere()')]);
  });
});

/** Inline code values of a parsed document. */
function inlineCodes(node: MdastNode, out: string[] = []): string[] {
  if (node.type === 'inlineCode') out.push(node.value);
  if ('children' in node) for (const child of node.children as MdastNode[]) inlineCodes(child, out);
  return out;
}

const body = (text: string): string => text.replace(/^---\n[\s\S]*?\n---\n/, '');

describe('the articles and notes', () => {
  const files = [
    ...readdirSync(`${root}src/content/articles`)
      .filter((f) => f.endsWith('.mdx'))
      .map((f) => `articles/${f}`),
    ...readdirSync(`${root}src/content/notes`)
      .filter((f) => f.endsWith('.md'))
      .map((f) => `notes/${f}`),
  ];

  it('link every kernel name they put in inline code, or exclude it with a reason', () => {
    const missing: string[] = [];
    let seen = 0;
    for (const file of files) {
      const text = body(readFileSync(`${root}src/content/${file}`, 'utf8'));
      const tree = file.endsWith('.mdx') ? mdxToMdast(text) : markdownToMdast(text);
      for (const code of inlineCodes(tree)) {
        if (!looksLikeKernelIdentifier(code)) continue;
        seen++;
        if (lookupKernelRef(code) === undefined && notKernelReason(code) === undefined) missing.push(`${file}: \`${code}\``);
      }
    }
    expect(seen).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });

  it('link every function a code listing calls, or exclude it with a reason', () => {
    const missing: string[] = [];
    let seen = 0;
    for (const file of files) {
      const text = readFileSync(`${root}src/content/${file}`, 'utf8');
      for (const listing of text.matchAll(/^```text\n([\s\S]*?)^```/gm)) {
        for (const call of (listing[1] ?? '').matchAll(/\b([a-z_][a-z0-9_]*)\(/g)) {
          const name = `${call[1]}()`;
          seen++;
          if (lookupKernelRef(name) === undefined && notKernelReason(name) === undefined) missing.push(`${file}: ${name}`);
        }
      }
    }
    expect(seen).toBeGreaterThan(20);
    expect([...new Set(missing)]).toEqual([]);
  });
});

describe('kernelLinkFor', () => {
  it('wraps a known name in a link with the class and title, keeping the code', () => {
    const link = kernelLinkFor('netif_rx()', ['paragraph', 'root']);
    expect(link?.url).toBe(kernelRefUrl(lookupKernelRef('netif_rx()')!));
    expect(link?.title).toBe('net/core/dev.c line 1113, Linux 2.4.0');
    expect(link?.children).toEqual([{ type: 'inlineCode', value: 'netif_rx()' }]);
    expect(link?.data).toEqual({ hProperties: { className: [KERNEL_REF_CLASS] } });
  });

  it('leaves code inside links and headings, and unknown names, alone', () => {
    expect(kernelLinkFor('netif_rx()', ['link', 'paragraph', 'root'])).toBeUndefined();
    expect(kernelLinkFor('netif_rx()', ['emphasis', 'heading', 'root'])).toBeUndefined();
    expect(kernelLinkFor('read()', ['paragraph', 'root'])).toBeUndefined();
  });
});

describe('the kernel-links plugin', () => {
  const md = '## About `netif_rx()`\n\nThe driver calls `netif_rx()`; see [`tcp_prequeue()`](/notes/x/) and `read()`.\n';

  it('links inline code in Markdown, not in headings, existing links or unknown names', () => {
    // The plugin is synchronous, so the result is too.
    const { html } = markdownToHtml(md, { mdastPlugins: [kernelLinks] }) as MarkdownToHtmlResult;
    const url = kernelRefUrl(lookupKernelRef('netif_rx()')!);
    expect(html).toContain(
      `<a href="${url}" title="net/core/dev.c line 1113, Linux 2.4.0" class="${KERNEL_REF_CLASS}"><code>netif_rx()</code></a>;`,
    );
    expect(html).toContain('<h2>About <code>netif_rx()</code></h2>');
    expect(html).toContain('<a href="/notes/x/"><code>tcp_prequeue()</code></a>');
    expect(html).toContain('<code>read()</code>.');
    expect(html.match(/kernel-ref/g)).toHaveLength(1);
  });

  it('links inline code inside MDX components such as <Margin>', () => {
    const { code } = mdxToJs('<Margin at="x">Kleen on `tcp_prequeue()` and `TCP_RTO_MIN`.</Margin>\n', {
      mdastPlugins: [kernelLinks],
    }) as MdxToJsResult;
    expect(code.match(/className: "kernel-ref"/g)).toHaveLength(2);
    expect(code).toContain(kernelRefUrl(lookupKernelRef('TCP_RTO_MIN')!));
  });
});

describe('source links under a code listing', () => {
  const listing =
    'tcp_v4_rcv(skb)\n├─ tcp_prequeue(): park the skb\n│  └─ TCP_RTO_MIN and tcp_prequeue() again, read() and skb->ip_summed\n';
  it('names each known kernel symbol once, in order, and nothing else', () => {
    expect(listingRefKeys(listing)).toEqual(['tcp_v4_rcv()', 'tcp_prequeue()', 'TCP_RTO_MIN', 'skb->ip_summed']);
  });
  it('follows a text listing with a paragraph of links, not a shell or TypeScript block', () => {
    const { html } = markdownToHtml(`\`\`\`text\n${listing}\`\`\`\n\n\`\`\`sh\nnetif_rx()\n\`\`\`\n`, {
      mdastPlugins: [kernelLinks],
    }) as MarkdownToHtmlResult;
    const para = /<p class="listing-sources">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';
    expect(para).toContain('In the source (Linux 2.4.0)');
    expect(para.match(/class="kernel-ref"/g)).toHaveLength(4);
    expect(html.match(/listing-sources/g)).toHaveLength(1);
  });
});
