/**
 * The one server-side DOM the tests use (linkedom, as the build does): an empty document to
 * draw figures into, and a parsed page to query.
 */
import { parseHTML } from 'linkedom';

/** A fresh, empty HTML document. */
export function blankDocument(): Document {
  return parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
}

/** `html` parsed as a page. */
export function htmlDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** `xml` parsed as an XML document (a standalone SVG file, say). */
export function xmlDocument(xml: string): Document {
  return new (parseHTML('').DOMParser)().parseFromString(xml, 'image/svg+xml') as unknown as Document;
}
