#!/usr/bin/env node
// The static server for the built site: what `npm start`, the end-to-end tests and the benchmark
// use, and what the README's Hosting section describes. `sirv` (the server behind Vite's preview)
// finds the file and sends it, choosing the `.br` or `.gz` the build wrote beside it when the
// client accepts that encoding. This file adds only what a careful host adds around it: GET and
// HEAD only, the `--base` sub-path, folder URLs redirected to their trailing slash, cache headers,
// time limits for idle clients, and a guard for what sirv itself gets wrong (see `handle`).
//
//   node scripts/serve.mjs [folder=dist] [--port 4321] [--base /some/sub/path/] [--host 127.0.0.1]
import { statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import sirv from 'sirv';

/** Files under `_astro/` carry a hash of their content in their name, so they never change. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (pages, data, still maps) may change with a rebuild: reuse only after asking. */
export const REVALIDATE = 'no-cache';

const ALLOW = 'GET, HEAD';
// A single range, start to end (or to the file's end). Anything else is ignored, as RFC 9110
// allows: sirv would misread a suffix range and throws on `bytes=5-2`, killing the process.
const SIMPLE_RANGE = /^bytes=(\d+)-(\d*)$/;

/**
 * Serves `folder` under `base` and resolves with the listening `http.Server`.
 * `timeoutMs` bounds how long a client may take to send its request and how long a connection may
 * sit with nothing moving (a client that never reads what it asked for).
 * @param {{ folder?: string, port?: number, base?: string, host?: string, timeoutMs?: number }} [options]
 * @returns {Promise<import('node:http').Server>}
 */
export function serve({ folder = 'dist', port = 4321, base = '/', host = '127.0.0.1', timeoutMs = 30_000 } = {}) {
  const root = resolve(folder);
  const prefix = normaliseBase(base);
  const files = sirv(root, {
    // Look each request up on disk rather than indexing the folder once at start: a rebuild swaps
    // dist/ while `npm start` may still be running, and every file name under _astro/ changes.
    dev: true,
    etag: true,
    brotli: true,
    gzip: true,
    setHeaders(res, pathname) {
      res.setHeader('Cache-Control', pathname.startsWith('/_astro/') ? IMMUTABLE : REVALIDATE);
    },
  });

  const server = createServer(
    {
      requestTimeout: timeoutMs,
      headersTimeout: timeoutMs,
      // How often Node checks the two limits above; its default (30 s) would let them overrun.
      connectionsCheckingInterval: Math.max(100, Math.min(timeoutMs / 4, 5_000)),
    },
    (req, res) => {
      try {
        handle(req, res);
      } catch {
        // Nothing a client sends may stop the server: answer what can still be answered.
        if (res.headersSent) res.destroy();
        else reply(res, 500, 'Internal server error');
      }
    },
  );
  // With no 'timeout' listener, Node destroys a socket idle this long, which frees its file too.
  server.setTimeout(timeoutMs);

  function handle(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return reply(res, 405, 'Method not allowed', { Allow: ALLOW });
    const raw = req.url ?? '/';
    const cut = raw.indexOf('?');
    const path = cut < 0 ? raw : raw.slice(0, cut);
    const search = cut < 0 ? '' : raw.slice(cut);
    if (!path.startsWith(prefix)) return `${path}/` === prefix ? redirect(res, prefix + search) : reply(res, 404, 'Not found');
    const inside = path.slice(prefix.length - 1);
    let decoded;
    try {
      decoded = decodeURIComponent(inside);
    } catch {
      return reply(res, 400, 'Bad request: malformed percent-escape');
    }
    if (decoded.includes('\0')) return reply(res, 400, 'Bad request');
    // A folder asked for without its slash gets one, or the page's relative links would resolve
    // one level too high (sirv would serve `embed/index.html` at `/embed` as it is).
    if (!inside.endsWith('/') && isFolder(root, decoded)) return redirect(res, `${path}/${search}`);

    const range = req.headers.range && SIMPLE_RANGE.exec(req.headers.range);
    if (req.headers.range && !(range && (range[2] === '' || Number(range[1]) <= Number(range[2])))) delete req.headers.range;

    // sirv pipes a file stream into the response and never destroys it when the client goes
    // away, leaking one file handle per aborted download (sveltejs/kit#11617). Close it here.
    res.once('pipe', (file) => {
      res.once('close', () => file.destroy());
      file.once('error', () => res.destroy());
    });
    req.url = inside + search;
    files(req, res, () => reply(res, 404, 'Not found'));
  }

  return new Promise((ready, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      ready(server);
    });
  });
}

/** `/news/idlib` → `/news/idlib/`: the sub-path always starts and ends with a slash. */
function normaliseBase(base) {
  let b = base.startsWith('/') ? base : `/${base}`;
  if (!b.endsWith('/')) b += '/';
  return b;
}

function isFolder(root, decoded) {
  const path = join(root, decoded);
  if (path !== root && !path.startsWith(root + sep)) return false;
  try {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false; // too long, not a folder on the way, unreadable: sirv will answer 404
  }
}

function redirect(res, location) {
  res.writeHead(301, { Location: location, 'Content-Length': 0 });
  res.end();
}

function reply(res, status, text, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(`${text}\n`);
}

function parseArgs(argv) {
  const options = { folder: 'dist', port: 4321, base: '/', host: '127.0.0.1' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--port') options.port = Number(argv[++i]);
    else if (arg === '--base') options.base = argv[++i];
    else if (arg === '--host') options.host = argv[++i];
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg} (known: --port N, --base /sub/path/, --host H)`);
    else options.folder = arg;
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) throw new Error('--port needs a number from 0 to 65535');
  return options;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const options = parseArgs(process.argv.slice(2));
    const server = await serve(options);
    const { port } = server.address();
    const shown = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
    console.log(`Serving ${options.folder} at http://${shown}:${port}${normaliseBase(options.base)} (Ctrl-C to stop)`);
  } catch (error) {
    console.error(`serve: ${error.message}`);
    process.exit(1);
  }
}
