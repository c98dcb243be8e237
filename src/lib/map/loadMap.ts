import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
// MapLibre 6 cannot find its worker after a Vite build: hand it the bundled worker's URL.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { buildStyle } from './style.ts';

export type { MapLibreMap };

/**
 * Creates the story's map in `container` and resolves once the style and data have loaded.
 * Rejects when WebGL is missing or the map fails before loading, so the caller can fall back
 * to the static pictures.
 */
export function createMap(container: HTMLElement, root: URL): Promise<MapLibreMap> {
  setWorkerUrl(new URL(workerUrl, import.meta.url).href);
  return new Promise((resolve, reject) => {
    let map: MapLibreMap;
    try {
      map = new MapLibreMap({
        container,
        style: buildStyle(root),
        center: [37, 35.5],
        zoom: 5.5,
        interactive: false,
        attributionControl: false,
        fadeDuration: 0,
      });
    } catch (error) {
      reject(error);
      return;
    }
    map.once('load', () => resolve(map));
    map.once('error', (event) => {
      if (!map.loaded()) reject(event.error);
    });
  });
}
