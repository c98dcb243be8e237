import { getGlobalDispatcher, Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
// MapLibre 6 cannot find its worker after a Vite build: hand it the bundled worker's URL.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import regularFont from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import boldFont from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2?url';
import type { Camera } from '../story/mapState.ts';
import { PATH_COLOURS } from './palette.ts';
import { buildStyle } from './style.ts';

export type { MapLibreMap };

const absolute = (url: string) => new URL(url, import.meta.url).href;

/** How long the map may take to load before the page gives up and shows the still maps. */
export const LOAD_TIMEOUT_MS = 20_000;

// A worker that fails (its script missing, say) is reported twice: to the map, which fails over
// to the still maps, and to the dispatcher all maps share, which has no listener and so logs a
// console error. The map's report is the one that counts; this one is kept as a warning.
getGlobalDispatcher().on('error', (event) => console.warn('MapLibre worker error:', event.error));

/** An arrow head pointing north, one per movement colour (MapLibre rotates it by bearing). */
function arrowImage(colour: string) {
  const size = 28;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const context = canvas.getContext('2d')!;
  context.beginPath();
  context.moveTo(size / 2, 2);
  context.lineTo(size - 4, size - 5);
  context.lineTo(size / 2, size - 10);
  context.lineTo(4, size - 5);
  context.closePath();
  context.fillStyle = colour;
  context.strokeStyle = '#ffffff';
  context.lineWidth = 2;
  context.fill();
  context.stroke();
  return context.getImageData(0, 0, size, size);
}

/**
 * Creates the story's map in `container` and resolves once the style and data have loaded.
 * Rejects when WebGL is missing, the map fails before loading, or it has not loaded within
 * LOAD_TIMEOUT_MS (a stalled request never errors), so the caller can fall back to the static
 * pictures; a map that rejects has removed itself.
 */
export function createMap(container: HTMLElement, root: URL, camera: Camera, options: { testing?: boolean; interactive?: boolean } = {}): Promise<MapLibreMap> {
  setWorkerUrl(absolute(workerUrl));
  return new Promise((resolve, reject) => {
    let map: MapLibreMap;
    try {
      map = new MapLibreMap({
        container,
        style: buildStyle(root, { regular: absolute(regularFont), bold: absolute(boldFont) }),
        ...camera,
        // The page scrolls the story; the map never takes the wheel or a swipe from the reader.
        interactive: !!options.interactive,
        attributionControl: false,
        fadeDuration: 0,
        // Tests read the canvas back; readers never need the extra copy.
        canvasContextAttributes: { preserveDrawingBuffer: !!options.testing },
      });
    } catch (error) {
      reject(error);
      return;
    }
    map.once('style.load', () => {
      for (const [kind, colour] of Object.entries(PATH_COLOURS)) map.addImage(`arrow-${kind}`, arrowImage(colour));
    });
    const timer = setTimeout(() => settle(new Error(`The map did not load within ${LOAD_TIMEOUT_MS / 1000} s`)), LOAD_TIMEOUT_MS);
    const onError = (event: { error: unknown }) => settle(event.error ?? new Error('The map failed to load'));
    let settled = false;
    function settle(error?: unknown) {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      map.off('error', onError);
      if (error === undefined) return resolve(map);
      map.remove();
      reject(error);
    }
    map.once('load', () => settle());
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
