#!/usr/bin/env node
// `npm run bench`: builds the site into a folder of its own, builds the baseline page beside it
// (bench/baseline/: the common scrollytelling template's approach, fed the same sections, data,
// MapLibre and font), serves each on a free local port and measures both in the same run,
// interleaved: a scripted wheel scroll (medians of several runs; again with Chromium compositing
// on the GPU), the first paint in the map stage and the time from the first scroll to the live
// map, Lighthouse (mobile and desktop), and the bytes a reader downloads. Also the story's embed,
// its byte budgets, the same scroll without WebGL, and the project's own per-scroll work in a
// Node micro-benchmark. Writes bench/results.json and bench/RESULTS.md, with the machine's load
// average through the run; and how long the social-video export (`npm run export`) takes.
//
//   npm run bench                       # full run (about half an hour on 2 cores)
//   npm run bench -- --runs 5           # scroll and Lighthouse runs per page (default 3)
//   npm run bench -- --dist dist        # measure an existing build instead of building
//   npm run bench -- --before DIR       # also measure another build of the story (e.g. main's) in the same run
//   npm run bench -- --quick            # 1 run each, fewer micro-benchmark calls (not for the record)
//   npm run bench -- --skip lighthouse,lighthouse-no-webgl,scroll,scroll-gpu,scroll-no-webgl,frame,export,downloads,budgets
//   npm run bench -- --keep             # keep bench/tmp/ (the builds) afterwards
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { join, relative, resolve } from 'node:path';
import { analysePage, budgetFigures, checkBudgets, floor, kb, pageFile } from './bench/graph.mjs';
import {
  GPU_COMPOSITING_FLAGS,
  NO_WEBGL_FLAGS,
  SCROLL_PACE,
  VIEWPORT,
  gpuCompositing,
  launchBrowser,
  lcpAt,
  measureDownloads,
  measureScroll,
} from './bench/browser.mjs';
import { BYTE_FIGURES, LIGHTHOUSE_FIGURES, LOAD_FIGURES, SCROLL_FIGURES, TRIGGER_TOLERANCE_PX, compareRuns, sectionsApart } from './bench/compare.mjs';
import { LIGHTHOUSE_FLAGS, lighthouseAll, lighthouseVersion } from './bench/lighthouse.mjs';
import { renderMarkdown } from './bench/report.mjs';
import { readSections } from './bench/story.mjs';
import { findChrome, log, run, withTimeout } from './bench/util.mjs';
import { serve } from './serve.mjs';

const require = createRequire(import.meta.url);
const ROOT = resolve(import.meta.dirname, '..');
process.chdir(ROOT);
process.env.ASTRO_TELEMETRY_DISABLED = '1';

function options(argv) {
  const o = { runs: 3, dist: undefined, before: undefined, quick: false, keep: false, skip: new Set(), calls: 20_000, out: 'bench' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs') o.runs = Number(argv[++i]);
    else if (a === '--dist') o.dist = argv[++i];
    else if (a === '--before') o.before = argv[++i];
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
const BASELINE_DIR = join(TMP, 'baseline');
/** The map stage of each page: where "first paint in the map stage" looks (src/pages/index.astro, bench/baseline/index.html). */
const STAGES = { story: '.stage-slot', baseline: '#map' };
/**
 * Where each page changes section: its section elements and the trigger line (a fraction of the
 * window's height) they cross to become the one shown. The story's is `offset` in
 * src/components/story/StoryMap.svelte at this desktop size; the baseline's, scrollama's in
 * bench/baseline/main.js.
 */
const TRIGGERS = { story: { selector: '.story-section', offset: 0.5 }, baseline: { selector: '.step', offset: 0.5 } };
const errors = [];
const warnings = [];
const results = {
  command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
  date: new Date().toISOString(),
  machine: machine(),
  source: source(),
  load: { cpus: os.availableParallelism?.() ?? os.cpus().length, samples: [] },
  build: null,
  before: null,
  baseline: null,
  errors,
  warnings,
  comparison: null,
  downloads: {},
  budgets: null,
  lighthouseFlags: LIGHTHOUSE_FLAGS,
  lighthouse: null,
  lcpBrowser: null,
  scroll: null,
  scrollGpu: null,
  scrollNoWebgl: null,
  frameBench: null,
};

/** The machine's load average now, kept with what is about to be measured; returns the 1-minute figure. */
function loadAverage(what) {
  const [one, five] = os.loadavg().map((x) => Math.round(x * 100) / 100);
  results.load.samples.push({ at: new Date().toISOString(), what, one, five });
  return one;
}

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
    maplibre: version('maplibre-gl'),
    esbuild: version('esbuild'),
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

/** The baseline page, built beside the site (never into it) from the site's data. */
async function buildBaseline(dist) {
  const started = Date.now();
  const args = ['--import', 'tsx', 'bench/baseline/build.mjs', '--dist', relative(ROOT, dist) || '.', '--out', relative(ROOT, BASELINE_DIR)];
  log(`building the baseline: node ${args.join(' ')}`);
  const { stdout } = await run(process.execPath, args, { timeoutMs: 180_000 });
  results.baseline = {
    command: `node ${args.join(' ')}`,
    seconds: Math.round((Date.now() - started) / 100) / 10,
    ...JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}'),
  };
  log(`baseline: ${results.baseline.chapters} chapters into ${results.baseline.out}`);
}

async function step(name, timeoutMs, fn) {
  if (opts.skip.has(name)) {
    log(`${name}: skipped`);
    return undefined;
  }
  const started = Date.now();
  log(`${name}: start (load average ${loadAverage(name)})`);
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

// Everything this run starts, so that it stops them all, whatever happens; it never touches a
// server or browser it did not start.
const servers = [];
let browser;
const stopAll = async () => {
  await browser?.close().catch(() => {});
  browser = undefined;
  for (const server of servers.splice(0)) {
    const closing = new Promise((r) => server.close(() => r()));
    server.closeAllConnections();
    await withTimeout(closing, 10_000, 'stopping a server').catch((e) => log(String(e)));
  }
};
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await stopAll();
    process.exit(130);
  });
}

/** Runs `fn` with a fresh Chromium of its own, closed afterwards. */
async function withBrowser(flags, fn) {
  browser = await withTimeout(launchBrowser(flags), 90_000, 'launching Chromium');
  results.machine.chromiumPlaywright ??= browser.version();
  try {
    return await fn(browser);
  } finally {
    await browser?.close().catch(() => {});
    browser = undefined;
  }
}

/** Serves `folder` on a free port of the loopback interface. */
async function serveFolder(folder) {
  const server = await serve({ folder, port: 0, base: '/', host: '127.0.0.1' });
  servers.push(server);
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

const pick = ({ downloadsAfterScroll, ...run }) => ({
  ...run,
  downloadedFiles: downloadsAfterScroll.files.length,
  downloadedGzip: downloadsAfterScroll.total.gzip,
});
const mb = (bytes) => (bytes / 1048576).toFixed(1);

const emptyRuns = () => ({ story: [], baseline: [], ...(opts.before ? { before: [] } : {}) });
const scrollRuns = emptyRuns();
/** The same scroll, Chromium compositing on the GPU (GPU_COMPOSITING_FLAGS). */
const gpuScrollRuns = emptyRuns();
let exitCode = 0;
try {
  loadAverage('start');
  let dist;
  if (opts.dist) {
    dist = resolve(opts.dist);
    if (!existsSync(join(dist, 'index.html'))) throw new Error(`${opts.dist}/index.html does not exist`);
    results.build = { command: '(none: --dist)', outDir: relative(ROOT, dist) || dist, seconds: 0 };
  } else {
    dist = await build();
  }
  let beforeDist;
  if (opts.before) {
    beforeDist = resolve(opts.before);
    if (!existsSync(join(beforeDist, 'index.html'))) throw new Error(`--before ${opts.before}: no index.html there`);
    results.before = {
      folder: relative(ROOT, beforeDist) || beforeDist,
      commit: existsSync(join(beforeDist, 'COMMIT')) ? readFileSync(join(beforeDist, 'COMMIT'), 'utf8').trim() : null,
    };
  }
  await buildBaseline(dist);

  // Budgets, statically (the same code as tests/build/budget.test.ts).
  await step('budgets', 120_000, async () => {
    const budgets = JSON.parse(readFileSync('bench/budgets.json', 'utf8'));
    const analysis = analysePage(dist, '/');
    const figures = budgetFigures(analysis);
    const chunk = analysis.assets.find((a) => a.maplibre && a.kind === 'js');
    results.budgets = {
      figures,
      checks: checkBudgets(figures, budgets),
      ratio: budgets.wholePage.ratio,
      ...(beforeDist ? { before: budgetFigures(analysePage(beforeDist, '/')) } : {}),
      maplibreChunk: chunk?.path ?? null,
      maplibreStatic: !!chunk && analysis.staticAtEntry.has(chunk.file),
    };
    for (const c of results.budgets.checks) log(`budget ${c.name}: ${kb(c.value)} KB of ${kb(c.limit)} KB ${c.ok ? 'ok' : 'OVER'}`);
    log(
      `whole page ${kb(figures.wholePage)} KB = ${(figures.wholePage / floor(figures)).toFixed(3)} × (MapLibre + data + fonts, ${kb(floor(figures))} KB), Brotli`,
    );
  });

  const site = await serveFolder(dist);
  const baseline = await serveFolder(BASELINE_DIR);
  log(`serving ${relative(ROOT, dist) || dist} at ${site.origin}/ and the baseline at ${baseline.origin}/`);
  const pages = {
    story: { name: 'story', label: 'story page', ...site, folder: dist, path: '/', stage: STAGES.story, triggers: TRIGGERS.story },
    baseline: { name: 'baseline', label: 'baseline page', ...baseline, folder: BASELINE_DIR, path: '/', stage: STAGES.baseline, triggers: TRIGGERS.baseline },
  };
  if (beforeDist) {
    const before = await serveFolder(beforeDist);
    log(`serving the story as it was before (${results.before.folder}) at ${before.origin}/`);
    pages.before = { name: 'before', label: 'story page before', ...before, folder: beforeDist, path: '/', stage: STAGES.story, triggers: TRIGGERS.story };
  }
  /** The pages measured side by side, in the order of the first run. */
  const names = Object.keys(pages);

  await step('downloads', 600_000, () =>
    withBrowser([], async (b) => {
      for (const page of names.map((n) => pages[n])) {
        const d = await measureDownloads(b, page);
        results.downloads[page.name] = d;
        if (d.map !== 'ready')
          errors.push(`${page.label}: the live map did not become ready after the first scroll (${d.map}); its figures are not meaningful`);
        log(
          `${page.label}: map ${d.map}, first view ${d.firstView.files} files ${kb(d.firstView.total.gzip)} KB gzip, until ready ${d.files.length} files ${kb(d.total.gzip)} KB gzip (MapLibre ${kb(d.maplibre.gzip)} KB)`,
        );
      }
      const phone = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };
      results.lcpBrowser = { desktop: results.downloads.story.lcp, mobile: await lcpAt(b, `${site.origin}/`, phone) };
      log(
        `LCP element (browser): desktop ${results.lcpBrowser.desktop?.selector} at ${results.lcpBrowser.desktop?.ms} ms, phone ${results.lcpBrowser.mobile?.selector} at ${results.lcpBrowser.mobile?.ms} ms`,
      );
      const slug = readSections()[0]?.slug;
      const embedPath = slug ? `/embed/${slug}/` : '/embed/<first-slug>/';
      if (!slug || !existsSync(pageFile(dist, embedPath))) {
        results.downloads.embed = { path: embedPath, notBuilt: slug ? `no ${relative(ROOT, pageFile(dist, embedPath))}` : 'no story sections found' };
        log(`embed page ${embedPath}: not built yet`);
        return;
      }
      try {
        results.downloads.embed = await measureDownloads(b, { ...site, folder: dist, path: embedPath, viewport: { width: 640, height: 480 } });
        const e = results.downloads.embed;
        log(`embed page: map ${e.map}, ${e.files.length} files, ${kb(e.total.gzip)} KB gzip`);
      } catch (error) {
        results.downloads.embed = { path: embedPath, error: String(error) };
        throw error;
      }
    }),
  );

  // The scroll, interleaved: run 1 story then baseline (then the story before), run 2 starting
  // with the next page, and so on, each in a fresh Chromium. The baseline is padded to the story
  // page's height, its chapters placed to change where the story's sections do, and its map
  // sized as the story's (all measured in the story's first run), so the same scroll covers as
  // many pixels on both, flies the camera at the same points, and their maps draw as many.
  let storyHeight;
  let storyMap;
  let storyTriggers;
  const baselinePath = () =>
    `/?height=${storyHeight}${storyMap ? `&map=${storyMap}` : ''}${storyTriggers?.length ? `&triggers=${storyTriggers.join(',')}` : ''}`;
  // `check` runs on each fresh Chromium before its page is measured.
  const scrollEach = async (flags, into, what, check = async () => {}) => {
    for (let i = 1; i <= opts.runs; i++) {
      const shift = (i - 1) % names.length;
      for (const name of [...names.slice(shift), ...names.slice(0, shift)]) {
        const page = name === 'baseline' && storyHeight ? { ...pages.baseline, path: baselinePath() } : pages[name];
        const load = loadAverage(`${what} ${name} run ${i}/${opts.runs}`);
        const r = pick(
          await withBrowser(flags, async (b) => {
            await check(b);
            return withTimeout(measureScroll(b, page), 400_000, `${page.label} ${what} run ${i}`);
          }),
        );
        into[name].push({ run: i, loadAverage: load, ...r });
        if (name === 'story') storyHeight ??= r.scrollHeight;
        if (name === 'story' && r.canvas) storyMap ??= `${r.canvas.width}x${r.canvas.height}`;
        if (name === 'story') storyTriggers ??= r.triggers;
        log(
          `${what} ${name} run ${i}/${opts.runs} (load ${load}): ${r.seconds} s over ${r.scrollHeight} px, ${r.fps} fps, ${r.longTasks.count} long tasks (${r.longTasks.totalMs} ms), script ${r.mainThreadDuringScrollMs.script} ms, heap after GC ${mb(r.heapAfterGcBytes)} MB, ${r.mapFrames} map frames, first scroll → ready ${r.firstInputToMapReadyMs} ms`,
        );
      }
    }
    const [s, b] = [into.story[0], into.baseline[0]];
    if (s && b && Math.abs(s.scrollHeight - b.scrollHeight) > 0.02 * s.scrollHeight)
      warnings.push(
        `${what}: the pages scroll different distances (story ${s.scrollHeight} px, baseline ${b.scrollHeight} px): totals over the scroll are not like for like`,
      );
    const apart = sectionsApart(s, b);
    if (apart !== undefined && apart > TRIGGER_TOLERANCE_PX)
      warnings.push(
        `${what}: the pages change section at different points of the scroll (story at ${s.triggers.join(', ')} px, baseline at ${b.triggers.join(', ')} px): their flights are not like for like`,
      );
    if (s?.canvas && b?.canvas && s.canvas.width * s.canvas.height !== b.canvas.width * b.canvas.height)
      warnings.push(
        `${what}: the maps draw different numbers of pixels (story ${s.canvas.width}×${s.canvas.height}, baseline ${b.canvas.width}×${b.canvas.height})`,
      );
  };
  // A run may take 90 s to launch Chromium and 400 s to measure: the step's limit allows for both,
  // so a step never times out while its loop goes on beside the next step's browsers.
  const scrollLimit = opts.runs * names.length * 500_000;
  await step('scroll', scrollLimit, async () => {
    results.scroll = { pace: SCROLL_PACE, viewport: VIEWPORT, stages: STAGES, runs: scrollRuns };
    await scrollEach([], scrollRuns, 'scroll');
  });

  // The same scroll with Chromium compositing on the (SwiftShader) GPU: no WebGL frame is read
  // back, as on a device with a working GPU, so what is left is the pages' own drawing and
  // painting. Each browser must say it composites on the GPU: a Chromium that ignored the flags
  // would otherwise measure software compositing under this heading.
  await step('scroll-gpu', scrollLimit, async () => {
    results.scrollGpu = { flags: GPU_COMPOSITING_FLAGS, runs: gpuScrollRuns };
    await scrollEach(GPU_COMPOSITING_FLAGS, gpuScrollRuns, 'scroll-gpu', async (b) => {
      const status = await gpuCompositing(b);
      results.scrollGpu.gpuCompositing = status;
      if (status !== 'enabled') throw new Error(`scroll-gpu: Chromium reports GPU compositing "${status}" with ${GPU_COMPOSITING_FLAGS.join(' ')}`);
    });
  });

  // The same scroll with WebGL off (the page shows its static maps): what the map itself costs.
  results.scrollNoWebgl = await step('scroll-no-webgl', 420_000, () => {
    loadAverage('scroll story without WebGL');
    return withBrowser(NO_WEBGL_FLAGS, async (b) => {
      const s = pick(await measureScroll(b, { ...pages.story, expectMap: 'failed' }));
      log(`scroll without WebGL (map ${s.map}): ${s.fps} fps, ${s.longTasks.count} long tasks (${s.longTasks.totalMs} ms)`);
      return s;
    });
  });

  results.lighthouse = await step('lighthouse', (2 * names.length * opts.runs + 2) * 300_000, () =>
    lighthouseAll(
      names.map((n) => ({ name: n, url: `${pages[n].origin}/` })),
      { runs: opts.runs, tmp: TMP, noWebgl: opts.skip.has('lighthouse-no-webgl') ? undefined : 'story', loadAverage },
    ),
  );

  // The social videos (`npm run export`): how long the whole export takes, every section in both formats.
  results.export = await step('export', 4 * 3600_000, async () => {
    const out = join(TMP, 'downloads');
    const args = ['scripts/export.mjs', '--out', relative(ROOT, out)];
    const started = Date.now();
    const load = os.loadavg()[0];
    const { stdout } = await run(process.execPath, args, { timeoutMs: 4 * 3600_000 });
    const videos = stdout.split('\n').filter((line) => /\.mp4: /.test(line));
    return {
      command: `node ${args.join(' ')}`,
      seconds: Math.round((Date.now() - started) / 1000),
      videos: videos.length,
      loadAverage: { start: load, end: os.loadavg()[0] },
      lines: videos,
    };
  });

  results.frameBench = await step('frame', 300_000, async () => {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'scripts/bench/frame-bench.mjs', '--story', join(dist, 'story.json'), '--calls', String(opts.calls)],
      { timeoutMs: 240_000 },
    );
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
loadAverage('end');

// Story against baseline, only for figures of this run.
const lh = results.lighthouse?.pages;
/** `figures` of pages `a` and `b` from `runs`, or null unless both were measured. */
const compareScroll = (figures, runs, a, b) => (runs[a]?.length && runs[b]?.length ? compareRuns(figures, runs[a], runs[b]) : null);
results.comparison = {
  scroll: compareScroll(SCROLL_FIGURES, scrollRuns, 'story', 'baseline'),
  scrollGpu: compareScroll(SCROLL_FIGURES, gpuScrollRuns, 'story', 'baseline'),
  load: compareScroll(LOAD_FIGURES, scrollRuns, 'story', 'baseline'),
  lighthouse: lh
    ? Object.fromEntries(['desktop', 'mobile'].map((preset) => [preset, compareRuns(LIGHTHOUSE_FIGURES, lh.story[preset].perRun, lh.baseline[preset].perRun)]))
    : null,
  bytes:
    results.downloads.story?.firstView && results.downloads.baseline?.firstView
      ? compareRuns(BYTE_FIGURES, [results.downloads.story], [results.downloads.baseline])
      : null,
};
// The story before and after, each against the baseline and against each other, same run.
if (scrollRuns.before) {
  const versus = (a, b) => ({
    scroll: compareScroll(SCROLL_FIGURES, scrollRuns, a, b),
    scrollGpu: compareScroll(SCROLL_FIGURES, gpuScrollRuns, a, b),
    load: compareScroll(LOAD_FIGURES, scrollRuns, a, b),
    lighthouse:
      lh?.[a] && lh?.[b]
        ? Object.fromEntries(['desktop', 'mobile'].map((preset) => [preset, compareRuns(LIGHTHOUSE_FIGURES, lh[a][preset].perRun, lh[b][preset].perRun)]))
        : null,
    bytes:
      results.downloads[a]?.firstView && results.downloads[b]?.firstView ? compareRuns(BYTE_FIGURES, [results.downloads[a]], [results.downloads[b]]) : null,
  });
  results.beforeAfter = { beforeVsBaseline: versus('before', 'baseline'), afterVsBefore: versus('story', 'before') };
}
const busiest = results.load.samples.reduce((a, b) => (b.one > a.one ? b : a), results.load.samples[0]);
if (busiest && busiest.one > results.load.cpus)
  warnings.push(
    `the 1-minute load average reached ${busiest.one} on ${results.load.cpus} CPUs (at “${busiest.what}”): other work shared the machine, so the figures are noisier than usual`,
  );

if (errors.length) exitCode = 1;
try {
  writeResults();
} catch (error) {
  log(`could not write results: ${error}`);
  exitCode = 1;
}
// bench/tmp/ holds only what this run made, unless --dist points into it (a build kept earlier).
if (!opts.keep) rmSync(opts.dist && resolve(opts.dist).startsWith(`${TMP}/`) ? BASELINE_DIR : TMP, { recursive: true, force: true });
if (exitCode) log(`finished with ${errors.length} error(s): see bench/RESULTS.md`);
process.exit(exitCode);
