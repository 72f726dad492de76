/**
 * A minimal static file server for browser tests: `node scripts/serve.ts <dir> <port> [base]`.
 * Serves <dir> under <base>, directories as their index.html, and 404.html for anything else.
 * (Astro's preview allows one server per project; the tests need two sites at once.)
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';

const [dir = 'dist', port = '4329', base = '/'] = process.argv.slice(2);
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain',
  '.xml': 'application/atom+xml',
  '.mbox': 'application/mbox',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.csv': 'text/csv; charset=utf-8',
  '.bib': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
};

/** The file a URL path maps to, or null when it is outside the base or missing. */
function resolve(urlPath: string): string | null {
  if (!urlPath.startsWith(base)) return null;
  const rel = normalize(decodeURIComponent(urlPath.slice(base.length))).replace(/^(\.\.[/\\])+/, '');
  let file = join(dir, rel);
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  return existsSync(file) ? file : null;
}

createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  const file = resolve(path);
  const status = file ? 200 : 404;
  const served = file ?? join(dir, '404.html');
  if (!existsSync(served)) {
    // A site without a 404 page (the bench's bare site) still answers.
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
    return;
  }
  res.writeHead(status, { 'Content-Type': TYPES[extname(served)] ?? 'application/octet-stream' });
  createReadStream(served)
    .on('error', () => res.destroy())
    .pipe(res);
}).listen(Number(port), '127.0.0.1');
