import { readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, relative, sep } from 'node:path';
import type { Page, Response } from '@playwright/test';
import { test, expect, wake, waitForMap } from './fixtures.ts';
import { scrollToSection } from './story.ts';
import { ARTIFACTS, cspViolations, expectFailedOver, dropHttpErrors, expectStillMaps, story, watchCsp } from './resilience.ts';
import { serve } from '../../scripts/serve.mjs';

// "Nothing lost": the story stays whole without JavaScript, when the map's data or worker fails,
// when WebGL goes away, in print, and wherever the built folder is hosted. (No WebGL at all is in
// resilience-nowebgl.spec.ts: it needs a browser launched with other flags.)

const DIST = process.env.DIST ?? 'dist';
// Read from the source, not imported: importing loadMap.ts would pull MapLibre into Node.
const LOAD_TIMEOUT_MS = Number(/LOAD_TIMEOUT_MS = ([\d_]+)/.exec(readFileSync('src/lib/map/controller.ts', 'utf8'))![1]!.replaceAll('_', ''));

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the whole story is in the HTML, each section with its still map and description', async ({ page }) => {
    await page.goto('./');
    await expect(page.locator('.stage-slot')).toBeHidden();
    await expect(page.locator('.skip-link')).toBeAttached();
    await expectStillMaps(page);
    await expect(page.getByRole('heading', { level: 2, name: 'Sources and method' })).toBeVisible();
    await page.locator(`#${story[2]!.slug} .static-map`).evaluate((e) => e.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: `${ARTIFACTS}/nojs-section.png` });
    await page.screenshot({ path: `${ARTIFACTS}/nojs-full.png`, fullPage: true });
  });
});

test.describe('the map’s inputs fail', () => {
  const cases = [
    { name: 'countries.geojson is missing', url: '**/data/countries.geojson', status: 404, body: 'Not found' },
    { name: 'countries.geojson is not JSON', url: '**/data/countries.geojson', status: 200, body: 'not json' },
    // Valid JSON, but no map can draw it: it must not load as "ready" with a layer silently missing.
    {
      name: 'areas.geojson is JSON but not GeoJSON',
      url: '**/data/areas.geojson',
      status: 200,
      body: '{"type":"FeatureCollection","features":[{"type":"Feature"}]}',
    },
    { name: 'markers.geojson is the wrong JSON', url: '**/data/markers.geojson', status: 200, body: '{"features": 3}' },
    { name: 'story.json is missing', url: '**/story.json', status: 404, body: 'Not found' },
    { name: 'story.json is not JSON', url: '**/story.json', status: 200, body: 'not json' },
    // The wrong shape (another build's, or damaged): the page falls back without a TypeError.
    { name: 'story.json is the wrong shape', url: '**/story.json', status: 200, body: '{"sections":[{"slug":"the-road","map":{}}],"paths":{}}' },
  ];
  for (const { name, url, status, body } of cases) {
    test(`${name}: the still maps take over`, async ({ page, guard }) => {
      let hits = 0;
      await page.route(url, (route) => {
        hits++;
        return route.fulfill({ status, contentType: 'application/json', body });
      });
      await page.goto('./');
      await wake(page);
      await expectFailedOver(page);
      expect(hits, 'the failing request was made').toBeGreaterThan(0);
      if (status === 404) dropHttpErrors(guard.errors);
    });
  }

  test('the map worker is missing: the still maps take over', async ({ page, guard }) => {
    let hits = 0;
    await page.route('**/maplibre-gl-worker*.mjs', (route) => {
      hits++;
      return route.fulfill({ status: 404, body: 'Not found' });
    });
    await page.goto('./');
    await wake(page);
    await expectFailedOver(page);
    expect(hits).toBeGreaterThan(0);
    dropHttpErrors(guard.errors);
  });

  // A request that hangs errors nowhere; only the load timeout (LOAD_TIMEOUT_MS) ends the wait.
  // Until then the reader sees the section's still, never a blank box; after it, the still maps.
  for (const { name, url } of [
    { name: 'the map worker', url: '**/maplibre-gl-worker*.mjs' },
    { name: 'the MapLibre chunk', url: '**/_astro/maplibre.*.js' },
    { name: 'story.json', url: '**/story.json' },
  ]) {
    test(`${name} never arrives: the page gives up after its load timeout`, async ({ page }) => {
      test.setTimeout(LOAD_TIMEOUT_MS + 120_000);
      let stalled = 0;
      await page.route(url, () => {
        stalled++;
      });
      await page.goto('./');
      await wake(page);
      const start = Date.now();
      await expect(page.locator('.stage .map-still img')).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('data-map', 'failed', { timeout: LOAD_TIMEOUT_MS + 40_000 });
      expect(Date.now() - start, 'failed over by the timeout, not by an error').toBeGreaterThan(LOAD_TIMEOUT_MS - 3000);
      await expectFailedOver(page);
      expect(stalled).toBeGreaterThan(0);
    });
  }

  test('the WebGL context is lost after loading: the still maps take over', async ({ page }) => {
    await page.goto('./');
    await waitForMap(page);
    await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('canvas.maplibregl-canvas')!;
      const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
      gl!.getExtension('WEBGL_lose_context')!.loseContext();
    });
    await expectFailedOver(page);
  });
});

test('print: the sections as a flat list, each with its still map, no map stage', async ({ page }) => {
  await page.goto('./');
  await waitForMap(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.stage-slot')).toBeHidden();
  // Printing straight away, without scrolling: the lazy still maps load once the page turns to
  // print (Chromium's PDF printing would not fetch them itself).
  const loaded = () => page.locator('.static-map img').evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth > 0).length);
  await expect.poll(loaded, { message: 'still maps loaded for printing' }).toBe(story.length);
  await page.pdf({ path: `${ARTIFACTS}/print.pdf`, format: 'A4', printBackground: true });
  await expectStillMaps(page);
  await page.screenshot({ path: `${ARTIFACTS}/print-full.png`, fullPage: true });
});

test('a Content-Security-Policy keeps every fetch on the site, and the map works inside it', async ({ page, guard }) => {
  await watchCsp(page);
  await page.goto('./');
  const policy = await page.locator('meta[http-equiv="content-security-policy" i]').getAttribute('content');
  for (const directive of [
    "default-src 'self'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ]) {
    expect(policy, directive).toContain(directive);
  }
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).not.toContain('unsafe-eval');
  await waitForMap(page);
  for (const section of story) await scrollToSection(page, section.slug, 0.9);
  await expect(page.locator('html')).toHaveAttribute('data-map', 'ready');
  expect(await cspViolations(page), 'CSP violations during load and scroll').toEqual([]);

  // The policy is really enforced: a fetch off the site is refused before it leaves the browser.
  const refused = await page.evaluate(() =>
    fetch('https://example.invalid/track').then(
      () => false,
      () => true,
    ),
  );
  expect(refused).toBe(true);
  expect(await cspViolations(page)).toEqual([expect.stringContaining('connect-src blocked https://example.invalid/track')]);
  const policyErrors = guard.errors.filter((e) => e.includes('Content Security Policy'));
  expect(policyErrors.length).toBeGreaterThan(0);
  guard.errors.splice(0, guard.errors.length, ...guard.errors.filter((e) => !policyErrors.includes(e)));
});

/** Every file of the built folder, as paths relative to it with `/` separators. */
function builtFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** The same-site URLs a page's HTML points at: links, scripts, images, icons, CSS url()s, relative meta content. */
function referencedUrls(html: string, pageUrl: string): string[] {
  const found = new Set<string>();
  const patterns = [/\s(?:href|src|poster)="([^"]+)"/g, /\ssrcset="([^"]+)"/g, /\scontent="(\.{1,2}\/[^"]*)"/g, /url\(\s*['"]?([^'")]+)['"]?\s*\)/g];
  for (const pattern of patterns) {
    for (const [, value] of html.matchAll(pattern)) {
      for (const candidate of pattern.source.includes('srcset') ? value!.split(',').map((s) => s.trim().split(/\s+/)[0]!) : [value!]) {
        if (/^(#|data:|blob:|mailto:|javascript:)/.test(candidate)) continue;
        const url = new URL(candidate.replaceAll('&amp;', '&'), pageUrl);
        if (url.origin === new URL(pageUrl).origin) found.add(url.href.replace(/#.*$/, ''));
      }
    }
  }
  return [...found];
}

const EXPECTED_TYPES: Record<string, RegExp> = {
  html: /^text\/html/,
  js: /^text\/javascript/,
  mjs: /^text\/javascript/,
  css: /^text\/css/,
  json: /^application\/json/,
  geojson: /^application\/(geo\+)?json/,
  svg: /^image\/svg\+xml/,
  png: /^image\/png/,
  woff2: /^font\/woff2/,
};

/** What a page loaded and what failed, for checks at the end of a test. */
function recordLoads(page: Page) {
  const responses: Response[] = [];
  const failed: string[] = [];
  page.on('response', (r) => responses.push(r));
  page.on('requestfailed', (r) => {
    // A request the page cancels itself (a preview frame replaced, a fetch no longer needed)
    // is not the host failing.
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') failed.push(`${r.url()}: ${r.failure()?.errorText} (from ${r.frame().url()})`);
  });
  return { responses, failed };
}

function expectAllFromSite({ responses, failed }: ReturnType<typeof recordLoads>, site: string) {
  expect(failed, 'failed requests').toEqual([]);
  // 304: the host confirming a copy the browser already holds (the picker shows a still twice).
  const wrong = responses.filter((r) => ![200, 304].includes(r.status()) || !r.url().startsWith(site)).map((r) => `${r.status()} ${r.url()}`);
  expect(wrong, `responses neither 200 nor 304, or from outside ${site}`).toEqual([]);
}

// Every page the build makes: the story, the journalists' page and each section's embed.
const PAGES = ['', 'embed/', ...story.map((section) => `embed/${section.slug}/`)];

// One built folder served at the root and under a sub-path, each page in a browser in a test of
// its own (so they spread over the workers), and every file over HTTP.
for (const base of ['/', '/newsroom/2020/idlib/']) {
  test.describe(`hosting at ${base}: the same built folder, without a rebuild`, () => {
    let server: Awaited<ReturnType<typeof serve>>;
    let site: string;

    test.beforeAll(async () => {
      server = await serve({ folder: DIST, port: 0, base });
      site = `http://127.0.0.1:${(server.address() as AddressInfo).port}${base}`;
    });
    test.afterAll(async () => {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
    });

    test('the story: its live map with every script, worker, font and datum, then every still map', async ({ page }) => {
      test.setTimeout(240_000);
      const loads = recordLoads(page);
      await watchCsp(page);
      await page.goto(site);
      await waitForMap(page);
      // Scrolled through: some things load only when a section needs them (the bold label font).
      for (const section of story) await scrollToSection(page, section.slug, 0.9);
      await expect(page.locator('html')).toHaveAttribute('data-map', 'ready');
      expect(await cspViolations(page), `CSP violations on ${site}`).toEqual([]);
      await page.emulateMedia({ media: 'print' }); // the still maps, as a printing reader fetches them
      await expectStillMaps(page);
      expectAllFromSite(loads, site);
      const kinds = new Set(loads.responses.map((r) => new URL(r.url()).pathname.split('.').pop()));
      for (const kind of ['js', 'mjs', 'woff2', 'geojson', 'json', 'svg']) expect(kinds, `a .${kind} was loaded`).toContain(kind);
    });

    for (const path of PAGES.slice(1)) {
      // A section's embed has a live map of its own: it must get ready here too, which needs its
      // code, worker, data and font. The journalists' page: all its requests settled.
      const embed = path !== 'embed/';
      test(`${path}${embed ? ', with its live map' : ''}`, async ({ page }) => {
        const loads = recordLoads(page);
        await watchCsp(page);
        await page.goto(site + path, { waitUntil: embed ? 'commit' : 'networkidle' });
        if (embed) await waitForMap(page);
        for (const frame of page.frames()) expect(await frame.locator('html').getAttribute('data-map'), frame.url()).not.toBe('failed');
        expect(await cspViolations(page), 'CSP violations').toEqual([]);
        expectAllFromSite(loads, site);
      });
    }

    test('every URL the pages point at, and every file with the type a browser needs', async ({ request }) => {
      const files = builtFiles(DIST);
      const pages = files.filter((f) => f.endsWith('index.html')).map((f) => f.replace(/index\.html$/, ''));
      expect(pages.sort(), 'the pages tested in a browser above are all the pages there are').toEqual([...PAGES].sort());
      // Every URL any page's HTML points at (data downloads, share images, embeds, icons).
      const urls = new Set<string>();
      for (const p of pages) {
        const r = await request.get(site + p);
        expect(r.status(), p).toBe(200);
        for (const u of referencedUrls(await r.text(), site + p)) urls.add(u);
      }
      for (const u of urls) {
        const r = await request.get(u, { maxRedirects: 0 });
        expect(r.status(), u).toBe(200);
      }
      // Every file in the folder, with the MIME type a browser needs for it.
      for (const file of files) {
        const r = await request.head(site + file);
        expect(r.status(), file).toBe(200);
        const type = EXPECTED_TYPES[file.split('.').pop()!];
        if (type) expect(r.headers()['content-type'], file).toMatch(type);
      }
    });
  });
}
