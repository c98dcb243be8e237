// The figures the benchmark sets side by side for the story page and the baseline (the common
// scrollytelling template's approach), what "better" means for each, and the medians and ratios
// of runs measured in one benchmark run. Figures from different runs are never compared: the
// load on this shared machine changes from one run to the next.
import { median } from './util.mjs';

/**
 * @typedef {{ key: string, label: string, better: 'higher' | 'lower', unit: string, why: string, get: (run: any) => number | null | undefined }} Figure
 */

/** @type {Figure[]} */
export const SCROLL_FIGURES = [
  { key: 'fps', label: 'frames per second (requestAnimationFrame)', better: 'higher', unit: '', why: 'smoother scrolling', get: (r) => r.fps },
  {
    key: 'longTasks',
    label: 'long tasks (> 50 ms)',
    better: 'lower',
    unit: '',
    why: 'fewer moments the page cannot answer the reader',
    get: (r) => r.longTasks.count,
  },
  {
    key: 'longTaskMs',
    label: 'long-task time',
    better: 'lower',
    unit: 'ms',
    why: 'less time the page cannot answer the reader',
    get: (r) => r.longTasks.totalMs,
  },
  {
    key: 'scriptMs',
    label: 'main-thread scripting (CDP ScriptDuration)',
    better: 'lower',
    unit: 'ms',
    why: 'less JavaScript run on the main thread',
    get: (r) => r.mainThreadDuringScrollMs.script,
  },
  {
    key: 'busyMs',
    label: 'main thread busy (CDP TaskDuration)',
    better: 'lower',
    unit: 'ms',
    why: 'less main-thread work of every kind',
    get: (r) => r.mainThreadDuringScrollMs.task,
  },
  {
    key: 'heapMB',
    label: 'JS heap after GC, at the end',
    better: 'lower',
    unit: 'MB',
    why: 'less memory kept',
    get: (r) => (r.heapAfterGcBytes === null ? null : r.heapAfterGcBytes / 1048576),
  },
  {
    key: 'mapFrames',
    label: 'map frames drawn',
    better: 'lower',
    unit: '',
    why: 'less drawing (not better in itself: a page that animates more must draw more)',
    get: (r) => r.mapFrames,
  },
  {
    key: 'drawCallsPerMapFrame',
    label: 'WebGL draw calls per map frame',
    better: 'lower',
    unit: '',
    why: 'cheaper frames',
    get: (r) => r.drawCallsPerMapFrame,
  },
];

/** Measured on the same loads as the scroll, before it. @type {Figure[]} */
export const LOAD_FIGURES = [
  {
    key: 'firstStagePaintMs',
    label: 'first paint of anything in the map stage',
    better: 'lower',
    unit: 'ms',
    why: 'the reader sees a map (or its picture) sooner',
    get: (r) => r.firstStagePaint?.ms,
  },
  {
    key: 'firstMapDrawMs',
    label: 'first draw of the live map (WebGL)',
    better: 'lower',
    unit: 'ms',
    why: 'the live map shows sooner',
    get: (r) => r.firstMapDrawMs,
  },
  {
    key: 'inputToReadyMs',
    label: 'first scroll → live map ready (`data-map=ready`)',
    better: 'lower',
    unit: 'ms',
    why: 'the reader waits less for the live map once they scroll',
    get: (r) => r.firstInputToMapReadyMs,
  },
];

/** @type {Figure[]} */
export const LIGHTHOUSE_FIGURES = [
  { key: 'performance', label: 'performance score', better: 'higher', unit: 'score', why: "Lighthouse's own verdict", get: (r) => r.performance },
  { key: 'fcpMs', label: 'First Contentful Paint', better: 'lower', unit: 'ms', why: 'something shows sooner', get: (r) => r.fcpMs },
  { key: 'lcpMs', label: 'Largest Contentful Paint', better: 'lower', unit: 'ms', why: 'the main content shows sooner', get: (r) => r.lcpMs },
  { key: 'tbtMs', label: 'Total Blocking Time', better: 'lower', unit: 'ms', why: 'the page answers input sooner while loading', get: (r) => r.tbtMs },
  { key: 'cls', label: 'Cumulative Layout Shift', better: 'lower', unit: '', why: 'less jumping about', get: (r) => r.cls },
  { key: 'speedIndexMs', label: 'Speed Index', better: 'lower', unit: 'ms', why: 'the screen fills sooner', get: (r) => r.speedIndexMs },
];

/** @type {Figure[]} */
export const BYTE_FIGURES = [
  {
    key: 'firstViewKB',
    label: 'first view, before any input (gzip)',
    better: 'lower',
    unit: 'KB',
    why: 'less to download before the reader acts',
    get: (d) => d.firstView?.total?.gzip / 1024,
  },
  {
    key: 'untilReadyKB',
    label: 'until the live map is ready (gzip)',
    better: 'lower',
    unit: 'KB',
    why: 'less to download in all',
    get: (d) => d.total?.gzip / 1024,
  },
  {
    key: 'firstViewBrKB',
    label: 'first view, before any input (Brotli)',
    better: 'lower',
    unit: 'KB',
    why: 'what a host with brotli_static sends before the reader acts',
    get: (d) => d.firstView?.total?.brotli / 1024,
  },
  {
    key: 'untilReadyBrKB',
    label: 'until the live map is ready (Brotli)',
    better: 'lower',
    unit: 'KB',
    why: 'what a host with brotli_static sends in all',
    get: (d) => d.total?.brotli / 1024,
  },
];

const finite = (x) => typeof x === 'number' && Number.isFinite(x);

/** Median, least and greatest of one figure over a page's runs. */
function spread(figure, runs) {
  const values = runs.map((r) => figure.get(r)).filter(finite);
  return { median: median(values), min: values.length ? Math.min(...values) : null, max: values.length ? Math.max(...values) : null, values };
}

/** 'ahead', 'level' or 'behind': the story against the baseline, by medians. */
export function verdict(figure, story, baseline) {
  if (!finite(story) || !finite(baseline)) return null;
  if (story === baseline) return 'level';
  return (figure.better === 'higher') === story > baseline ? 'ahead' : 'behind';
}

/**
 * One row per figure: both pages' medians (with their spread) and the ratio story / baseline.
 * `story` and `baseline` are lists of runs (or a single measurement in a list).
 */
export function compareRuns(figures, story, baseline) {
  return figures.map((figure) => {
    const s = spread(figure, story);
    const b = spread(figure, baseline);
    return {
      key: figure.key,
      label: figure.label,
      better: figure.better,
      unit: figure.unit,
      why: figure.why,
      story: s,
      baseline: b,
      ratio: finite(s.median) && finite(b.median) && b.median !== 0 ? s.median / b.median : null,
      verdict: verdict(figure, s.median, b.median),
    };
  });
}

/**
 * How far apart (px of scroll, the largest gap) two runs change section, or undefined when either
 * did not report where: a flight cut short by the next section's draws fewer frames, so pages
 * that change section at different points do not fly the camera alike.
 */
export function sectionsApart(a, b) {
  if (!a?.triggers?.length || !b?.triggers?.length) return undefined;
  if (a.triggers.length !== b.triggers.length) return Infinity;
  return Math.max(...a.triggers.map((y, i) => Math.abs(y - b.triggers[i])));
}
/** Rounding in the pages' layout: no more than this apart counts as the same point. */
export const TRIGGER_TOLERANCE_PX = 2;
