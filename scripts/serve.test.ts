import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMMUTABLE, serve } from './serve.mjs';

// The server is fuzzed in this process, on a small site made here: a folder with a page, a
// sub-folder, hashed assets with their precompressed copies, one file of each type the story
// needs, a large (sparse) file to abort, and a secret beside the folder that must never leak.

let TMP = '';
let SITE = '';
let BIG = '';
const SECRET = 'SECRET-OUTSIDE-THE-SITE';
const text = (label: string) => `/* ${label} */ ${'the M-5 highway from Aleppo to Damascus; '.repeat(40)}\n`;

/** path → [content, expected Content-Type]; each gets a .br and a .gz beside it. */
const TYPED: Record<string, [string, RegExp]> = {
  '_astro/app.Ab12Cd.js': [text('app'), /^text\/javascript/],
  '_astro/worker.Ef34Gh.mjs': [text('worker'), /^text\/javascript/],
  'data/places.geojson': [JSON.stringify({ type: 'FeatureCollection', features: [], note: text('geo') }), /^application\/geo\+json/],
  'story.json': [JSON.stringify({ sections: text('story') }), /^application\/json/],
  'maps/a.svg': [`<svg xmlns="http://www.w3.org/2000/svg"><desc>${text('svg')}</desc></svg>`, /^image\/svg\+xml/],
};

beforeAll(() => {
  TMP = mkdtempSync(join(tmpdir(), 'serve-test-'));
  SITE = join(TMP, 'site');
  BIG = join(SITE, 'big.bin');
  for (const dir of ['_astro', 'data', 'maps', 'embed', 'fonts']) mkdirSync(join(SITE, dir), { recursive: true });
  writeFileSync(join(TMP, 'secret.txt'), SECRET);
  writeFileSync(join(SITE, 'index.html'), `<!doctype html><title>story</title>${text('page')}`);
  writeFileSync(join(SITE, 'embed', 'index.html'), `<!doctype html><title>embeds</title>${text('embeds')}`);
  writeFileSync(join(SITE, 'fonts', 'noto.woff2'), Buffer.from('wOF2 not really a font, but bytes'));
  for (const [path, [content]] of Object.entries(TYPED)) {
    writeFileSync(join(SITE, path), content);
    writeFileSync(join(SITE, `${path}.br`), brotliCompressSync(content));
    writeFileSync(join(SITE, `${path}.gz`), gzipSync(content));
  }
  // 64 MB without using the disk: far more than loopback's socket buffers hold, so a reader that
  // stops reading really does stall the server.
  writeFileSync(BIG, '');
  truncateSync(BIG, 64 * 1024 * 1024);
});
afterAll(() => TMP && rmSync(TMP, { recursive: true, force: true }));

async function start(options: { base?: string; timeoutMs?: number } = {}): Promise<{ server: Server; port: number; stop: () => Promise<void> }> {
  const server = await serve({ folder: SITE, port: 0, ...options });
  const port = (server.address() as AddressInfo).port;
  const stop = async () => {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  };
  return { server, port, stop };
}

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** One request, the path sent exactly as written (no normalising), the body not decoded. */
function get(port: number, path: string, { method = 'GET', headers = {} }: { method?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  return new Promise((done, fail) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', fail);
    req.end();
  });
}

/** How many of this process's open file descriptors point at `file` (Linux). */
function openHandles(file: string): number {
  let n = 0;
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      if (readlinkSync(`/proc/self/fd/${fd}`) === file) n++;
    } catch {
      // closed between the listing and the look
    }
  }
  return n;
}

describe('scripts/serve.mjs', () => {
  it('answers malformed and hostile URLs with 400 or 404, never crashes, never serves from outside the folder', async () => {
    const { port, stop } = await start();
    try {
      const hostile = [
        '/%',
        '/100%',
        '/%c0',
        '/%c0%af',
        '/%E0%A4%A',
        '/%%32%65',
        '/%00',
        '/index.html%00.js',
        '/a%zz',
        '/../secret.txt',
        '/../../secret.txt',
        '/..%2fsecret.txt',
        '/..%2Fsecret.txt',
        '/%2e%2e/secret.txt',
        '/%2e%2e%2fsecret.txt',
        '/.%2e/secret.txt',
        '/_astro/../../secret.txt',
        '/..\\secret.txt',
        '/..%5csecret.txt',
        '/%252e%252e/secret.txt',
        '//secret.txt',
        '/./../secret.txt',
        `/${TMP}/secret.txt`,
        '/%c0%ae%c0%ae/secret.txt',
        `/${'a'.repeat(8_000)}`,
        `/${'../'.repeat(2_000)}secret.txt`,
        `/${'a/'.repeat(3_000)}`,
      ];
      for (const path of hostile) {
        const r = await get(port, path);
        expect([400, 404], `${path.slice(0, 40)} → ${r.status}`).toContain(r.status);
        expect(r.body.toString('latin1')).not.toContain(SECRET);
      }
      // Past Node's header limit the request is refused before it reaches the server's code.
      expect((await get(port, `/${'a'.repeat(20_000)}`)).status).toBe(431);
      // A range the server cannot honour is ignored (RFC 9110), not a crash; a plain one works.
      for (const range of ['bytes=5-2', 'bytes=-5', 'bytes=x-y', 'bytes=0-1,3-4', 'pages=1-2']) {
        expect((await get(port, '/story.json', { headers: { range } })).status, range).toBe(200);
      }
      const part = await get(port, '/story.json', { headers: { range: 'bytes=0-9' } });
      expect(part.status).toBe(206);
      expect(part.body.toString()).toBe(TYPED['story.json']![0].slice(0, 10));
      expect((await get(port, '/')).status, 'still serving').toBe(200);
    } finally {
      await stop();
    }
  });

  it('closes the file of every aborted download', async () => {
    const { port, stop } = await start();
    try {
      expect(openHandles(BIG)).toBe(0);
      for (let batch = 0; batch < 10; batch++) {
        await Promise.all(
          Array.from(
            { length: 20 },
            () =>
              new Promise<void>((done, fail) => {
                const req = httpRequest({ host: '127.0.0.1', port, path: '/big.bin', agent: false }, (res) => {
                  res.once('data', () => req.destroy());
                });
                req.on('close', () => done());
                req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' ? done() : fail(e)));
                req.end();
              }),
          ),
        );
      }
      await expect.poll(() => openHandles(BIG), { timeout: 10_000 }).toBe(0);
      expect((await get(port, '/')).status, 'still serving').toBe(200);
    } finally {
      await stop();
    }
  }, 20_000);

  it('answers GET and HEAD, and 405 with Allow to every other method', async () => {
    const { port, stop } = await start();
    try {
      const head = await get(port, '/story.json', { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.body.length).toBe(0);
      expect(Number(head.headers['content-length'])).toBe(TYPED['story.json']![0].length);
      expect((await get(port, '/story.json')).status).toBe(200);
      for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND']) {
        const r = await get(port, '/story.json', { method });
        expect(r.status, method).toBe(405);
        expect(r.headers.allow, method).toBe('GET, HEAD');
      }
    } finally {
      await stop();
    }
  });

  it('hangs up on clients that send nothing, send half a request, or never read', async () => {
    const { server, port, stop } = await start({ timeoutMs: 500 });
    const closed = (socket: Socket) => (socket.closed ? Promise.resolve() : once(socket, 'close'));
    try {
      // These two read what they are sent (Node may answer 408 before hanging up), so they see the close.
      const silent = connect(port, '127.0.0.1').resume();
      silent.on('error', () => {});
      await closed(silent);

      const slow = connect(port, '127.0.0.1', () => slow.write('GET / HTTP/1.1\r\nHost: x\r\n')).resume();
      slow.on('error', () => {});
      await closed(slow);

      // The server's side of the connection is watched: a client that never reads sees nothing.
      const accepted = once(server, 'connection') as Promise<[Socket]>;
      const stalled = connect(port, '127.0.0.1', () => stalled.write('GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n'));
      stalled.on('error', () => {});
      stalled.pause();
      const [serverSide] = await accepted;
      await closed(serverSide);
      expect(serverSide.bytesWritten, 'the download had started').toBeGreaterThan(1024 * 1024);
      await expect.poll(() => openHandles(BIG), { timeout: 5_000 }).toBe(0);
      stalled.destroy();
    } finally {
      await stop();
    }
  }, 15_000);

  it('sends the precompressed file the client accepts, with the right type, and the plain file otherwise', async () => {
    const { port, stop } = await start();
    try {
      for (const [path, [content, type]] of Object.entries(TYPED)) {
        const br = await get(port, `/${path}`, { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
        expect(br.headers['content-encoding'], path).toBe('br');
        expect(br.headers['content-type'], path).toMatch(type);
        expect(br.headers.vary, path).toMatch(/accept-encoding/i);
        expect(brotliDecompressSync(br.body).toString(), path).toBe(content);

        const gz = await get(port, `/${path}`, { headers: { 'accept-encoding': 'gzip' } });
        expect(gz.headers['content-encoding'], path).toBe('gzip');
        expect(gunzipSync(gz.body).toString(), path).toBe(content);

        const plain = await get(port, `/${path}`);
        expect(plain.headers['content-encoding'], path).toBeUndefined();
        expect(plain.headers['content-type'], path).toMatch(type);
        expect(plain.body.toString(), path).toBe(content);
      }
      const font = await get(port, '/fonts/noto.woff2', { headers: { 'accept-encoding': 'br, gzip' } });
      expect(font.headers['content-type']).toBe('font/woff2');
      expect(font.headers['content-encoding']).toBeUndefined();
    } finally {
      await stop();
    }
  });

  it('caches hashed assets for a year and has everything else revalidated', async () => {
    const { port, stop } = await start();
    try {
      for (const path of ['/_astro/app.Ab12Cd.js', '/_astro/worker.Ef34Gh.mjs']) {
        expect((await get(port, path, { headers: { 'accept-encoding': 'br' } })).headers['cache-control'], path).toBe(IMMUTABLE);
      }
      for (const path of ['/', '/embed/', '/story.json', '/data/places.geojson', '/maps/a.svg']) {
        const r = await get(port, path, { headers: { 'accept-encoding': 'br' } });
        expect(r.headers['cache-control'], path).toBe('no-cache');
        expect(r.headers.etag, path).toBeTruthy();
        const again = await get(port, path, { headers: { 'accept-encoding': 'br', 'if-none-match': r.headers.etag! } });
        expect(again.status, `${path} revalidated`).toBe(304);
        expect(again.body.length).toBe(0);
      }
      // Not found is never cached, even under _astro/.
      expect((await get(port, '/_astro/gone.js')).headers['cache-control']).not.toMatch(/immutable|max-age/);
    } finally {
      await stop();
    }
  });

  it('serves the folder under --base and nothing outside it', async () => {
    const { port, stop } = await start({ base: '/news/2020/idlib' });
    try {
      expect((await get(port, '/news/2020/idlib/')).body.toString()).toContain('<title>story</title>');
      const asset = await get(port, '/news/2020/idlib/_astro/app.Ab12Cd.js');
      expect(asset.status).toBe(200);
      expect(asset.headers['cache-control']).toBe(IMMUTABLE);
      for (const [from, to] of [
        ['/news/2020/idlib', '/news/2020/idlib/'],
        ['/news/2020/idlib/embed', '/news/2020/idlib/embed/'],
        ['/news/2020/idlib/embed?x=1', '/news/2020/idlib/embed/?x=1'],
      ] as const) {
        const r = await get(port, from);
        expect(r.status, from).toBe(301);
        expect(r.headers.location, from).toBe(to);
      }
      for (const path of [
        '/',
        '/index.html',
        '/story.json',
        '/news/',
        '/news/2020/',
        '/news/2020/idlibx/',
        '/news/2020/idlib/../idlib/../../secret.txt',
        '/news/2020/idlib/%',
      ]) {
        const r = await get(port, path);
        expect([400, 404], `${path} → ${r.status}`).toContain(r.status);
      }
    } finally {
      await stop();
    }
  });
});
