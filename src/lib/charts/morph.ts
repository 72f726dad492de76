/**
 * Brings a drawn chart up to date with a fresh drawing of it by changing only what differs:
 * attribute values, text, and the nodes one has and the other lacks. A slider step moves a
 * few paths, labels and ticks; replacing the whole <svg> made the browser restyle, lay out
 * and paint every element of it (and parse Plot's <style> again) on every step.
 *
 * The result is the fresh drawing, node for node: nodes are matched by position and kept
 * only when their kind and tag match, and a kept node is given exactly the fresh one's
 * attributes, text and children (the order of attributes on a kept element may differ,
 * which nothing reads). Works with any DOM, linkedom included.
 */

const ELEMENT = 1;

/** `to` given exactly the attributes of `from`. */
function syncAttributes(to: Element, from: Element): void {
  const want = from.attributes;
  for (let i = 0; i < want.length; i += 1) {
    const a = want[i]!;
    if (a.namespaceURI) {
      if (to.getAttributeNS(a.namespaceURI, a.localName) !== a.value) to.setAttributeNS(a.namespaceURI, a.name, a.value);
    } else if (to.getAttribute(a.name) !== a.value) to.setAttribute(a.name, a.value);
  }
  const have = to.attributes;
  if (have.length === want.length) return;
  // Backwards: a removal shifts the entries after it.
  for (let i = have.length - 1; i >= 0; i -= 1) {
    const a = have[i]!;
    const kept = a.namespaceURI ? from.hasAttributeNS(a.namespaceURI, a.localName) : from.hasAttribute(a.name);
    if (!kept) to.removeAttributeNode(a);
  }
}

/** Whether `a` can be updated into `b` rather than replaced by it. */
function sameKind(a: Node, b: Node): boolean {
  if (a.nodeType !== b.nodeType) return false;
  if (a.nodeType !== ELEMENT) return true;
  return (a as Element).namespaceURI === (b as Element).namespaceURI && (a as Element).localName === (b as Element).localName;
}

/**
 * Makes `to` (in the page) equal to `from` (a fresh drawing of the same chart, not in the
 * page), moving nodes out of `from` where `to` lacks them; `from` is spent afterwards.
 */
export function morph(to: Element, from: Element): void {
  syncAttributes(to, from);
  let a = to.firstChild;
  let b = from.firstChild;
  while (b !== null) {
    const nextB: ChildNode | null = b.nextSibling;
    if (a === null) {
      to.appendChild(b);
    } else if (!sameKind(a, b)) {
      const nextA: ChildNode | null = a.nextSibling;
      to.replaceChild(b, a);
      a = nextA;
    } else {
      // Equal subtrees (an axis reused from the last drawing, a mark that did not move) are
      // left as they are: the browser compares them faster than a walk here would.
      if (a.nodeType === ELEMENT) {
        if (!a.isEqualNode(b)) morph(a as Element, b as Element);
      } else if (a.nodeValue !== b.nodeValue) a.nodeValue = b.nodeValue;
      a = a.nextSibling;
    }
    b = nextB;
  }
  while (a !== null) {
    const nextA: ChildNode | null = a.nextSibling;
    to.removeChild(a);
    a = nextA;
  }
}
