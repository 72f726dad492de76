/**
 * Escaping text for XML and HTML, once: element content and double-quoted attribute values.
 * Characters XML 1.0 forbids are dropped, so the Atom feed and exported SVG files stay well
 * formed whatever the mail held. Pure.
 */

/** Escapes text content (and drops the characters XML forbids). */
export function escapeText(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

/** Escapes a double-quoted attribute value; line breaks survive as character references. */
export function escapeAttr(s: string): string {
  return escapeText(s).replaceAll('"', '&quot;').replaceAll('\n', '&#10;').replaceAll('\r', '&#13;').replaceAll('\t', '&#9;');
}
