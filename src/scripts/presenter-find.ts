/**
 * "Read it in the article": finds a step's sentence in the page, selects it and scrolls to it.
 * Text fragments (`#:~:text=`) do this for a fresh load; within the same page a script must.
 */
import { plainText } from '../lib/charts/steps.ts';

/** Selects the first occurrence of `sentence` under `root` and scrolls it to the middle; false if absent. */
export function showSentence(root: Element, sentence: string, smooth: boolean): boolean {
  const target = plainText(sentence);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  // The page's text with whitespace squashed and quotes straightened, as plainText does,
  // and for each of its characters the text node and offset it came from.
  let text = '';
  const from: { node: Text; offset: number }[] = [];
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const data = node.data;
    for (let i = 0; i < data.length; i++) {
      const c = plainText(`x${data[i]!}x`).slice(1, -1) || ' ';
      if (c === ' ' && (text === '' || text.endsWith(' '))) continue;
      text += c;
      from.push({ node, offset: i });
    }
  }
  const at = text.indexOf(target);
  const start = from[at];
  const end = from[at + target.length - 1];
  if (at < 0 || !start || !end) return false;
  const range = document.createRange();
  range.setStart(start.node, start.offset);
  range.setEnd(end.node, end.offset + 1);
  const selection = getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  start.node.parentElement?.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
  return true;
}
