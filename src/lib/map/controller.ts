import type { Palette } from '../cartography/palette.ts';
import type { Frame } from '../frame/frame.ts';
import { fetchStory, type StoryPayload } from '../story/payload.ts';
import { showStillMaps } from './fallback.ts';
import type { MapLibreMap } from './loadMap.ts';
import { paceRenderer, type PacedRenderer } from './pace.ts';
import { MAP_SOURCES, type MapSources } from './sources.ts';

/**
 * The live map's life, the same for the story and for every embed: load the map code, the
 * story's map states and the map's data together; make the map; draw, unseen (the page shows
 * the map only once ready), the story's rehearsal if asked, then the first frame; wait for the
 * GPU to finish them; say `html[data-map=ready]`. Whatever fails, or whenever loading stalls (a
 * stalled request never errors), the page falls back to its still maps with one calm line, and
 * the map is removed.
 */

/**
 * How long loading may go without a step forward (a file arriving, MapLibre loading or drawing
 * something) before the still maps stay for good. A watchdog, not a total: a slow phone (or a
 * busy test machine drawing WebGL on its CPU) keeps loading as long as it keeps moving, while a
 * request that hangs gives way after this long.
 */
export const LOAD_TIMEOUT_MS = 20_000;

export interface LiveMapOptions {
  container: HTMLElement;
  /** The site's root, where `story.json` and `data/` are. */
  root: URL;
  colours: Palette;
  /** The story's map states, if the page has them already; else they are fetched with the map. */
  story?: StoryPayload;
  /** The frame to open on, once the story's map states are known (asked again after a rehearsal). */
  firstFrame(story: StoryPayload): Frame;
  /**
   * Draw every mark the story holds once, unseen, before the first frame (`rehearsalFrame`): for
   * a page that will show all of them, not an embed that shows one section.
   */
  rehearse?: boolean;
  testing?: boolean;
  interactive?: boolean;
  /** Told once, when the live map gives way to the still maps (before or after it was ready). */
  onFail?(error: unknown): void;
}

export interface LiveMap {
  map: MapLibreMap;
  story: StoryPayload;
  render: PacedRenderer;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Why a parsed file cannot be drawn as GeoJSON, or undefined if it can. */
export function geojsonProblem(data: unknown): string | undefined {
  if (!isObject(data) || data.type !== 'FeatureCollection' || !Array.isArray(data.features)) return 'not a GeoJSON FeatureCollection';
  for (const [i, f] of data.features.entries()) {
    if (!isObject(f) || f.type !== 'Feature' || !isObject(f.geometry) || typeof f.geometry.type !== 'string') return `features[${i}] is not a GeoJSON feature`;
    const g = f.geometry;
    if (g.type === 'GeometryCollection' ? !Array.isArray(g.geometries) : !Array.isArray(g.coordinates)) return `features[${i}] has no coordinates`;
  }
  return undefined;
}

async function fetchMapData(root: URL, signal: AbortSignal): Promise<MapSources> {
  const files = await Promise.all(
    MAP_SOURCES.map(async (name) => {
      const response = await fetch(new URL(`data/${name}.geojson`, root), { signal });
      if (!response.ok) throw new Error(`${name}.geojson: HTTP ${response.status}`);
      const data: unknown = await response.json();
      const problem = geojsonProblem(data);
      if (problem) throw new Error(`${name}.geojson: ${problem}`);
      return [name, data] as const;
    }),
  );
  return Object.fromEntries(files) as MapSources;
}

/**
 * Resolves on the map's next `idle`: everything it was asked to draw is loaded and its draws
 * issued. Rejects if loading is given up meanwhile: a removed map never goes idle.
 */
const idle = (map: MapLibreMap, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    map.once('idle', () => resolve());
  });

/**
 * Starts the live map. Resolves once it has drawn its first frame; rejects (after falling back
 * to the still maps) if it cannot.
 */
export async function startLiveMap(options: LiveMapOptions): Promise<LiveMap> {
  const html = document.documentElement;
  const abort = new AbortController();
  let map: MapLibreMap | undefined;
  let failed = false;
  const fail = (error: unknown) => {
    if (failed) return;
    failed = true;
    abort.abort(error);
    clearTimeout(watchdog);
    map?.remove();
    map = undefined;
    showStillMaps(error);
    options.onFail?.(error);
  };
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  let loading = true;
  const progress = () => {
    if (!loading || failed) return;
    clearTimeout(watchdog);
    watchdog = setTimeout(() => fail(new Error(`The map's loading stalled: nothing arrived for ${LOAD_TIMEOUT_MS / 1000} s`)), LOAD_TIMEOUT_MS);
  };
  const step = <T>(pending: Promise<T>) => pending.then((value) => (progress(), value));
  if (html.dataset.map !== 'failed') html.dataset.map = 'loading';
  progress();
  try {
    // One chunk for MapLibre's side of things: the map, its style and the renderer.
    const [{ createMap, onMapFailure, createRenderer, areaParts, gpuFinished, rehearsalFrame }, story, data] = await Promise.all([
      step(import('./loadMap.ts')),
      options.story ?? step(fetchStory(options.root, abort.signal)),
      step(fetchMapData(options.root, abort.signal)),
    ]);
    if (failed) throw abort.signal.reason;
    const first = options.firstFrame(story);
    const { map: created, pathsLayer } = await createMap(options.container, data, story.paths, first.camera, {
      colours: options.colours,
      testing: !!options.testing,
      interactive: !!options.interactive,
      onProgress: progress,
    });
    if (failed) {
      created.remove();
      throw abort.signal.reason;
    }
    map = created;
    onMapFailure(created, fail);
    const renderer = createRenderer(created, { paths: pathsLayer.paths, areas: areaParts(data.areas) }, pathsLayer);
    // After a failure the map is gone: frames and resizes that still arrive are dropped.
    const render: PacedRenderer = paceRenderer(
      {
        apply: (frame, how) => void (failed || renderer.apply(frame, how)),
        resize: () => void (failed || renderer.resize()),
      },
      created,
    );
    const observer = new ResizeObserver(() => render.resize());
    observer.observe(options.container);
    created.once('remove', () => observer.disconnect());
    // Until it is ready the canvas is not shown and the still map is (story.css, embed.css): the
    // rehearsal and the first frame are drawn there, straight, neither held back by pacing.
    let opening = first;
    if (options.rehearse) {
      const view = { width: options.container.clientWidth, height: options.container.clientHeight };
      renderer.apply(rehearsalFrame(story, story.sections[0]?.map.camera ?? first.camera, view), { instant: true });
      await idle(created, abort.signal);
      // The reader may have scrolled on meanwhile (the still map follows them): open where they are.
      opening = options.firstFrame(story);
    }
    renderer.apply(opening, { instant: true });
    await idle(created, abort.signal);
    if (!(await gpuFinished(created))) throw new Error('WebGL context lost');
    if (failed) throw abort.signal.reason;
    loading = false;
    clearTimeout(watchdog);
    html.dataset.map = 'ready';
    return { map: created, story, render };
  } catch (error) {
    fail(error);
    throw error;
  }
}
