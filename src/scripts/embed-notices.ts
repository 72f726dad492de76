/**
 * The embed's notices: short lines saying what the URL or the host asked for that could
 * not be shown, and what is shown instead. Every piece is set as text: notices quote URL
 * and message values, which must never become markup.
 */
import type { Change } from '../lib/model/index.ts';
import { paramFor } from '../lib/model/index.ts';
import { shortValue } from '../lib/embed/options.ts';
import { changeNotice } from '../lib/model/words.ts';

/** Plain text, or text followed by a link (opened in a new tab: the embed stays in its frame). */
export type Notice = string | { readonly text: string; readonly link: string; readonly href: string };

/** Change notices shown before the rest are summed up in one line (a frame has little room). */
const MAX_CHANGES = 3;

/** Notices for values that were clamped: "Segment payload: “abc” is not a number; using 1,448 B." */
export function changeNotices(changes: readonly Change[]): string[] {
  const lines = changes.flatMap((c) => {
    const p = paramFor(c.key);
    return p ? [`${p.label}: ${changeNotice(p, { ...c, from: shortValue(c.from) })}`] : [];
  });
  if (lines.length <= MAX_CHANGES) return lines;
  const more = lines.length - (MAX_CHANGES - 1);
  return [...lines.slice(0, MAX_CHANGES - 1), `${more} more values were out of range or malformed and were replaced.`];
}

/** Replaces the list's items with these notices. */
export function showNotices(list: HTMLElement, notices: readonly Notice[]): void {
  list.replaceChildren(
    ...notices.map((n) => {
      const li = document.createElement('li');
      if (typeof n === 'string') {
        li.textContent = n;
        return li;
      }
      const a = document.createElement('a');
      a.href = n.href;
      a.target = '_blank';
      a.rel = 'noopener';
      a.textContent = n.link;
      const hint = document.createElement('span');
      hint.className = 'visually-hidden';
      hint.textContent = ' (opens in a new tab)';
      a.append(hint);
      li.append(`${n.text} `, a);
      return li;
    }),
  );
}
