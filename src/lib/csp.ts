/**
 * The Content-Security-Policy every built page carries (a <meta> in the layouts, so it holds
 * on any static host). No inline script anywhere: scripts are files from the site itself.
 * Styles may be inline (Astro's scoped styles, Plot's style attributes); WebAssembly is for
 * Pagefind's search; blob: images are the PNG exports being drawn.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
