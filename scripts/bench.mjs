#!/usr/bin/env node
// `npm run bench`: builds the site into a folder of its own, serves it on a free local port and
// measures it: bytes a reader downloads (story page and one embed), Lighthouse (mobile and
// desktop, median of several runs), a scripted scroll through the story, and the project's own
// per-scroll work in a Node micro-benchmark. Writes bench/results.json and bench/RESULTS.md.
//
//   npm run bench                       # full run (several minutes)
//   npm run bench -- --runs 5           # Lighthouse runs per preset (default 3)
//   npm run bench -- --dist dist        # measure an existing build instead of building
//   npm run bench -- --quick            # 1 Lighthouse run each, fewer micro-benchmark calls (not for the record)
//   npm run bench -- --skip lighthouse,lighthouse-no-webgl,scroll,scroll-no-webgl,frame,downloads,budgets
//   npm run bench -- --keep             # keep bench/tmp/ (the build) afterwards
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { join, relative, resolve } from 'node:path';
import { analysePage, budgetFigures, checkBudgets, kb, pageFile } from './bench/graph.mjs';
import { NO_WEBGL_FLAGS, launchBrowser, lcpAt, measureDownloads, scrollStory } from './bench/browser.mjs';
import { LIGHTHOUSE_FLAGS, lighthouseAll, lighthouseVersion } from './bench/lighthouse.mjs';
import { renderMarkdown } from './bench/report.mjs';
import { findChrome, log, run, withTimeout } from './bench/util.mjs';
import { serve } from './serve.mjs';

const require = createRequire(import.meta.url);
const ROOT = resolve(import.meta.dirname, '..');
process.chdir(ROOT);
process.env.ASTRO_TELEMETRY_DISABLED = '1';

function options(argv) {
  const o = { runs: 3, dist: undefined, quick: false, keep: false, skip: new Set(), calls: 20_000, out: 'bench' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs') o.runs = Number(argv[++i]);
    else if (a === '--dist') o.dist = argv[++i];
    else if (a === '--quick') o.quick = true;
    else if (a === '--keep') o.keep = true;
    else if (a === '--skip') for (const s of argv[++i].split(',')) o.skip.add(s.trim());
    else if (a === '--calls') o.calls = Number(argv[++i]);
    else if (a === '--out') o.out = argv[++i];
    else throw new Error(`unknown option ${a}`);
  }
  if (o.quick) {
    o.runs = 1;
    o.calls = 5000;
  }
  if (!(o.runs >= 1)) throw new Error('--runs must be at least 1');
  return o;
}

const opts = options(process.argv.slice(2));
const TMP = join(ROOT, 'bench', 'tmp');
const errors = [];
const results = {
  command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
  date: new Date().toISOString(),
  machine: machine(),
  source: source(),
  build: null,
  errors,
  downloads: {},
  budgets: null,
  lighthouseFlags: LIGHTHOUSE_FLAGS,
  lighthouse: null,
  lcpBrowser: null,
  scroll: null,
  scrollNoWebgl: null,
  frameBench: null,
};

function machine() {
  const cpus = os.cpus();
  let chromium = 'no Chromium found';
  const path = findChrome();
  if (path) {
    try {
      chromium = execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 20_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      chromium = path;
    }
  }
  const version = (pkg) => {
    try {
      return JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')).version;
    } catch {
      return 'not installed';
    }
  };
  return {
    cpus: os.availableParallelism?.() ?? cpus.length,
    cpuModel: cpus[0]?.model?.trim() ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    chromium,
    chromiumPath: path ?? null,
    playwright: version('@playwright/test'),
    lighthouse: (() => {
      try {
        return lighthouseVersion();
      } catch {
        return 'not installed';
      }
    })(),
  };
}

function source() {
  const git = (...args) => {
    try {
      return execFileSync('git', args, { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return '';
    }
  };
  const status = git('status', '--porcelain');
  return { commit: git('rev-parse', '--short', 'HEAD') || 'unknown', dirtyFiles: status ? status.split('\n').length : 0 };
}

/** The slug of the story's first section (by `order`), for its embed page. */
function firstSlug() {
  const dir = 'src/content/story';
  if (!existsSync(dir)) return undefined;
  const sections = readdirSync(dir)
    .filter((f) => /\.mdx?$/.test(f))
    .map((f) => {
      const order = /^order:\s*(\d+)/m.exec(readFileSync(join(dir, f), 'utf8'))?.[1];
      return { slug: f.replace(/\.mdx?$/, '').replace(/^\d+-/, ''), order: order ? Number(order) : Infinity };
    })
    .sort((a, b) => a.order - b.order);
  return sections[0]?.slug;
}

async function build() {
  const outDir = join(TMP, 'dist');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(TMP, { recursive: true });
  const started = Date.now();
  const rel = relative(ROOT, outDir);
  log(`building: npx astro build --outDir ${rel}`);
  await run('npx', ['--no-install', 'astro', 'build', '--outDir', rel], { timeoutMs: 600_000 });
  results.build = { command: `npx astro build --outDir ${rel}`, outDir: rel, seconds: Math.round((Date.now() - started) / 100) / 10 };
  return outDir;
}

async function step(name, timeoutMs, fn) {
  if (opts.skip.has(name)) {
    log(`${name}: skipped`);
    return undefined;
  }
  const started = Date.now();
  log(`${name}: start`);
  try {
    const value = await withTimeout(fn(), timeoutMs, name);
    log(`${name}: done in ${Math.round((Date.now() - started) / 1000)} s`);
    return value;
  } catch (error) {
    const message = `${name}: ${error instanceof Error ? error.message : String(error)}`;
    log(message);
    errors.push(message);
    return undefined;
  }
}

function writeResults() {
  const dir = resolve(opts.out);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(dir, 'RESULTS.md'), `${renderMarkdown(results)}\n`);
  log(`wrote ${relative(ROOT, join(dir, 'results.json'))} and ${relative(ROOT, join(dir, 'RESULTS.md'))}`);
}

let server;
let browser;
let exitCode = 0;
const stopAll = async () => {
  await browser?.close().catch(() => {});
  browser = undefined;
  if (server) {
    const closing = new Promise((r) => server.close(() => r()));
    server.closeAllConnections();
    await withTimeout(closing, 10_000, 'stopping the server').catch((e) => log(String(e)));
    server = undefined;
  }
};
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await stopAll();
    process.exit(130);
  });
}

try {
  let dist;
  if (opts.dist) {
    dist = resolve(opts.dist);
    if (!existsSync(join(dist, 'index.html'))) throw new Error(`${opts.dist}/index.html does not exist`);
    results.build = { command: '(none: --dist)', outDir: relative(ROOT, dist) || dist, seconds: 0 };
  } else {
    dist = await build();
  }

  // Budgets, statically (the same code as tests/unit/budget.test.ts).
  await step('budgets', 120_000, async () => {
    const budgets = JSON.parse(readFileSync('bench/budgets.json', 'utf8'));
    const analysis = analysePage(dist, '/', { brotli: false });
    const figures = budgetFigures(analysis);
    const chunk = analysis.assets.find((a) => a.maplibre && a.kind === 'js');
    results.budgets = {
      figures,
      checks: checkBudgets(figures, budgets),
      maplibreFactor: budgets.wholePage.maplibreFactor,
      maplibreChunk: chunk?.path ?? null,
      maplibreStatic: !!chunk && analysis.staticAtEntry.has(chunk.file),
    };
    for (const c of results.budgets.checks) log(`budget ${c.name}: ${kb(c.value)} KB of ${kb(c.limit)} KB ${c.ok ? 'ok' : 'OVER'}`);
  });

  server = await serve({ folder: dist, port: 0, base: '/', host: '127.0.0.1' });
  const origin = `http://127.0.0.1:${server.address().port}`;
  const base = '/';
  log(`serving ${relative(ROOT, dist) || dist} at ${origin}${base}`);

  const needsBrowser = !opts.skip.has('downloads') || !opts.skip.has('scroll');
  if (needsBrowser) browser = await withTimeout(launchBrowser(), 90_000, 'launching Chromium');
  if (browser) results.machine.chromiumPlaywright = browser.version();

  await step('downloads', 300_000, async () => {
    results.downloads.story = await measureDownloads(browser, { server, origin, base, dist, path: '/' });
    const d = results.downloads.story;
    if (d.map !== 'ready') errors.push(`story page: the live map did not become ready (${d.map}); map figures are not meaningful`);
    log(`story page: map ${d.map}, ${d.files.length} files, ${kb(d.total.gzip)} KB gzip (MapLibre ${kb(d.maplibre.gzip)} KB)`);
    const phone = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };
    results.lcpBrowser = { desktop: d.lcp, mobile: await lcpAt(browser, `${origin}${base}`, phone) };
    log(`LCP element (browser): desktop ${d.lcp?.selector} at ${d.lcp?.ms} ms, phone ${results.lcpBrowser.mobile?.selector} at ${results.lcpBrowser.mobile?.ms} ms`);
    const slug = firstSlug();
    const embedPath = slug ? `/embed/${slug}/` : '/embed/<first-slug>/';
    if (!slug || !existsSync(pageFile(dist, embedPath))) {
      results.downloads.embed = { path: embedPath, notBuilt: slug ? `no ${relative(ROOT, pageFile(dist, embedPath))}` : 'no story sections found' };
      log(`embed page ${embedPath}: not built yet`);
    } else {
      try {
        results.downloads.embed = await measureDownloads(browser, { server, origin, base, dist, path: embedPath, viewport: { width: 640, height: 480 } });
        const e = results.downloads.embed;
        log(`embed page: map ${e.map}, ${e.files.length} files, ${kb(e.total.gzip)} KB gzip`);
      } catch (error) {
        results.downloads.embed = { path: embedPath, error: String(error) };
        throw error;
      }
    }
  });

  results.scroll = await step('scroll', 300_000, () => scrollStory(browser, { server, origin, base, dist }));
  if (results.scroll) {
    const s = results.scroll;
    log(`scroll: ${s.seconds} s, ${s.fps} fps, ${s.longTasks.count} long tasks (${s.longTasks.totalMs} ms), heap ${(s.heap.usedBytes / 1048576).toFixed(1)} MB`);
  }
  await browser?.close();
  browser = undefined;

  // The same scroll with WebGL off (the page shows its static maps): what the map itself costs.
  results.scrollNoWebgl = await step('scroll-no-webgl', 300_000, async () => {
    browser = await withTimeout(launchBrowser(NO_WEBGL_FLAGS), 90_000, 'launching Chromium without WebGL');
    try {
      const { downloadsAfterScroll, ...s } = await scrollStory(browser, { server, origin, base, dist });
      log(`scroll without WebGL (map ${s.map}): ${s.fps} fps, ${s.longTasks.count} long tasks (${s.longTasks.totalMs} ms)`);
      return { ...s, downloadedGzip: downloadsAfterScroll.total.gzip, downloadedFiles: downloadsAfterScroll.files.length };
    } finally {
      await browser.close();
      browser = undefined;
    }
  });

  results.lighthouse = await step('lighthouse', (2 * opts.runs + 2) * 300_000, () => lighthouseAll(`${origin}${base}`, { runs: opts.runs, tmp: TMP, baseline: !opts.skip.has('lighthouse-no-webgl') }));

  results.frameBench = await step('frame', 300_000, async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/bench/frame-bench.mjs', '--calls', String(opts.calls)], { timeoutMs: 240_000 });
    const line = stdout.trim().split('\n').at(-1) ?? '';
    const f = JSON.parse(line);
    log(`per-scroll work: median ${f.frameAndApply.medianUs} µs, p95 ${f.frameAndApply.p95Us} µs over ${f.calls} calls`);
    return f;
  });
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  errors.push(message);
  log(`failed: ${message}`);
} finally {
  await stopAll();
}

if (errors.length) exitCode = 1;
try {
  writeResults();
} catch (error) {
  log(`could not write results: ${error}`);
  exitCode = 1;
}
if (!opts.keep && !opts.dist) rmSync(TMP, { recursive: true, force: true });
if (exitCode) log(`finished with ${errors.length} error(s): see bench/RESULTS.md`);
process.exit(exitCode);
