import { getGlobalDispatcher, Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
// MapLibre 6 cannot find its worker after a Vite build: hand it the bundled worker's URL.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import regularFont from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import boldFont from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2?url';
import { ACTORS } from '../cartography/layers.ts';
import type { Palette } from '../cartography/palette.ts';
import { ARROW } from '../cartography/symbols.ts';
import type { Camera } from '../story/section.ts';
import { ARROW_ICON, buildStyle, type MapSources } from './style.ts';

export type { MapLibreMap };
export { createRenderer } from './renderer.ts';

const absolute = (url: string) => new URL(url, import.meta.url).href;

// A worker that fails (its script missing, say) is reported twice: to the map, which fails over
// to the still maps, and to the dispatcher all maps share, which has no listener and so logs a
// console error. The map's report is the one that counts; this one is kept as a warning.
getGlobalDispatcher().on('error', (event) => console.warn('MapLibre worker error:', event.error));

/** The arrow head of the vocabulary, pointing north, as an icon MapLibre rotates by bearing. */
function arrowImage(colour: string, halo: string) {
  const { size, tip } = ARROW.icon;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const context = canvas.getContext('2d')!;
  context.beginPath();
  ARROW.points.forEach(([x, y], i) => (i ? context.lineTo : context.moveTo).call(context, size / 2 + x, tip + y));
  context.closePath();
  context.fillStyle = colour;
  context.strokeStyle = halo;
  context.lineWidth = ARROW.stroke;
  context.fill();
  context.stroke();
  return context.getImageData(0, 0, size, size);
}

export interface CreateMapOptions {
  colours: Palette;
  /** Tests read the canvas back; readers never need the extra copy. */
  testing?: boolean;
  /** Only the camera helper (`npm run dev`) lets the reader drag the map. */
  interactive?: boolean;
}

/**
 * Creates the story's map in `container` and resolves once the style and data have loaded.
 * Rejects when WebGL is missing or the map fails before loading; a map that rejects has
 * removed itself. The caller owns the deadline (`controller.ts`).
 */
export function createMap(container: HTMLElement, data: MapSources, camera: Camera, options: CreateMapOptions): Promise<MapLibreMap> {
  setWorkerUrl(absolute(workerUrl));
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
    map.once('style.load', () => {
      for (const actor of ACTORS) map.addImage(ARROW_ICON(actor), arrowImage(options.colours[actor], options.colours.halo));
    });
    const onError = (event: { error: unknown }) => {
      map.off('error', onError);
      map.remove();
      reject(event.error ?? new Error('The map failed to load'));
    };
    map.once('load', () => {
      map.off('error', onError);
      resolve(map);
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
