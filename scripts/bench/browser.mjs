// The measurements taken in a real (headless) Chromium through Playwright: what a reader
// downloads, and a scripted scroll through the whole story.
import { existsSync, statSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { fileSizes, isMapLibreFile, kindOf, pageFile, totalsByKind } from './graph.mjs';
import { CHROME_FLAGS, findChrome, percentile, withTimeout } from './util.mjs';

const MAP_TIMEOUT = 90_000;

export async function launchBrowser(extraArgs = []) {
  const executablePath = findChrome();
  return chromium.launch({ ...(executablePath ? { executablePath } : {}), args: [...CHROME_FLAGS, ...extraArgs], timeout: 60_000 });
}

/** Chromium without WebGL: the map fails and the page falls back to its static pictures. */
export const NO_WEBGL_FLAGS = ['--disable-webgl', '--disable-3d-apis'];

/** Waits until the page says its map is 'ready' or 'failed'; resolves with that, or 'timeout'. */
async function waitForMap(page, timeout = MAP_TIMEOUT) {
  try {
    await page.waitForFunction(() => ['ready', 'failed'].includes(document.documentElement.dataset.map ?? ''), null, { timeout, polling: 100 });
    return await page.evaluate(() => document.documentElement.dataset.map);
  } catch {
    return 'timeout';
  }
}

/** Resolves once no request has started or finished for `quietMs` (at most `maxMs`). */
async function networkQuiet(getCount, quietMs = 1000, maxMs = 15_000) {
  const start = Date.now();
  let last = getCount();
  let since = Date.now();
  while (Date.now() - start < maxMs) {
    await new Promise((r) => setTimeout(r, 100));
    const now = getCount();
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return;
  }
}

/**
 * Records every path a page fetches from our server, from two witnesses: Playwright's response
 * events (page and workers) and the server's own request log (which also sees what MapLibre's
 * worker fetches, whatever the browser reports).
 */
function recorder(context, server, origin, base) {
  const seen = new Map(); // path -> { status, from }
  const note = (rawUrl, status, from) => {
    let url;
    try {
      url = new URL(rawUrl, origin);
    } catch {
      return;
    }
    if (url.origin !== origin || !url.pathname.startsWith(base)) return;
    const path = `/${decodeURIComponent(url.pathname.slice(base.length))}`;
    const entry = seen.get(path) ?? { status, from: new Set() };
    if (status && (!entry.status || entry.status >= 300)) entry.status = status;
    entry.from.add(from);
    seen.set(path, entry);
  };
  const onResponse = (response) => note(response.url(), response.status(), 'browser');
  context.on('response', onResponse);
  const onRequest = (req, res) => res.once('finish', () => note(req.url ?? '/', res.statusCode, 'server'));
  server.on('request', onRequest);
  return {
    seen,
    count: () => seen.size,
    stop() {
      context.off('response', onResponse);
      server.off('request', onRequest);
    },
  };
}

/** Matches recorded URL paths to files in `dist` and sizes them. */
export function measureFiles(dist, recorded) {
  const files = [];
  const missing = [];
  for (const [path, { status, from }] of [...recorded.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (status && status >= 300 && status < 400) continue; // a redirect: the target is recorded too
    const file = pageFile(dist, path);
    if (!existsSync(file) || !statSync(file).isFile()) {
      missing.push({ path, status });
      continue;
    }
    const kind = kindOf(file);
    files.push({ path, kind, maplibre: isMapLibreFile(file), seenBy: [...from].sort(), sizes: fileSizes(file) });
  }
  return { files, missing, ...totalsByKind(files) };
}

/** Runs in the page before its own scripts: keeps the latest largest-contentful-paint entry. */
function observeLcp() {
  try {
    new PerformanceObserver((list) => {
      window.__lcp = list.getEntries().at(-1);
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  } catch {
    // no LCP in this browser
  }
}

/** The page's largest contentful paint as the browser itself reports it (Lighthouse 12.2.3 cannot name it with this Chromium). */
async function readLcp(page) {
  return page.evaluate(() => {
    const e = window.__lcp;
    if (!e) return null;
    const el = e.element;
    let selector = '';
    for (let node = el; node && node.nodeType === 1 && node !== document.documentElement; node = node.parentElement) {
      const part = node.id ? `${node.localName}#${node.id}` : `${node.localName}${node.classList.length ? `.${[...node.classList].slice(0, 2).join('.')}` : ''}`;
      selector = selector ? `${part} > ${selector}` : part;
      if (node.id) break;
    }
    return {
      ms: Math.round(e.renderTime || e.startTime),
      size: e.size,
      selector,
      label: el ? (el.getAttribute('alt') || el.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 100) : '(element gone)',
      url: e.url || '',
    };
  });
}

/** The LCP element of a page at a viewport (e.g. a phone's), from a fresh context. */
export async function lcpAt(browser, url, contextOptions) {
  const context = await browser.newContext(contextOptions);
  try {
    await context.addInitScript(observeLcp);
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await waitForMap(page);
    return await readLcp(page);
  } finally {
    await context.close();
  }
}

/** Loads one page in a fresh context (empty cache) and records what it downloads until its map is ready. */
export async function measureDownloads(browser, { server, origin, base, dist, path, viewport = { width: 1280, height: 800 } }) {
  const context = await browser.newContext({ viewport });
  try {
    await context.addInitScript(observeLcp);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const rec = recorder(context, server, origin, base);
    const start = Date.now();
    const response = await page.goto(new URL(path.replace(/^\//, ''), `${origin}${base}`).href, { waitUntil: 'load', timeout: 60_000 });
    if (!response || response.status() >= 400) throw new Error(`${path} answered ${response?.status()}`);
    const map = await waitForMap(page);
    const mapMs = Date.now() - start;
    await networkQuiet(rec.count);
    rec.stop();
    const lcp = await readLcp(page);
    return { path, map, mapReadyMs: mapMs, lcp, errors, ...measureFiles(dist, rec.seen) };
  } finally {
    await context.close();
  }
}

/** Runs in the page before its own scripts: long tasks (buffered) and a frame counter. */
function instrument() {
  const bench = { longTasks: [], frames: [], counting: false };
  window.__bench = bench;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    bench.noLongTaskObserver = true;
  }
  const tick = (t) => {
    if (bench.counting) bench.frames.push(t);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/**
 * Scrolls the story from top to bottom with the mouse wheel at a reader's pace (`stepPx` every
 * `intervalMs`) and reports long tasks, frame rate and memory. Also records downloads.
 */
export async function scrollStory(browser, { server, origin, base, dist, stepPx = 100, intervalMs = 100, maxMs = 180_000 }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await context.addInitScript(instrument);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const rec = recorder(context, server, origin, base);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`${origin}${base}`, { waitUntil: 'load', timeout: 60_000 });
    const map = await waitForMap(page);
    await networkQuiet(rec.count, 1000, 10_000);
    await page.waitForTimeout(500);
    const loadTasks = await page.evaluate(() => window.__bench.longTasks.map((t) => t.duration));
    const metricsBefore = await getMetrics(cdp);

    await page.mouse.move(640, 400);
    const scrollHeight = await page.evaluate(() => document.documentElement.scrollHeight);
    const t0 = await page.evaluate(() => {
      window.__bench.counting = true;
      return performance.now();
    });
    const started = Date.now();
    let steps = 0;
    let atBottom = false;
    while (Date.now() - started < maxMs) {
      const tick = Date.now();
      await page.mouse.wheel(0, stepPx);
      steps++;
      if (steps % 5 === 0) {
        atBottom = await page.evaluate(() => scrollY + innerHeight >= document.documentElement.scrollHeight - 2);
        if (atBottom) break;
      }
      const wait = intervalMs - (Date.now() - tick);
      if (wait > 0) await page.waitForTimeout(wait);
    }
    await page.waitForTimeout(500); // let the last flight start and the wheel settle
    const result = await page.evaluate((start) => {
      const b = window.__bench;
      b.counting = false;
      const end = performance.now();
      const tasks = b.longTasks.filter((t) => t.start >= start && t.start <= end);
      return {
        seconds: (end - start) / 1000,
        frames: b.frames.slice(),
        tasks: tasks.map((t) => t.duration),
        observer: !b.noLongTaskObserver,
        scrollY: scrollY,
        memory: performance.memory ? { used: performance.memory.usedJSHeapSize, total: performance.memory.totalJSHeapSize } : null,
      };
    }, t0);
    const metricsAfter = await getMetrics(cdp);
    await networkQuiet(rec.count, 500, 5000);
    rec.stop();

    const intervals = [];
    for (let i = 1; i < result.frames.length; i++) intervals.push(result.frames[i] - result.frames[i - 1]);
    intervals.sort((a, b) => a - b);
    const tasks = result.tasks.slice().sort((a, b) => a - b);
    const delta = (key) => (metricsAfter[key] ?? 0) - (metricsBefore[key] ?? 0);
    return {
      map,
      errors,
      pace: { stepPx, intervalMs, pxPerSecond: Math.round((stepPx * 1000) / intervalMs) },
      steps,
      reachedBottom: atBottom,
      scrollHeight,
      seconds: round(result.seconds, 2),
      fps: round(result.frames.length / result.seconds, 1),
      frameIntervalMs: { median: round(percentile(intervals, 50), 1), p95: round(percentile(intervals, 95), 1), max: round(intervals.at(-1) ?? 0, 1) },
      framesOver50ms: intervals.filter((x) => x > 50).length,
      longTasks: {
        observed: result.observer,
        count: tasks.length,
        totalMs: Math.round(tasks.reduce((a, b) => a + b, 0)),
        maxMs: Math.round(tasks.at(-1) ?? 0),
        blockingMs: Math.round(tasks.reduce((a, b) => a + Math.max(0, b - 50), 0)),
      },
      longTasksDuringLoad: { count: loadTasks.length, totalMs: Math.round(loadTasks.reduce((a, b) => a + b, 0)) },
      mainThreadDuringScrollMs: {
        script: Math.round(delta('ScriptDuration') * 1000),
        layout: Math.round(delta('LayoutDuration') * 1000),
        style: Math.round(delta('RecalcStyleDuration') * 1000),
        task: Math.round(delta('TaskDuration') * 1000),
      },
      heap: {
        usedBytes: metricsAfter.JSHeapUsedSize ?? result.memory?.used ?? null,
        totalBytes: metricsAfter.JSHeapTotalSize ?? result.memory?.total ?? null,
        source: metricsAfter.JSHeapUsedSize ? 'CDP Performance.getMetrics' : 'performance.memory',
      },
      downloadsAfterScroll: measureFiles(dist, rec.seen),
    };
  } finally {
    await context.close();
  }
}

async function getMetrics(cdp) {
  const { metrics } = await withTimeout(cdp.send('Performance.getMetrics'), 10_000, 'Performance.getMetrics');
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

const round = (x, digits) => (x === null || x === undefined ? null : Math.round(x * 10 ** digits) / 10 ** digits);
