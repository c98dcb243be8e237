import type { Camera } from '../story/section.ts';

/**
 * Web Mercator as MapLibre draws it (512-pixel tiles), so a static picture made at build time
 * frames exactly what the live map shows for the same camera. Bearing and pitch are not
 * modelled: the story's cameras keep both at 0 for the static pictures.
 */
const TILE = 512;

/** Longitude and latitude to world coordinates in 0..1 (x east, y south). */
export function mercator(lon: number, lat: number): [number, number] {
  const sin = Math.sin((lat * Math.PI) / 180);
  return [lon / 360 + 0.5, 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)];
}

/** World coordinates back to longitude and latitude. */
export function inverseMercator(x: number, y: number): [number, number] {
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
  return [(x - 0.5) * 360, lat];
}

/** The zoom at which a map `to` px wide shows what a map `from` px wide shows at `zoom`. */
export const zoomAcross = (zoom: number, from: number, to: number): number => (from > 0 && to > 0 ? zoom + Math.log2(to / from) : zoom);

/** A projection from [lon, lat] to pixels of a `width` × `height` view centred on the camera. */
export function viewport(camera: Pick<Camera, 'center' | 'zoom'>, width: number, height: number) {
  const scale = TILE * 2 ** camera.zoom;
  const [cx, cy] = mercator(camera.center[0], camera.center[1]);
  const project = (lon: number, lat: number): [number, number] => {
    const [x, y] = mercator(lon, lat);
    return [(x - cx) * scale + width / 2, (y - cy) * scale + height / 2];
  };
  const unproject = (px: number, py: number) => inverseMercator((px - width / 2) / scale + cx, (py - height / 2) / scale + cy);
  /** [west, south, east, north] of the view. */
  const bounds = (): [number, number, number, number] => {
    const [west, north] = unproject(0, 0);
    const [east, south] = unproject(width, height);
    return [west, south, east, north];
  };
  return { project, unproject, bounds, width, height };
}

/** Round lengths a scale bar may show, in km. */
const NICE_KM = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];

/**
 * A scale bar for a camera: the longest round distance (km) that fits in `maxPx`, and its length
 * in px at the camera's centre. Mercator stretches with latitude, so the bar holds for the centre.
 */
export function scaleBar(camera: Pick<Camera, 'center' | 'zoom'>, maxPx: number): { km: number; px: number } {
  const kmPerPx = (40_075.016686 * Math.cos((camera.center[1] * Math.PI) / 180)) / (TILE * 2 ** camera.zoom);
  const km = [...NICE_KM].reverse().find((k) => k / kmPerPx <= maxPx) ?? NICE_KM[0]!;
  return { km, px: km / kmPerPx };
}
