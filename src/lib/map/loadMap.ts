import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
// MapLibre 6 cannot find its worker after a Vite build: hand it the bundled worker's URL.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import regularFont from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import boldFont from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2?url';
import type { Camera } from '../story/mapState.ts';
import { PATH_COLOURS } from './palette.ts';
import { buildStyle } from './style.ts';

export type { MapLibreMap };

const absolute = (url: string) => new URL(url, import.meta.url).href;

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
 * Rejects when WebGL is missing or the map fails before loading, so the caller can fall back
 * to the static pictures.
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
    map.once('load', () => resolve(map));
    map.once('error', (event) => {
      if (!map.loaded()) reject(event.error);
    });
  });
}
