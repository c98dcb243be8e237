// The project's own per-scroll work, with MapLibre's drawing left out: `frame(section, progress)`
// plus the update it triggers (`createRenderer(map)` applied to a stand-in map that only records
// calls), timed call by call over a sweep of progress 0→1→0 across every section.
//
// Runs under tsx (it imports the project's TypeScript): `node --import tsx scripts/bench/frame-bench.mjs [--calls 20000]`.
// Prints one JSON line.
import { frame } from '../../src/lib/frame.ts';
import { createRenderer } from '../../src/lib/map/applyFrame.ts';
import { mapStateSchema } from '../../src/lib/story/mapState.ts';
import { samplePaths } from '../../src/lib/data/samplePaths.ts';
import { readSections } from './story.mjs';

const args = process.argv.slice(2);
const CALLS = Number(args[args.indexOf('--calls') + 1] || 20_000) || 20_000;
const WARMUP = Math.min(5000, CALLS);
/** Each section's `map`, parsed as the build parses it, in story order. */
const sections = () => readSections().map((s) => ({ file: s.file, order: s.order, map: mapStateSchema.parse(s.data.map) }));

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
  return { map, calls, sink: () => sink };
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
  return { calls: sorted.length, medianUs: us(at(50)), p95Us: us(at(95)), p99Us: us(at(99)), maxUs: us(sorted[sorted.length - 1]), meanUs: us(sum / sorted.length), totalMs: Math.round(sum / 1e4) / 100 };
}

function sweep(steps, paths, n, { withApply, withFrame = true, options = {}, frames }) {
  const { map, calls, sink } = standInMap();
  const apply = createRenderer(map);
  const times = new Float64Array(n);
  let keep = 0;
  for (let i = 0; i < n; i++) {
    const { index, progress } = position(i, n, steps.length);
    const state = steps[index].map;
    const t0 = process.hrtime.bigint();
    const f = withFrame ? frame(state, progress, paths, options) : frames[i];
    if (withApply) apply(f, { instant: false });
    const t1 = process.hrtime.bigint();
    times[i] = Number(t1 - t0);
    keep += f.paths.length;
  }
  return { times, calls, keep: keep + sink() };
}

const steps = sections();
const ids = new Set(steps.flatMap((s) => s.map.paths.map((p) => p.id)));
const paths = samplePaths(ids);

// Warm the JIT on every code path first.
sweep(steps, paths, WARMUP, { withApply: true });
sweep(steps, paths, WARMUP, { withApply: true, options: { narrow: true } });

const frameOnly = sweep(steps, paths, CALLS, { withApply: false });
const precomputed = Array.from({ length: CALLS }, (_, i) => {
  const { index, progress } = position(i, CALLS, steps.length);
  return frame(steps[index].map, progress, paths);
});
const applyOnly = sweep(steps, paths, CALLS, { withApply: true, withFrame: false, frames: precomputed });
const both = sweep(steps, paths, CALLS, { withApply: true });
const narrow = sweep(steps, paths, CALLS, { withApply: true, options: { narrow: true } });

console.log(
  JSON.stringify({
    sections: steps.length,
    paths: ids.size,
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
