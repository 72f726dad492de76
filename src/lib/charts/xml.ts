/**
 * XML serialisation of a DOM subtree, the same in linkedom and the browser. `outerHTML`
 * will not do for a standalone file: HTML serialisation writes `&nbsp;` (not an XML entity),
 * and linkedom leaves `<` and `&` raw in attribute values.
 */
import { escapeAttr, escapeText } from '../xml-escape.ts';

/** Elements never written: anything that runs code or embeds another document. */
const DROPPED = new Set(['script', 'foreignobject', 'iframe']);

/** Whether an attribute may be written: no event handlers, and links only within the file. */
function keep(name: string, value: string): boolean {
  const n = name.toLowerCase();
  if (n.startsWith('on')) return false;
  if (n === 'href' || n.endsWith(':href') || n === 'src') return value.startsWith('#');
  return true;
}

/**
 * One node and its descendants as XML: elements with their attributes (names as the DOM
 * spells them, so `clipPath` keeps its case), text escaped, comments and scripts dropped.
 */
export function toXml(node: Node): string {
  if (node.nodeType === 3 || node.nodeType === 4) return escapeText(node.nodeValue ?? '');
  if (node.nodeType !== 1) return '';
  const el = node as Element;
  const name = el.localName;
  if (DROPPED.has(name.toLowerCase())) return '';
  const attrs = el
    .getAttributeNames()
    .map((a) => [a, el.getAttribute(a) ?? ''] as const)
    .filter(([a, v]) => keep(a, v))
    .map(([a, v]) => ` ${a}="${escapeAttr(v)}"`)
    .join('');
  const inner = [...el.childNodes].map(toXml).join('');
  return inner === '' ? `<${name}${attrs}/>` : `<${name}${attrs}>${inner}</${name}>`;
}
