import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { embedCode, embedPath, LOADER_PATH } from '../../../src/lib/embed/code.ts';
import { discoverEmbed } from './cms.ts';

/**
 * A newsroom's page on another origin (`http://localhost:<port>`, while the site under test is
 * on `http://127.0.0.1:<PORT>`), embedding sections of the story:
 *
 * - `/pym.html?sections=a,b`: with pym.js's parent script (served here, from node_modules),
 *   `<div data-pym-src>` containers, as NPR-style CMSs do;
 * - `/loader.html?sections=a,b[&sandbox=a]`: with the project's embed code (iframe + loader);
 *   the sections listed in `sandbox` get `sandbox="allow-scripts allow-same-origin"`. A decoy
 *   iframe and the page itself post fake height messages, which the loader must ignore, and an
 *   element with the id `idlibEmbedLoader`, which must not disable it (DOM clobbering; names
 *   that shadow document's own methods are in the unit tests: they would break Playwright too).
 * - `/cms.html?paste=<url>[&scheme=dark]`: what a CMS makes of a pasted link (oEmbed discovery,
 *   `cms.ts`), on a light page or a dark one.
 */
export interface Host {
  origin: string;
  close(): Promise<void>;
}

const PYM = readFileSync('node_modules/pym.js/dist/pym.v1.min.js');

function page(title: string, body: string, head = ''): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><link rel="icon" href="data:,">${head}
<style>
  body { margin: 0; font: 17px/1.6 Georgia, serif; background: #faf9f6; color: #222; }
  main { max-width: 1200px; margin: 0 auto; padding: 24px 16px 80px; }
  .embed-slot { margin: 28px 0; }
</style></head>
<body><main><h1>${title}</h1>
<p>A host page on another origin. The frames below should be exactly as tall as their content.</p>
${body}
<p>End of the host article.</p></main></body></html>`;
}

const filler = (i: number) => `<p>Host paragraph ${i + 1}: the newsroom's own copy sits between the embeds, as in a live blog.</p>`;

export async function hostPages(embedOrigin: string, url: URL): Promise<string | undefined> {
  const sections = (url.searchParams.get('sections') ?? '').split(',').filter(Boolean);
  const sandboxed = new Set((url.searchParams.get('sandbox') ?? '').split(',').filter(Boolean));
  const src = (slug: string) => new URL(embedPath(slug).slice(1), `${embedOrigin}/`).href;
  if (url.pathname === '/pym.html') {
    const body = sections.map((slug, i) => `${filler(i)}<div class="embed-slot" id="pym-${slug}" data-pym-src="${src(slug)}"></div>`).join('\n');
    return page('Host with pym.js', `${body}\n<script src="/pym.v1.min.js"></script>`);
  }
  if (url.pathname === '/loader.html') {
    const body = sections
      .map((slug, i) => {
        let code = embedCode({ src: src(slug), loader: new URL(LOADER_PATH.slice(1), `${embedOrigin}/`).href, title: `Section ${slug}` });
        if (sandboxed.has(slug)) code = code.replace('<iframe ', '<iframe sandbox="allow-scripts allow-same-origin" ');
        return `${filler(i)}<div class="embed-slot">${code}</div>`;
      })
      .join('\n');
    // Messages in the embed's format from windows that are not the embeds: all to be ignored.
    const decoy =
      `<iframe class="decoy" title="decoy" width="300" height="40" srcdoc="<script>setInterval(function(){parent.postMessage('pymxPYMxxPYMxheightxPYMx7','*');parent.postMessage({sentinel:'amp',type:'embed-size',height:9},'*')},200)</script>"></iframe>` +
      `<script>setInterval(function(){window.postMessage('pymxPYMxxPYMxheightxPYMx5','*')},200)</script>`;
    const clobber = '<div id="idlibEmbedLoader" hidden></div>';
    return page('Host with the project loader', `${clobber}\n${body}\n${decoy}`);
  }
  if (url.pathname === '/cms.html') {
    const dark = url.searchParams.get('scheme') === 'dark';
    const html = await discoverEmbed(url.searchParams.get('paste') ?? '');
    // A dark article declares its scheme, as dark-mode pages should; its own colours follow.
    const head = dark ? '<meta name="color-scheme" content="dark"><style>html body { background: #111; color: #eee; }</style>' : '';
    return page(`A CMS article (${dark ? 'dark' : 'light'})`, `${filler(0)}<div class="embed-slot">${html}</div>${filler(1)}`, head);
  }
  return undefined;
}

/** Starts the host on a free port of 127.0.0.1, reached as `localhost` (another origin and site). */
export async function startHost(embedOrigin: string): Promise<Host> {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/pym.v1.min.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' });
      res.end(PYM);
      return;
    }
    hostPages(embedOrigin.replace(/\/$/, ''), url).then(
      (html) => {
        if (html === undefined) {
          res.writeHead(404, { 'Content-Type': 'text/plain' });
          res.end('Not found');
          return;
        }
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
        res.end(html);
      },
      (error: unknown) => {
        res.writeHead(502, { 'Content-Type': 'text/plain' });
        res.end(String(error));
      },
    );
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
