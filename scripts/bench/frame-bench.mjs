// The project's own per-scroll work, with MapLibre's drawing left out: `frame(section, progress)`
// plus the update it triggers (`createRenderer(map)` applied to a stand-in map that only records
// calls), timed call by call over a sweep of progress 0→1→0 across every section.
//
// Runs under tsx (it imports the project's TypeScript), on a build's story.json (the sections'
// map states and measured paths, as the page gets them):
//   node --import tsx scripts/bench/frame-bench.mjs --story dist/story.json [--calls 20000]
// Prints one JSON line.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LIGHT } from '../../src/lib/cartography/palette.ts';
import { frame } from '../../src/lib/frame/frame.ts';
import { createRenderer } from '../../src/lib/map/renderer.ts';
import { areaParts, pathLayers } from '../../src/lib/map/style.ts';

const args = process.argv.slice(2);
const arg = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const CALLS = Number(arg('--calls', 20_000)) || 20_000;
const WARMUP = Math.min(5000, CALLS);
const storyFile = arg('--story', 'dist/story.json');
const story = JSON.parse(readFileSync(storyFile, 'utf8'));
/** The build's areas, beside its story.json: the renderer has a layer per area feature. */
const areas = JSON.parse(readFileSync(join(dirname(storyFile), 'data', 'areas.geojson'), 'utf8'));
/** The map's size on the story page at 1280×800 (the benchmark's scroll): frames fit labels to it. */
const VIEWPORT = { width: 590, height: 705 };

/** A map that implements only what the renderer calls, recording each call (nothing is drawn). */
function standInMap() {
  const calls = {};
  let sink = 0;
  const count = (name, arg) => {
    calls[name] = (calls[name] ?? 0) + 1;
    if (Array.isArray(arg?.features)) sink += arg.features.length;
  };
  const sources = new Map();
  const known = {
    setLayoutProperty: (layer) => count('setLayoutProperty', layer),
    setFilter: (layer) => count('setFilter', layer),
    setPaintProperty: (layer) => count('setPaintProperty', layer),
    getSource: (id) => {
      count('getSource');
      if (!sources.has(id)) sources.set(id, { setData: (data) => count('setData', data) });
      return sources.get(id);
    },
    jumpTo: (o) => count('jumpTo', o),
    flyTo: (o) => count('flyTo', o),
  };
  // Anything else the renderer grows to call is recorded too, rather than crashing the benchmark.
  const map = new Proxy(known, { get: (target, name) => target[name] ?? ((arg) => count(String(name), arg)) });
  return { map, count, calls, sink: () => sink };
}

/** Section index and progress of call `i` of `n`: a triangle wave 0→1→0 over the whole story. */
function position(i, n, sectionCount) {
  const phase = (2 * i) / n;
  const u = (phase <= 1 ? phase : 2 - phase) * sectionCount;
  const index = Math.min(sectionCount - 1, Math.floor(u));
  return { index, progress: Math.min(1, u - index) };
}

function stats(samples) {
  const sorted = Float64Array.from(samples).sort();
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  const sum = sorted.reduce((a, b) => a + b, 0);
  const us = (ns) => Math.round(ns / 10) / 100; // ns → µs, 2 decimals
  return {
    calls: sorted.length,
    medianUs: us(at(50)),
    p95Us: us(at(95)),
    p99Us: us(at(99)),
    maxUs: us(sorted[sorted.length - 1]),
    meanUs: us(sum / sorted.length),
    totalMs: Math.round(sum / 1e4) / 100,
  };
}

function sweep(steps, n, { withApply, withFrame = true, options = {}, frames }) {
  const { map, count, calls, sink } = standInMap();
  const renderer = createRenderer(map, { paths: pathLayers(story.paths, LIGHT), areas: areaParts(areas) }, { set: (drawn) => count('paths', drawn) });
  const times = new Float64Array(n);
  let keep = 0;
  for (let i = 0; i < n; i++) {
    const { index, progress } = position(i, n, steps.length);
    const state = steps[index].map;
    const t0 = process.hrtime.bigint();
    const f = withFrame ? frame(state, progress, story, { viewport: VIEWPORT, ...options }) : frames[i];
    if (withApply) renderer.apply(f, { instant: false });
    const t1 = process.hrtime.bigint();
    times[i] = Number(t1 - t0);
    keep += f.paths.length;
  }
  return { times, calls, keep: keep + sink() };
}

const steps = story.sections;

// Warm the JIT on every code path first.
sweep(steps, WARMUP, { withApply: true });
sweep(steps, WARMUP, { withApply: true, options: { narrow: true } });

const frameOnly = sweep(steps, CALLS, { withApply: false });
const precomputed = Array.from({ length: CALLS }, (_, i) => {
  const { index, progress } = position(i, CALLS, steps.length);
  return frame(steps[index].map, progress, story, { viewport: VIEWPORT });
});
const applyOnly = sweep(steps, CALLS, { withApply: true, withFrame: false, frames: precomputed });
const both = sweep(steps, CALLS, { withApply: true });
const narrow = sweep(steps, CALLS, { withApply: true, options: { narrow: true } });

console.log(
  JSON.stringify({
    sections: steps.length,
    paths: Object.keys(story.paths).length,
    calls: CALLS,
    warmup: WARMUP,
    sweep: 'progress 0→1 through every section in order, then back 1→0 (triangle wave)',
    frameAndApply: stats(both.times),
    frameOnly: stats(frameOnly.times),
    applyOnly: stats(applyOnly.times),
    frameAndApplyNarrow: stats(narrow.times),
    mapCallsPerSweep: both.calls,
    checksum: both.keep,
    node: process.version,
  }),
);
