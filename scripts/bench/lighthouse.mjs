// Lighthouse 12.2.3 through its CLI, one fresh Chrome per run, mobile and desktop presets.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { findChrome, log, median, run } from './util.mjs';

const require = createRequire(import.meta.url);
export const LIGHTHOUSE_FLAGS = ['--headless=new', '--no-sandbox', '--disable-quic', '--disable-background-networking'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

export function lighthouseVersion() {
  return JSON.parse(readFileSync(require.resolve('lighthouse/package.json'), 'utf8')).version;
}

/** One Lighthouse run; resolves with the figures the report needs. */
async function once(url, preset, outFile, timeoutMs, extraFlags = []) {
  const cli = require.resolve('lighthouse/cli/index.js');
  const chromePath = findChrome();
  const args = [
    cli,
    url,
    '--output=json',
    `--output-path=${outFile}`,
    `--only-categories=${CATEGORIES.join(',')}`,
    `--chrome-flags=${[...LIGHTHOUSE_FLAGS, ...extraFlags].join(' ')}`,
    '--max-wait-for-load=90000',
    '--disable-full-page-screenshot',
    '--quiet',
    ...(preset === 'desktop' ? ['--preset=desktop'] : []),
  ];
  await run(process.execPath, args, { timeoutMs, env: { ...process.env, ...(chromePath ? { CHROME_PATH: chromePath } : {}) } });
  const lhr = JSON.parse(readFileSync(outFile, 'utf8'));
  rmSync(outFile, { force: true });
  return summarise(lhr);
}

function summarise(lhr) {
  const audit = (id) => lhr.audits[id];
  const num = (id) => audit(id)?.numericValue ?? null;
  const score = (id) => lhr.categories[id]?.score ?? null;
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    fcpMs: num('first-contentful-paint'),
    lcpMs: num('largest-contentful-paint'),
    tbtMs: num('total-blocking-time'),
    cls: num('cumulative-layout-shift'),
    speedIndexMs: num('speed-index'),
    lcpElement: lcpElement(audit('largest-contentful-paint-element')),
    // Main-thread time by kind (script evaluation, rendering, …) and the scripts that cost most.
    mainThreadMs: Object.fromEntries((audit('mainthread-work-breakdown')?.details?.items ?? []).map((i) => [i.group, Math.round(i.duration)])),
    topScripts: (audit('bootup-time')?.details?.items ?? [])
      .slice(0, 5)
      .map((i) => ({ url: String(i.url).replace(/^https?:\/\/[^/]+/, ''), totalMs: Math.round(i.total), scriptingMs: Math.round(i.scripting) })),
    runWarnings: lhr.runWarnings ?? [],
    runtimeError: lhr.runtimeError?.code ?? null,
    failedAudits: Object.values(lhr.audits)
      .filter((a) => a.score !== null && a.score < 0.9 && ['binary', 'numeric', 'metricSavings'].includes(a.scoreDisplayMode) && !isMetric(a.id))
      .map((a) => ({ id: a.id, title: a.title, score: a.score, displayValue: a.displayValue ?? '' }))
      .slice(0, 20),
  };
}

const isMetric = (id) =>
  [
    'first-contentful-paint',
    'largest-contentful-paint',
    'total-blocking-time',
    'cumulative-layout-shift',
    'speed-index',
    'interactive',
    'max-potential-fid',
  ].includes(id);

/** The LCP element's label, selector and snippet from the `largest-contentful-paint-element` audit. */
function lcpElement(audit) {
  const find = (details) => {
    if (!details) return undefined;
    if (details.type === 'list')
      for (const item of details.items ?? []) {
        const found = find(item);
        if (found) return found;
      }
    for (const item of details.items ?? []) if (item?.node?.type === 'node') return item.node;
    return undefined;
  };
  const node = find(audit?.details);
  if (!node) return audit?.errorMessage ? { error: audit.errorMessage.slice(0, 200) } : null;
  return { label: node.nodeLabel ?? '', selector: node.selector ?? '', snippet: (node.snippet ?? '').slice(0, 200) };
}

/** Per-metric medians of one page's runs of one preset, and the details of its median run. */
function summarisePreset(list) {
  const keys = ['performance', 'accessibility', 'bestPractices', 'seo', 'fcpMs', 'lcpMs', 'tbtMs', 'cls', 'speedIndexMs'];
  const med = Object.fromEntries(keys.map((k) => [k, median(list.map((r) => r[k]))]));
  // The run whose performance score is the median one names the LCP element.
  const byScore = list.slice().sort((a, b) => (a.performance ?? 0) - (b.performance ?? 0));
  const medianRun = byScore[Math.floor((byScore.length - 1) / 2)];
  return {
    runs: list.length,
    median: med,
    lcpElement: medianRun?.lcpElement ?? null,
    lcpElementsSeen: [...new Set(list.map((r) => r.lcpElement?.selector ?? 'none'))],
    perRun: list.map(({ failedAudits: _a, runWarnings: _w, mainThreadMs: _m, topScripts: _t, ...r }) => r),
    failedAudits: medianRun?.failedAudits ?? [],
    mainThreadMs: medianRun?.mainThreadMs ?? {},
    topScripts: medianRun?.topScripts ?? [],
    runWarnings: [...new Set(list.flatMap((r) => r.runWarnings))],
  };
}

/**
 * `runs` Lighthouse runs of each preset for every page (`{ name, url }`), interleaved (the
 * pages' order alternates from run to run, so a drift in the machine's load falls on both),
 * with per-metric medians. Then, if `noWebgl` names a page, one run of each preset of it in a
 * Chromium without WebGL (the page falls back to its static maps): the page without the live
 * map's cost, measured in the same run. `loadAverage(what)` samples the machine's load before
 * each run.
 */
export async function lighthouseAll(pages, { runs = 3, tmp, timeoutMs = 240_000, noWebgl, loadAverage }) {
  mkdirSync(tmp, { recursive: true });
  const results = Object.fromEntries(pages.map((p) => [p.name, { mobile: [], desktop: [] }]));
  for (let i = 0; i < runs; i++) {
    for (const preset of ['mobile', 'desktop']) {
      for (const page of i % 2 ? pages.slice().reverse() : pages) {
        const what = `lighthouse ${page.name} ${preset} run ${i + 1}/${runs}`;
        const load = loadAverage(what);
        const started = Date.now();
        const r = await once(page.url, preset, join(tmp, `lighthouse-${page.name}-${preset}-${i + 1}.json`), timeoutMs);
        log(
          `${what}: perf ${r.performance} FCP ${Math.round(r.fcpMs)} ms LCP ${Math.round(r.lcpMs)} ms TBT ${Math.round(r.tbtMs)} ms CLS ${r.cls?.toFixed(3)} (${Math.round((Date.now() - started) / 1000)} s, load ${load})`,
        );
        results[page.name][preset].push({ ...r, loadAverage: load });
      }
    }
  }
  const summary = {
    pages: Object.fromEntries(
      pages.map((p) => [p.name, { mobile: summarisePreset(results[p.name].mobile), desktop: summarisePreset(results[p.name].desktop) }]),
    ),
  };
  const page = pages.find((p) => p.name === noWebgl);
  if (page) {
    summary.noWebgl = { page: page.name };
    for (const preset of ['mobile', 'desktop']) {
      const load = loadAverage(`lighthouse ${page.name} ${preset} without WebGL`);
      const r = await once(page.url, preset, join(tmp, `lighthouse-${page.name}-${preset}-no-webgl.json`), timeoutMs, ['--disable-webgl', '--disable-3d-apis']);
      log(
        `lighthouse ${page.name} ${preset} without WebGL: perf ${r.performance} FCP ${Math.round(r.fcpMs)} ms LCP ${Math.round(r.lcpMs)} ms TBT ${Math.round(r.tbtMs)} ms`,
      );
      const { failedAudits: _a, runWarnings: _w, ...rest } = r;
      summary.noWebgl[preset] = { ...rest, loadAverage: load };
    }
  }
  return summary;
}
