#!/usr/bin/env node
// A plain static file server for the built site: what `npm start`, the end-to-end tests and the
// benchmark use. It knows the MIME types the site needs (`.mjs` must be text/javascript) and can
// mount the folder under a sub-path, as a newsroom host would.
//
//   node scripts/serve.mjs [folder=dist] [--port 4321] [--base /some/sub/path/] [--host 127.0.0.1]
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { createGzip } from 'node:zlib';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
};

const COMPRESSIBLE = /^(text\/|application\/(json|geo\+json|xml)|image\/svg)/;

function parseArgs(argv) {
  const options = { folder: 'dist', port: 4321, base: '/', host: '127.0.0.1' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--port') options.port = Number(argv[++i]);
    else if (arg === '--base') options.base = argv[++i];
    else if (arg === '--host') options.host = argv[++i];
    else options.folder = arg;
  }
  if (!options.base.startsWith('/')) options.base = `/${options.base}`;
  if (!options.base.endsWith('/')) options.base += '/';
  return options;
}

export function serve({ folder = 'dist', port = 4321, base = '/', host = '127.0.0.1' } = {}) {
  const root = resolve(folder);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://host');
    let pathname = decodeURIComponent(url.pathname);
    if (!pathname.startsWith(base)) {
      if (`${pathname}/` === base) return redirect(res, base);
      return notFound(res);
    }
    pathname = pathname.slice(base.length);
    let file = normalize(join(root, pathname));
    if (file !== root && !file.startsWith(root + sep)) return notFound(res);
    try {
      let info = await stat(file);
      if (info.isDirectory()) {
        if (!url.pathname.endsWith('/')) return redirect(res, `${url.pathname}/${url.search}`);
        file = join(file, 'index.html');
        info = await stat(file);
      }
      const type = MIME_TYPES[extname(file)] ?? 'application/octet-stream';
      // Compress text as any real host does, so what the tests and the benchmark measure is
      // what readers download.
      const gzip = COMPRESSIBLE.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      res.writeHead(200, {
        'Content-Type': type,
        'Cache-Control': 'no-cache',
        Vary: 'Accept-Encoding',
        ...(gzip ? { 'Content-Encoding': 'gzip' } : { 'Content-Length': info.size }),
      });
      if (req.method === 'HEAD') return res.end();
      const body = createReadStream(file);
      (gzip ? body.pipe(createGzip()) : body).pipe(res);
    } catch {
      notFound(res);
    }
  });
  return new Promise((ok) => server.listen(port, host, () => ok(server)));
}

function redirect(res, location) {
  res.writeHead(301, { Location: location });
  res.end();
}

function notFound(res) {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('Not found');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const options = parseArgs(process.argv.slice(2));
  const server = await serve(options);
  const { port } = server.address();
  console.log(`Serving ${options.folder}/ at http://${options.host === '0.0.0.0' ? 'localhost' : options.host}:${port}${options.base}`);
}
