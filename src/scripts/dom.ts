/**
 * Building elements in the browser without parsing HTML: `h('a', { href }, 'text', child)`.
 * Strings become text nodes and attribute values are set as given, so text from a query, an
 * index or the URL can never become markup. Shared by the search page and presenter mode.
 * `setText` and `setAttr` change a live element only where it differs: a store change writes
 * back to every control, and rewriting unchanged text or attributes would have the browser
 * lay the page out again on every step.
 */
export type Child = Node | string | null | undefined | false;

/** An element with attributes (undefined ones left out) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Readonly<Record<string, string | undefined>> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) e.setAttribute(k, v);
  for (const c of children) if (c !== null && c !== undefined && c !== false) e.append(c);
  return e;
}

/** Sets an element's text when it differs. */
export function setText(el: Element | null, text: string): void {
  if (el && el.textContent !== text) el.textContent = text;
}

/** Sets an attribute when it differs. */
export function setAttr(el: Element, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}
