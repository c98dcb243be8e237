import { getGlobalDispatcher, Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
// MapLibre 6 cannot find its worker after a Vite build: hand it the bundled worker's URL.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import regularFont from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import boldFont from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2?url';
import { ACTORS, MARKER_STATES, type MarkerState } from '../cartography/layers.ts';
import type { Palette } from '../cartography/palette.ts';
import { ARROW, LINES, MARKER, MARKER_SHAPES, PLACE, SCALE_BAR_CORNER, SHIELD, markerOutline } from '../cartography/symbols.ts';
import type { PathSamples } from '../frame/paths.ts';
import type { Camera } from '../story/section.ts';
import { createPathsLayer, type PathsLayer } from './pathsLayer.ts';
import type { MapSources } from './sources.ts';
import { CLEARANCE_ICON, HATCH_ICON, MARKER_ICON, SCALE_BAR_ICON, SHIELDS_LAYER, SHIELD_ICON, buildStyle, pathLayers } from './style.ts';

export type { MapLibreMap };
export { createRenderer } from './renderer.ts';
export { areaParts } from './style.ts';
export { rehearsalFrame } from './rehearsal.ts';

const absolute = (url: string) => new URL(url, import.meta.url).href;

// A worker that fails (its script missing, say) is reported twice: to the map, which fails over
// to the still maps, and to the dispatcher all maps share, which has no listener and so logs a
// console error. The map's report is the one that counts; this one is kept as a warning.
getGlobalDispatcher().on('error', (event) => console.warn('MapLibre worker error:', event.error));

/** Icons are drawn at twice their size, so they stay sharp on high-density screens. */
const RATIO = 2;

/** A canvas `width` × `height` CSS px, drawn by `draw` in CSS px, as image data at RATIO. */
function icon(width: number, height: number, draw: (context: CanvasRenderingContext2D) => void) {
  const canvas = document.createElement('canvas');
  canvas.width = width * RATIO;
  canvas.height = height * RATIO;
  const context = canvas.getContext('2d')!;
  context.scale(RATIO, RATIO);
  draw(context);
  return context.getImageData(0, 0, canvas.width, canvas.height);
}

/** The arrow head of the vocabulary, pointing north, as an icon the paths layer turns by bearing. */
const arrowImage = (colour: string, halo: string) =>
  icon(ARROW.icon.size, ARROW.icon.size, (c) => {
    c.beginPath();
    ARROW.points.forEach(([x, y], i) => (i ? c.lineTo : c.moveTo).call(c, ARROW.icon.size / 2 + x, ARROW.icon.tip + y));
    c.closePath();
    c.fillStyle = colour;
    c.strokeStyle = halo;
    c.lineWidth = ARROW.stroke;
    c.fill();
    c.stroke();
  });

/** A marker's symbol from the vocabulary's path, as the still maps draw it. */
function markerImage(state: MarkerState, colours: Palette) {
  const shape = MARKER_SHAPES[state];
  const r = MARKER.radius;
  const size = Math.ceil((r + MARKER.stroke) * 2 + 4);
  return icon(size, size, (c) => {
    c.translate(size / 2, size / 2);
    if (shape.ring) {
      c.beginPath();
      c.arc(0, 0, r + 1, 0, Math.PI * 2);
      c.strokeStyle = colours.frontLine;
      c.lineWidth = 1.5;
      c.stroke();
    }
    c.scale(r, r);
    const path = new Path2D(shape.d);
    c.lineWidth = MARKER.stroke / r;
    c.strokeStyle = colours[markerOutline(state)];
    c.fillStyle = colours[shape.fill];
    c.stroke(path);
    c.fill(path);
  });
}

/** A route shield, stretched around its text by MapLibre (`icon-text-fit`). */
function shieldImage(fill: string, stroke: string) {
  const w = 24;
  const h = 16;
  return {
    data: icon(w, h, (c) => {
      c.beginPath();
      c.roundRect(1, 1, w - 2, h - 2, SHIELD.radius);
      c.fillStyle = fill;
      c.strokeStyle = stroke;
      c.lineWidth = 1.5;
      c.fill();
      c.stroke();
    }),
    options: {
      pixelRatio: RATIO,
      stretchX: [[6 * RATIO, 18 * RATIO]] as [number, number][],
      stretchY: [[5 * RATIO, 11 * RATIO]] as [number, number][],
      content: [5 * RATIO, 3 * RATIO, 19 * RATIO, 13 * RATIO] as [number, number, number, number],
    },
  };
}

/** The hatching of the ground taken: diagonal lines in the government's colour, repeating. */
const hatchImage = (colour: string) =>
  icon(LINES.hatch.gap, LINES.hatch.gap, (c) => {
    const g = LINES.hatch.gap;
    c.strokeStyle = colour;
    c.lineWidth = LINES.hatch.width;
    c.globalAlpha = LINES.hatch.opacity;
    c.beginPath();
    for (const o of [-g, 0, g]) {
      c.moveTo(o, g);
      c.lineTo(o + g, 0);
    }
    c.stroke();
  });

export interface CreateMapOptions {
  colours: Palette;
  /** Tests read the canvas back; readers never need the extra copy. */
  testing?: boolean;
  /** Only the camera helper (`npm run dev`) lets the reader drag the map. */
  interactive?: boolean;
  /** Told of each step while loading (data parsed, a frame drawn), for the caller's watchdog. */
  onProgress?: () => void;
}

/**
 * Creates the story's map in `container`, with the story's roads and movements (`paths`, from
 * story.json), and resolves once the style and data have loaded, with the map and the layer
 * that draws those paths and their arrow heads.
 * Rejects when WebGL is missing or the map fails before loading; a map that rejects has
 * removed itself. The caller owns the watchdog (`controller.ts`).
 */
export function createMap(
  container: HTMLElement,
  data: MapSources,
  paths: Readonly<Record<string, PathSamples>>,
  camera: Camera,
  options: CreateMapOptions,
): Promise<{ map: MapLibreMap; pathsLayer: PathsLayer }> {
  setWorkerUrl(absolute(workerUrl));
  const pathsLayer = createPathsLayer(
    pathLayers(paths, options.colours),
    Object.fromEntries(ACTORS.map((actor) => [actor, arrowImage(options.colours[actor], options.colours.halo)])),
  );
  return new Promise((resolve, reject) => {
    let map: MapLibreMap;
    try {
      map = new MapLibreMap({
        container,
        style: buildStyle(data, { regular: absolute(regularFont), bold: absolute(boldFont) }, options.colours),
        ...camera,
        // The page scrolls the story; the map never takes the wheel or a swipe from the reader.
        interactive: !!options.interactive,
        attributionControl: false,
        // The page resizes the map itself, between frames (renderer.resize).
        trackResize: false,
        fadeDuration: 0,
        canvasContextAttributes: { preserveDrawingBuffer: !!options.testing },
      });
    } catch (error) {
      reject(error);
      return;
    }
    const onProgress = options.onProgress;
    if (onProgress) for (const event of ['dataloading', 'data', 'render'] as const) map.on(event, onProgress);
    map.once('style.load', () => {
      const colours = options.colours;
      const image = { pixelRatio: RATIO };
      for (const state of MARKER_STATES) map.addImage(MARKER_ICON(state), markerImage(state, colours), image);
      for (const [road, fill, stroke] of [
        ['m5', colours.m5, colours.halo],
        ['m4', colours.halo, colours.m4],
      ] as const) {
        const shield = shieldImage(fill, stroke);
        map.addImage(SHIELD_ICON(road), shield.data, shield.options);
      }
      map.addImage(HATCH_ICON, hatchImage(colours.government), image);
      const ring = 2 * PLACE.ring + PLACE.ringStroke;
      map.addImage(
        CLEARANCE_ICON,
        icon(ring, ring, () => {}),
        image,
      );
      map.addImage(
        SCALE_BAR_ICON,
        icon(SCALE_BAR_CORNER.width, SCALE_BAR_CORNER.height, () => {}),
        image,
      );
      map.addLayer(pathsLayer, SHIELDS_LAYER);
    });
    const onError = (event: { error: unknown }) => {
      map.off('error', onError);
      map.remove();
      reject(event.error ?? new Error('The map failed to load'));
    };
    map.once('load', () => {
      map.off('error', onError);
      resolve({ map, pathsLayer });
    });
    map.on('error', onError);
  });
}

/**
 * Calls `fail` when a loaded map breaks: a source or tile error, or its WebGL context lost.
 * The page then shows its still maps instead.
 */
export function onMapFailure(map: MapLibreMap, fail: (error: unknown) => void) {
  map.on('error', (event) => fail(event.error));
  map.getCanvas().addEventListener('webglcontextlost', () => fail(new Error('WebGL context lost')));
}

/** The GPU is waited for no longer than this: past it the map shows, and the page waits for it once. */
const GPU_WAIT_MS = 10_000;

/**
 * Resolves once the GPU has finished everything the map has asked of it so far, without making
 * the page wait: a WebGL2 fence, looked at between tasks. MapLibre's `idle` says only that the
 * map has issued its draws. Showing the canvas before they are done makes the browser wait for
 * them, in one task, to composite the page: drawing WebGL on the CPU, 2.5–3.2 s after the
 * rehearsal. Resolves false if the context is lost meanwhile, true otherwise (after at most
 * `GPU_WAIT_MS`, so the loading watchdog never mistakes a slow GPU for a stalled map).
 */
export function gpuFinished(map: MapLibreMap): Promise<boolean> {
  // MapLibre's own context: asking again for the kind it made returns it.
  const gl = map.getCanvas().getContext('webgl2');
  const fence = gl?.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
  if (!gl || !fence) return Promise.resolve(!gl?.isContextLost());
  gl.flush();
  const until = performance.now() + GPU_WAIT_MS;
  return new Promise((resolve) => {
    const look = () => {
      const lost = gl.isContextLost();
      if (!lost && performance.now() < until && gl.clientWaitSync(fence, 0, 0) === gl.TIMEOUT_EXPIRED) {
        setTimeout(look, 20);
        return;
      }
      if (!lost) gl.deleteSync(fence);
      resolve(!lost);
    };
    // A fence is never signalled before the page has let go of the task that set it.
    setTimeout(look, 0);
  });
}
