/**
 * JSON to put inside a `<script type="application/json">` element: `<`, `>` and `&` escaped,
 * so no string in the data can end the element or open markup, and the line separators that
 * old JavaScript parsers choke on escaped too. `JSON.parse` reads it back unchanged.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
