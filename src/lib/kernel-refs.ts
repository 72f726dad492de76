/**
 * Where each kernel name the articles mention lives in a 2.4 source tree: file, line and the
 * exact commit, so a reader can open the code a sentence talks about.
 *
 * LANL ran 2.4.3. No public Git tree of 2.4.1 to 2.4.3 could be found, so most entries point at
 * Linux 2.4.0 (its networking matches the 2.4.0-prerelease in Dave Jones's history import to one
 * line). Names that only appeared later (the zero-copy merge of 2.4.4, module licensing, the
 * `tcp_low_latency` sysctl) point at the oldest later tree that has them, and say so in `version`.
 * `npm run kernel-refs -- <git dir>…` checks every file and line against the trees themselves.
 */

/** A kernel source tree at one commit. */
export interface KernelTree {
  /** The kernel release the tree holds, as printed ("2.4.0"). */
  version: string;
  /** GitHub owner/name. */
  repo: string;
  /** Full commit SHA: links at a commit never move. */
  commit: string;
}

export type KernelRefKind = 'function' | 'macro' | 'constant' | 'sysctl' | 'variable' | 'struct' | 'field';

/** One name's place in a tree. */
export interface KernelRef extends KernelTree {
  file: string;
  /** 1-based line of the definition (a function's name line, a sysctl's table entry or variable). */
  line: number;
  kind: KernelRefKind;
  note?: string;
}

/** Linux 2.4.0 as released (the repository's first commit; later commits add comments). */
export const LINUX_2_4_0: KernelTree = {
  version: '2.4.0',
  repo: 'liexusong/linux-2.4.0',
  commit: '9deca5114f6a7e42c5c666e0a8df2c72460c97ec',
};

/** Linux 2.4.17 as released ("Original Linux 2.4.17", before the PlayStation 2 port). */
export const LINUX_2_4_17: KernelTree = {
  version: '2.4.17',
  repo: 'rickgaiser/linux-2.4.17-ps2',
  commit: '34b673eadbd3b710e14fb4009cda08156bdbcce6',
};

/** Linux 2.4.27 as released ("Imported Linux-2.4.27", before the vendor patches). */
export const LINUX_2_4_27: KernelTree = {
  version: '2.4.27',
  repo: 'SimonKagstrom/mci500h-linux-2.4.27',
  commit: '1cd89555bf06f1a2b5c1d2bc6f431d73b01e0a62',
};

export const KERNEL_TREES: readonly KernelTree[] = [LINUX_2_4_0, LINUX_2_4_17, LINUX_2_4_27];

const at = (tree: KernelTree, file: string, line: number, kind: KernelRefKind, note?: string): KernelRef =>
  note === undefined ? { ...tree, file, line, kind } : { ...tree, file, line, kind, note };

const TCP_INPUT = 'net/ipv4/tcp_input.c';
const TCP_H = 'include/net/tcp.h';
const SKBUFF_H = 'include/linux/skbuff.h';
const LOW_LATENCY = 'Absent from 2.4.0, 2.4.17 and 2.4.18; present in 2.4.27.';

/**
 * The table: a name as the prose writes it (functions with `()`) → its place. A bare name in
 * prose (`tcp_prequeue`) finds the function entry through {@link lookupKernelRef}.
 */
export const KERNEL_REFS: Readonly<Record<string, KernelRef>> = {
  // Stage 1: driver to softirq.
  'netif_rx()': at(LINUX_2_4_0, 'net/core/dev.c', 1113, 'function'),
  'net_rx_action()': at(LINUX_2_4_0, 'net/core/dev.c', 1313, 'function'),
  netdev_max_backlog: at(LINUX_2_4_0, 'net/core/dev.c', 972, 'sysctl', 'The variable behind net.core.netdev_max_backlog; 300.'),
  'net.core.netdev_max_backlog': at(LINUX_2_4_0, 'net/core/sysctl_net_core.c', 50, 'sysctl'),
  CHECKSUM_NONE: at(LINUX_2_4_0, SKBUFF_H, 30, 'constant'),
  CHECKSUM_HW: at(LINUX_2_4_0, SKBUFF_H, 31, 'constant'),
  CHECKSUM_UNNECESSARY: at(LINUX_2_4_0, SKBUFF_H, 32, 'constant'),
  'skb->ip_summed': at(LINUX_2_4_0, SKBUFF_H, 114, 'field', 'A field of struct sk_buff.'),
  ip_summed: at(LINUX_2_4_0, SKBUFF_H, 114, 'field', 'A field of struct sk_buff.'),
  rx_copybreak: at(LINUX_2_4_0, 'drivers/net/eepro100.c', 49, 'variable', 'eepro100: 200 bytes on x86, 1518 on Alpha and SPARC.'),
  DEF_RX_COAL: at(LINUX_2_4_0, 'drivers/net/acenic.c', 460, 'constant', 'AceNIC: microseconds the card waits for more frames.'),
  tx_interrupt_mitigation: at(LINUX_2_4_0, 'drivers/net/3c59x.c', 159, 'macro', '3c59x: Tx-complete interrupt on the newest packet only.'),
  rx_coal_tick: at(LINUX_2_4_0, 'drivers/net/acenic.c', 477, 'variable', 'AceNIC module parameter overriding DEF_RX_COAL.'),
  'ip_rcv()': at(LINUX_2_4_0, 'net/ipv4/ip_input.c', 375, 'function'),
  'ip_rcv_finish()': at(LINUX_2_4_0, 'net/ipv4/ip_input.c', 300, 'function'),
  'ip_local_deliver()': at(LINUX_2_4_0, 'net/ipv4/ip_input.c', 282, 'function'),
  'ip_local_deliver_finish()': at(LINUX_2_4_0, 'net/ipv4/ip_input.c', 220, 'function'),
  // Stage 2: TCP chooses a queue.
  'tcp_v4_rcv()': at(LINUX_2_4_0, 'net/ipv4/tcp_ipv4.c', 1604, 'function'),
  'tcp_v4_do_rcv()': at(LINUX_2_4_0, 'net/ipv4/tcp_ipv4.c', 1545, 'function'),
  'tcp_prequeue()': at(LINUX_2_4_0, TCP_H, 1303, 'function'),
  'tcp_prequeue_process()': at(LINUX_2_4_0, 'net/ipv4/tcp.c', 1289, 'function'),
  'sk_add_backlog()': at(LINUX_2_4_0, 'include/net/sock.h', 673, 'macro'),
  // Stage 3: header prediction, the checksum and the copy.
  'tcp_rcv_established()': at(LINUX_2_4_0, TCP_INPUT, 3166, 'function'),
  'tcp_copy_to_iovec()': at(LINUX_2_4_0, TCP_INPUT, 3066, 'function'),
  'csum_partial()': at(
    LINUX_2_4_0,
    'arch/i386/lib/checksum.S',
    52,
    'function',
    'i386 assembly; a second version for the Pentium Pro and later starts at line 122.',
  ),
  // The send side, for comparison.
  'tcp_sendmsg()': at(LINUX_2_4_0, 'net/ipv4/tcp.c', 897, 'function'),
  'dev_queue_xmit()': at(LINUX_2_4_0, 'net/core/dev.c', 903, 'function'),
  'tcp_sendpage()': at(LINUX_2_4_17, 'net/ipv4/tcp.c', 932, 'function', 'Zero-copy send, from 2.4.4.'),
  'do_tcp_sendpages()': at(LINUX_2_4_17, 'net/ipv4/tcp.c', 826, 'function', 'Zero-copy send, from 2.4.4.'),
  'tcp_checksum_complete_user()': at(LINUX_2_4_0, TCP_INPUT, 3111, 'function'),
  '__tcp_checksum_complete()': at(LINUX_2_4_0, TCP_H, 1276, 'function'),
  'copy_and_csum_toiovec()': at(LINUX_2_4_0, 'net/core/iovec.c', 114, 'function'),
  'memcpy_toiovec()': at(LINUX_2_4_0, 'net/core/iovec.c', 82, 'function'),
  'skb_copy_datagram_iovec()': at(LINUX_2_4_0, 'net/core/datagram.c', 205, 'function'),
  'skb_copy_and_csum_datagram_iovec()': at(
    LINUX_2_4_17,
    'net/core/datagram.c',
    370,
    'function',
    'Not in 2.4.0: came with the zero-copy merge (2.4.4), replacing copy_and_csum_toiovec() in tcp_copy_to_iovec().',
  ),
  'tcp_data_queue()': at(LINUX_2_4_0, TCP_INPUT, 2529, 'function'),
  // ACKs and timers.
  'tcp_ack_snd_check()': at(LINUX_2_4_0, TCP_INPUT, 2983, 'function'),
  '__tcp_ack_snd_check()': at(LINUX_2_4_0, TCP_INPUT, 2960, 'function'),
  'tcp_send_delayed_ack()': at(LINUX_2_4_0, 'net/ipv4/tcp_output.c', 1179, 'function'),
  'tcp_delack_timer()': at(LINUX_2_4_0, 'net/ipv4/tcp_timer.c', 210, 'function'),
  TCP_RTO_MIN: at(LINUX_2_4_0, TCP_H, 339, 'constant', 'HZ/5: 20 ticks, 200 ms, at HZ = 100.'),
  TCP_DELACK_MIN: at(LINUX_2_4_0, TCP_H, 332, 'constant', 'HZ/25 when HZ ≥ 100.'),
  HZ: at(LINUX_2_4_0, 'include/asm-i386/param.h', 5, 'constant', '100 ticks a second on i386.'),
  // Stage 4: the reader.
  'tcp_recvmsg()': at(LINUX_2_4_0, 'net/ipv4/tcp.c', 1314, 'function'),
  'cleanup_rbuf()': at(LINUX_2_4_0, 'net/ipv4/tcp.c', 1201, 'function'),
  // Later 2.4 kernels.
  MAX_SKB_FRAGS: at(LINUX_2_4_17, SKBUFF_H, 108, 'constant', 'Page fragments per skb; came with the zero-copy merge (2.4.4).'),
  tcp_low_latency: at(LINUX_2_4_27, 'net/ipv4/sysctl_net_ipv4.c', 233, 'sysctl', LOW_LATENCY),
  'net.ipv4.tcp_low_latency': at(LINUX_2_4_27, 'net/ipv4/sysctl_net_ipv4.c', 233, 'sysctl', LOW_LATENCY),
  sysctl_tcp_low_latency: at(LINUX_2_4_27, 'net/ipv4/tcp_ipv4.c', 74, 'variable', LOW_LATENCY),
  MODULE_LICENSE: at(LINUX_2_4_17, 'include/linux/module.h', 285, 'macro', 'Not in 2.4.0.'),
  'EXPORT_SYMBOL_GPL()': at(LINUX_2_4_17, 'include/linux/module.h', 391, 'macro', 'Not in 2.4.0.'),
};

/**
 * Names in inline code that look like kernel identifiers but are not kernel source, each with
 * why it has no entry. Keys are written as {@link lookupKernelRef} normalises them.
 */
export const NOT_KERNEL: Readonly<Record<string, string>> = {
  'read()': 'system call as a program sees it',
  'write()': 'system call as a program sees it',
  'send()': 'system call as a program sees it',
  'recvmsg()': 'system call as a program sees it',
  'sendfile()': 'system call as a program sees it',
  'mmap()': 'system call as a program sees it',
  'getsockopt()': 'system call as a program sees it',
  'getrusage()': 'system call as a program sees it',
  'recv()': 'system call as a program sees it',
  'min()': "the cost model's notation",
  'splice()': 'system call of Linux 2.6.17 and later, as a program sees it',
  MSG_ZEROCOPY: 'user-space flag of Linux 4.14 and later, not in any 2.4 tree',
  TCP_ZEROCOPY_RECEIVE: 'user-space socket option of Linux 4.18 and later, not in any 2.4 tree',
  tcp_mmap: 'a user-space test program of modern kernels, named as a benchmark',
  NETIF_RX_TRUSTED: 'a flag proposed in the thread; no kernel ever defined it',
  NAPI_HOWTO: 'a document name; the article links the document itself',
  t_seg: "the cost model's notation",
  n_csum: "the cost model's notation",
  n_copy: "the cost model's notation",
};

/** The spellings a name written in prose may have in the table, most specific first. */
export function kernelRefKeys(text: string): string[] {
  const t = text.trim();
  const call = /^([A-Za-z_][A-Za-z0-9_]*)\(.*\)$/s.exec(t);
  if (call) return [`${call[1]}()`, call[1] ?? ''];
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(t) ? [t, `${t}()`] : [t];
}

/** The reference for an inline-code text as written in prose (`netif_rx()`, `tcp_prequeue`, `skb->ip_summed`). */
export function lookupKernelRef(text: string, table: Readonly<Record<string, KernelRef>> = KERNEL_REFS): KernelRef | undefined {
  for (const key of kernelRefKeys(text)) {
    if (Object.hasOwn(table, key)) return table[key];
  }
  return undefined;
}

/** Why an inline-code text that looks like a kernel name has no entry, if it is a known exception. */
export function notKernelReason(text: string): string | undefined {
  for (const key of kernelRefKeys(text)) {
    if (Object.hasOwn(NOT_KERNEL, key)) return NOT_KERNEL[key];
  }
  return undefined;
}

/** A GitHub address of the line, at the commit. */
export function kernelRefUrl(ref: KernelRef): string {
  return `https://github.com/${ref.repo}/blob/${ref.commit}/${ref.file}#L${ref.line}`;
}

/** A short title for the link: "net/core/dev.c line 1113, Linux 2.4.0". */
export function kernelRefTitle(ref: KernelRef): string {
  return `${ref.file} line ${ref.line}, Linux ${ref.version}`;
}

/**
 * Whether an inline-code text has the shape of a kernel identifier: a call (`foo()`, `foo(x)`),
 * an upper-case constant with an underscore, a dotted sysctl (`net.ipv4.x`), a snake_case name,
 * a struct field (`skb->x`) or `struct foo`. Model parameters (camelCase) and prose do not.
 */
export function looksLikeKernelIdentifier(text: string): boolean {
  const t = text.trim();
  return (
    /^[A-Za-z_][A-Za-z0-9_]*\(.*\)$/s.test(t) ||
    /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)+$/.test(t) ||
    /^net\.[a-z0-9_]+(\.[a-z0-9_]+)+$/.test(t) ||
    /^_*[a-z][a-z0-9]*(_[a-z0-9]+)+$/.test(t) ||
    /^[a-z_][a-z0-9_]*(->|\.)[a-z_][a-z0-9_]*$/.test(t) ||
    /^struct [a-z_][a-z0-9_]*$/.test(t)
  );
}

/** The identifier a table entry's line must contain: `skb->ip_summed` → `ip_summed`, `netif_rx()` → `netif_rx`. */
export function symbolNeedle(symbol: string): string {
  const bare = symbol.replace(/\(.*\)$/s, '').replace(/^struct /, '');
  const parts = bare.split(/->|\./);
  return parts[parts.length - 1] ?? bare;
}

/** Whether a source line names the symbol as a whole identifier (`tcp_ack_snd_check` is not in `__tcp_ack_snd_check`). */
export function lineNamesSymbol(line: string, symbol: string): boolean {
  const needle = symbolNeedle(symbol).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![A-Za-z0-9_])${needle}(?![A-Za-z0-9_])`).test(line);
}

/** What checking the table against source trees found. */
export interface KernelRefCheck {
  /** Entries whose line does not name the symbol, or whose file or line does not exist. */
  mismatches: string[];
  /** Entries whose tree the reader could not open. */
  unchecked: string[];
  checked: number;
}

/**
 * Check every entry's line against its tree. `read` returns a file's text at a commit, or
 * undefined when that commit is not available (the caller has no copy of the tree), or null when
 * the commit is there but the file is not.
 */
export function checkKernelRefs(
  read: (repo: string, commit: string, file: string) => string | null | undefined,
  table: Readonly<Record<string, KernelRef>> = KERNEL_REFS,
): KernelRefCheck {
  const result: KernelRefCheck = { mismatches: [], unchecked: [], checked: 0 };
  for (const [symbol, ref] of Object.entries(table)) {
    const where = `${symbol}: ${ref.repo}@${ref.commit.slice(0, 12)} ${ref.file}:${ref.line}`;
    const text = read(ref.repo, ref.commit, ref.file);
    if (text === undefined) {
      result.unchecked.push(where);
      continue;
    }
    result.checked++;
    if (text === null) {
      result.mismatches.push(`${where}: no such file`);
      continue;
    }
    const line = text.split('\n')[ref.line - 1];
    if (line === undefined) result.mismatches.push(`${where}: the file is shorter`);
    else if (!lineNamesSymbol(line, symbol)) result.mismatches.push(`${where}: the line reads ${JSON.stringify(line.trim())}`);
  }
  return result;
}

/**
 * The table keys a code listing names, in order of first appearance: every identifier in the
 * text that the table knows (`tcp_prequeue()` for `tcp_prequeue(): park…`, `TCP_RTO_MIN`).
 * Field spellings such as `skb->ip_summed` count under their own key.
 */
export function listingRefKeys(listing: string, table: Readonly<Record<string, KernelRef>> = KERNEL_REFS): string[] {
  const keys: string[] = [];
  for (const m of listing.matchAll(/[A-Za-z_][A-Za-z0-9_]*(?:->[A-Za-z_][A-Za-z0-9_]*)?(\()?/g)) {
    const word = m[0].replace(/\($/, '');
    const key = kernelRefKeys(m[1] ? `${word}()` : word).find((k) => Object.hasOwn(table, k));
    if (key !== undefined && !keys.includes(key)) keys.push(key);
  }
  return keys;
}
