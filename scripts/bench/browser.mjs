// The measurements taken in a real (headless) Chromium through Playwright: what a reader
// downloads, and a scripted wheel scroll through a whole page (the story, or the baseline).
//
// Every page is treated as a reader meets it: it loads, the reader reads the first screen (the
// network goes quiet), then scrolls. The first wheel step is the reader's first interaction: a
// page that shows a still picture until then (a "facade") starts its live map on it, a page
// that loads its map at once is usually ready already. Either way the page must then report
// `<html data-map="ready">`, or the measurement fails.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { fileSizes, isMapLibreFile, kindOf, pageFile, totalsByKind } from './graph.mjs';
import { CHROME_FLAGS, findChrome, percentile, withTimeout } from './util.mjs';

const MAP_TIMEOUT = 90_000;
export const VIEWPORT = { width: 1280, height: 800 };
/** The scripted scroll: one mouse-wheel step of `stepPx` every `intervalMs`. */
export const SCROLL_PACE = { stepPx: 100, intervalMs: 100 };

export async function launchBrowser(extraArgs = []) {
  const executablePath = findChrome();
  return chromium.launch({ ...(executablePath ? { executablePath } : {}), args: [...CHROME_FLAGS, ...extraArgs], timeout: 60_000 });
}

/** Chromium without WebGL: the map fails and the page falls back to its static pictures. */
export const NO_WEBGL_FLAGS = ['--disable-webgl', '--disable-3d-apis'];

/**
 * Chromium compositing on the GPU, the GPU being SwiftShader on the CPU. By default this Chromium
 * composites in software, reading every WebGL frame back before it can go on (as a browser does
 * on a device whose GPU it will not use); with these flags it composites and rasterises through
 * SwiftShader instead, as on a device with a working GPU, though everything is still drawn by
 * the CPU.
 */
export const GPU_COMPOSITING_FLAGS = ['--ignore-gpu-blocklist', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];

/** How `browser` composites, as Chromium reports it (`enabled`, `disabled_software`, …). */
export async function gpuCompositing(browser) {
  const session = await browser.newBrowserCDPSession();
  try {
    const info = await session.send('SystemInfo.getInfo');
    return info.gpu?.featureStatus?.gpu_compositing ?? 'unknown';
  } finally {
    await session.detach().catch(() => {});
  }
}

/**
 * Runs in the page before its own scripts (`stage`: a CSS selector for the page's map stage, or
 * null when no paint in it is wanted).
 * Records long tasks, animation frames, WebGL draw calls (which give map frames drawn and the
 * first map draw), Element Timing paints inside the stage, the first input, the changes of
 * `<html data-map>` and the latest largest-contentful-paint entry. Nothing here needs a hook in
 * the page, so the story and the baseline are measured the same way.
 */
function instrument(stage) {
  const bench = {
    longTasks: [],
    frames: [],
    counting: false,
    tick: 0,
    draws: 0,
    mapFrames: 0,
    lastDrawTick: -1,
    lastDrawAt: 0,
    firstStageDraw: null,
    stagePaints: [],
    firstInput: null,
    mapStates: [],
  };
  window.__bench = bench;
  const observe = (type, onEntry) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(onEntry)).observe({ type, buffered: true });
      return true;
    } catch {
      return false;
    }
  };
  bench.longTaskObserver = observe('longtask', (e) => bench.longTasks.push({ start: e.startTime, duration: e.duration }));
  observe('largest-contentful-paint', (e) => (window.__lcp = e));
  observe('element', (e) => {
    if (e.identifier === 'bench-stage') bench.stagePaints.push({ ms: e.renderTime || e.loadTime, kind: e.name, tag: e.element?.localName ?? '' });
  });

  const tick = (t) => {
    bench.tick++;
    if (bench.counting) bench.frames.push(t);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);

  // A map frame is a frame with at least one WebGL draw call (MapLibre draws once per frame).
  const inStage = (canvas) => !!stage && canvas instanceof HTMLCanvasElement && canvas.isConnected && !!canvas.closest(stage);
  const onDraw = (canvas) => {
    const now = performance.now();
    bench.lastDrawAt = now;
    if (bench.firstStageDraw === null && inStage(canvas)) bench.firstStageDraw = now;
    if (!bench.counting) return;
    bench.draws++;
    if (bench.lastDrawTick !== bench.tick) {
      bench.lastDrawTick = bench.tick;
      bench.mapFrames++;
    }
  };
  for (const proto of [window.WebGLRenderingContext?.prototype, window.WebGL2RenderingContext?.prototype]) {
    if (!proto) continue;
    for (const name of ['drawArrays', 'drawElements', 'drawArraysInstanced', 'drawElementsInstanced', 'drawRangeElements']) {
      const original = proto[name];
      if (typeof original !== 'function') continue;
      proto[name] = function (...args) {
        onDraw(this.canvas);
        return original.apply(this, args);
      };
    }
  }

  // Element Timing reports only elements that carry `elementtiming`: mark everything that
  // appears inside the stage (still pictures, text) before it is painted.
  const mark = (node) => {
    const element = node.nodeType === 1 ? node : node.parentElement;
    if (!stage || !element?.closest(stage)) return;
    element.setAttribute('elementtiming', 'bench-stage');
    for (const child of element.querySelectorAll('*')) child.setAttribute('elementtiming', 'bench-stage');
  };
  const noteMap = () => {
    const state = document.documentElement?.dataset.map;
    if (state && bench.mapStates.at(-1)?.state !== state) bench.mapStates.push({ state, ms: performance.now() });
  };
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes') noteMap();
      else r.addedNodes.forEach(mark);
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-map'] });

  for (const type of ['wheel', 'keydown', 'pointerdown', 'touchstart']) {
    addEventListener(type, (e) => (bench.firstInput ??= { type, ms: e.timeStamp }), { capture: true, passive: true });
  }
}

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
 * Resolves with true once the page has settled, as a reader's first screen does: no request,
 * long task or WebGL draw for `quietMs`; with false if it has not within `maxMs`.
 */
async function settled(page, getCount, quietMs = 1000, maxMs = 30_000) {
  const start = Date.now();
  let last = getCount();
  let since = Date.now();
  while (Date.now() - start < maxMs) {
    await new Promise((r) => setTimeout(r, 100));
    const now = getCount();
    if (now !== last) {
      last = now;
      since = Date.now();
      continue;
    }
    if (Date.now() - since < quietMs) continue;
    const quiet = await page.evaluate((q) => {
      const b = window.__bench;
      const now = performance.now();
      const lastTask = Math.max(0, ...b.longTasks.map((t) => t.start + t.duration));
      return now - lastTask >= q && now - b.lastDrawAt >= q;
    }, quietMs);
    if (quiet) return true;
  }
  return false;
}

/**
 * Records every path a page fetches from our server, from two witnesses: Playwright's response
 * events (page and workers) and the server's own request log (which also sees what MapLibre's
 * worker fetches, whatever the browser reports).
 */
function recorder(context, server, origin) {
  const seen = new Map(); // path -> { status, from }
  const note = (rawUrl, status, from) => {
    let url;
    try {
      url = new URL(rawUrl, origin);
    } catch {
      return;
    }
    if (url.origin !== origin) return;
    const path = decodeURIComponent(url.pathname);
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
    /** A copy of what has been recorded so far. */
    snapshot: () => new Map([...seen].map(([k, v]) => [k, { status: v.status, from: new Set(v.from) }])),
    stop() {
      context.off('response', onResponse);
      server.off('request', onRequest);
    },
  };
}

/** Matches recorded URL paths to files in `folder` (the served folder) and sizes them. */
export function measureFiles(folder, recorded) {
  const files = [];
  const missing = [];
  for (const [path, { status, from }] of [...recorded.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (status && status >= 300 && status < 400) continue; // a redirect: the target is recorded too
    const file = pageFile(folder, path);
    if (!existsSync(file) || !statSync(file).isFile()) {
      missing.push({ path, status });
      continue;
    }
    const kind = kindOf(file);
    // A bundle that carries MapLibre under another name (the baseline's) is told by its content.
    const big = kind === 'js' && statSync(file).size > 300_000;
    files.push({
      path,
      kind,
      maplibre: isMapLibreFile(file, big ? readFileSync(file, 'latin1') : undefined),
      seenBy: [...from].sort(),
      sizes: fileSizes(file),
    });
  }
  return { files, missing, ...totalsByKind(files) };
}

/** The page's largest contentful paint as the browser itself reports it (Lighthouse 12.2.3 cannot name it with this Chromium). */
async function readLcp(page) {
  return page.evaluate(() => {
    const e = window.__lcp;
    if (!e) return null;
    const el = e.element;
    let selector = '';
    for (let node = el; node && node.nodeType === 1 && node !== document.documentElement; node = node.parentElement) {
      const part = node.id
        ? `${node.localName}#${node.id}`
        : `${node.localName}${node.classList.length ? `.${[...node.classList].slice(0, 2).join('.')}` : ''}`;
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

/** A fresh context (empty cache) with the instrument installed, and a page in it. */
async function open(browser, { stage = null, contextOptions = { viewport: VIEWPORT } }) {
  const context = await browser.newContext(contextOptions);
  await context.addInitScript(instrument, stage);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  return { context, page, errors };
}

async function goto(page, url) {
  const response = await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  if (!response || response.status() >= 400) throw new Error(`${url} answered ${response?.status()}`);
}

/** The reader's first interaction: one wheel step with the pointer in the middle of the window. */
async function firstScroll(page, viewport) {
  await page.mouse.move(viewport.width / 2, viewport.height / 2);
  await page.mouse.wheel(0, SCROLL_PACE.stepPx);
}

/** The LCP element of a page at a viewport (e.g. a phone's), from a fresh context, before any input. */
export async function lcpAt(browser, url, contextOptions) {
  const { context, page } = await open(browser, { contextOptions });
  try {
    await goto(page, url);
    await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => {});
    return await readLcp(page);
  } finally {
    await context.close();
  }
}

/**
 * Loads one page in a fresh context and records what it downloads: the first view (until the
 * network is quiet, before any input), then everything until its map is ready after the
 * reader's first scroll. `folder` is the folder `server` serves.
 */
export async function measureDownloads(browser, { server, origin, folder, path, viewport = VIEWPORT }) {
  const { context, page, errors } = await open(browser, { contextOptions: { viewport } });
  try {
    const rec = recorder(context, server, origin);
    await goto(page, new URL(path, origin).href);
    await settled(page, rec.count);
    const firstView = measureFiles(folder, rec.snapshot());
    await firstScroll(page, viewport);
    const map = await waitForMap(page);
    // Times from navigation start, as the page itself recorded them.
    const times = await page.evaluate(() => ({ input: window.__bench.firstInput?.ms, ready: window.__bench.mapStates.find((s) => s.state === 'ready')?.ms }));
    await networkQuiet(rec.count);
    rec.stop();
    const lcp = await readLcp(page);
    const { files: _, missing: __, ...firstViewTotals } = firstView;
    const at = (ms) => (ms === undefined ? null : Math.round(ms));
    return {
      path,
      map,
      firstScrollMs: at(times.input),
      mapReadyMs: at(times.ready),
      lcp,
      errors,
      firstView: { files: firstView.files.length, ...firstViewTotals },
      ...measureFiles(folder, rec.seen),
    };
  } finally {
    await context.close();
  }
}

/**
 * One measured scroll of one page, from a fresh context: load; let the first screen settle (a
 * reader reading it); the first wheel step (time to the live map); settle again; then the
 * scripted wheel scroll to the bottom of the page. Throws if the map does not reach
 * `expectMap`, or leaves it. `folder` is the folder `server` serves. `triggers` says where the
 * page changes section (its section elements, its trigger line as a fraction of the window):
 * the result's `triggers` are the scroll positions (px) at which each section reaches the line.
 */
export async function measureScroll(browser, { label, server, origin, folder, path = '/', stage, triggers, expectMap = 'ready', maxMs = 180_000 }) {
  const { stepPx, intervalMs } = SCROLL_PACE;
  const { context, page, errors } = await open(browser, { stage });
  try {
    const rec = recorder(context, server, origin);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await goto(page, new URL(path, origin).href);
    const settledBeforeInput = await settled(page, rec.count);

    await firstScroll(page, VIEWPORT);
    const map = await waitForMap(page);
    if (map !== expectMap) {
      throw new Error(
        `${label}: <html data-map> is "${map}"${map === 'timeout' ? ` ${MAP_TIMEOUT / 1000} s after the first scroll` : ''}, expected "${expectMap}"${errors.length ? ` (page errors: ${errors.join('; ')})` : ''}`,
      );
    }
    const settledBeforeScroll = await settled(page, rec.count);
    const wake = await page.evaluate((stage) => {
      const b = window.__bench;
      const ready = b.mapStates.find((s) => s.state === 'ready');
      const paint = b.stagePaints.slice().sort((x, y) => x.ms - y.ms)[0];
      const firstPaint = [
        paint && { ms: paint.ms, by: `${paint.kind} <${paint.tag}>` },
        b.firstStageDraw !== null && { ms: b.firstStageDraw, by: 'WebGL draw' },
      ]
        .filter(Boolean)
        .sort((x, y) => x.ms - y.ms)[0];
      return {
        firstInput: b.firstInput,
        mapReadyAtMs: ready?.ms ?? null,
        firstStagePaint: firstPaint ?? null,
        firstMapDrawMs: b.firstStageDraw,
        loadTasks: b.longTasks.map((t) => t.duration),
        canvas: (() => {
          const c = [...document.querySelectorAll(`${stage} canvas`)].find((x) => x.width > 0);
          return c ? { width: c.width, height: c.height } : null;
        })(),
      };
    }, stage);
    const metricsBefore = await getMetrics(cdp);

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
      return {
        seconds: (end - start) / 1000,
        frames: b.frames.slice(),
        tasks: b.longTasks.filter((t) => t.start >= start && t.start <= end).map((t) => t.duration),
        observer: b.longTaskObserver,
        draws: b.draws,
        mapFrames: b.mapFrames,
        map: document.documentElement.dataset.map,
      };
    }, t0);
    const metricsAfter = await getMetrics(cdp);
    // Read at the bottom, not before: a page that lays out or loads content as the reader nears it
    // may grow on the way down.
    const { scrollHeight, sectionsAt } = await page.evaluate(
      (t) => ({
        scrollHeight: document.documentElement.scrollHeight,
        sectionsAt: t
          ? [...document.querySelectorAll(t.selector)].map((e) => Math.round(e.getBoundingClientRect().top + scrollY - innerHeight * t.offset))
          : null,
      }),
      triggers ?? null,
    );
    if (result.map !== expectMap)
      throw new Error(`${label}: <html data-map> turned "${result.map}" during the scroll${errors.length ? ` (page errors: ${errors.join('; ')})` : ''}`);
    // The heap the page keeps, not the garbage it has yet to collect.
    await withTimeout(cdp.send('HeapProfiler.collectGarbage'), 30_000, 'HeapProfiler.collectGarbage');
    const heap = await getMetrics(cdp);
    await networkQuiet(rec.count, 500, 5000);
    rec.stop();

    const intervals = [];
    for (let i = 1; i < result.frames.length; i++) intervals.push(result.frames[i] - result.frames[i - 1]);
    intervals.sort((a, b) => a - b);
    const tasks = result.tasks.slice().sort((a, b) => a - b);
    const loadTasks = wake.loadTasks;
    const delta = (key) => (metricsAfter[key] ?? 0) - (metricsBefore[key] ?? 0);
    const input = wake.firstInput;
    return {
      map,
      errors,
      firstInput: input?.type ?? null,
      // A page whose map was ready before the reader's first scroll kept the reader waiting 0 ms.
      firstInputToMapReadyMs: input && wake.mapReadyAtMs !== null ? Math.round(Math.max(0, wake.mapReadyAtMs - input.ms)) : null,
      mapReadyBeforeInput: input && wake.mapReadyAtMs !== null ? wake.mapReadyAtMs <= input.ms : null,
      mapReadyAtMs: round(wake.mapReadyAtMs, 0),
      firstStagePaint: wake.firstStagePaint ? { ms: Math.round(wake.firstStagePaint.ms), by: wake.firstStagePaint.by } : null,
      firstMapDrawMs: round(wake.firstMapDrawMs, 0),
      settled: { beforeFirstInput: settledBeforeInput, beforeScroll: settledBeforeScroll },
      canvas: wake.canvas,
      pace: { stepPx, intervalMs, pxPerSecond: Math.round((stepPx * 1000) / intervalMs) },
      steps,
      reachedBottom: atBottom,
      scrollHeight,
      triggers: sectionsAt,
      seconds: round(result.seconds, 2),
      fps: round(result.frames.length / result.seconds, 1),
      frameIntervalMs: { median: round(percentile(intervals, 50), 1), p95: round(percentile(intervals, 95), 1), max: round(intervals.at(-1) ?? 0, 1) },
      framesOver50ms: intervals.filter((x) => x > 50).length,
      mapFrames: result.mapFrames,
      drawCalls: result.draws,
      drawCallsPerMapFrame: result.mapFrames ? round(result.draws / result.mapFrames, 1) : null,
      longTasks: {
        observed: result.observer,
        count: tasks.length,
        totalMs: Math.round(tasks.reduce((a, b) => a + b, 0)),
        maxMs: Math.round(tasks.at(-1) ?? 0),
        blockingMs: Math.round(tasks.reduce((a, b) => a + Math.max(0, b - 50), 0)),
      },
      longTasksBeforeScroll: { count: loadTasks.length, totalMs: Math.round(loadTasks.reduce((a, b) => a + b, 0)) },
      mainThreadDuringScrollMs: {
        script: Math.round(delta('ScriptDuration') * 1000),
        layout: Math.round(delta('LayoutDuration') * 1000),
        style: Math.round(delta('RecalcStyleDuration') * 1000),
        task: Math.round(delta('TaskDuration') * 1000),
      },
      heapAfterGcBytes: heap.JSHeapUsedSize ?? null,
      downloadsAfterScroll: measureFiles(folder, rec.seen),
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
