import { bboxClip, simplify } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { SYRIA_ID } from './data/basemap.ts';
import { dataset } from './data/datasets.ts';
import { LOCATOR } from '@lib/cartography/pictures.ts';
import { viewport } from '@lib/frame/mercator.ts';
import type { LocatorOutlines } from '@lib/story/payload.ts';

// At the inset's scale a pixel is about 0.08°: coarser detail cannot show.
const TOLERANCE = 0.08;

function pathData(feature: Feature<Polygon | MultiPolygon>, project: (lon: number, lat: number) => [number, number], bbox: [number, number, number, number]) {
  const clipped = bboxClip(feature, bbox) as Feature<Polygon | MultiPolygon>;
  const simple = simplify(clipped, { tolerance: TOLERANCE, highQuality: false });
  const polygons = (simple.geometry.type === 'Polygon' ? [simple.geometry.coordinates] : simple.geometry.coordinates).map((rings) =>
    rings.filter((ring) => ring.length > 3),
  );
  const ring = (r: Position[]) =>
    r
      .map(
        ([lon, lat], i) =>
          `${i ? 'L' : 'M'}${project(lon!, lat!)
            .map((n) => Math.round(n))
            .join(' ')}`,
      )
      .join('') + 'Z';
  return polygons.map((rings) => rings.map(ring).join('')).join('');
}

/** SVG path data for the inset, made once at build time from the same data as the map. */
export function locatorOutlines(): LocatorOutlines {
  const view = viewport(LOCATOR.camera, LOCATOR.width, LOCATOR.height);
  const [west, south, east, north] = view.bounds();
  const bbox: [number, number, number, number] = [west - 1, south - 1, east + 1, north + 1];
  const draw = (f: Feature<Polygon | MultiPolygon>) => pathData(f, view.project, bbox);
  const countries = dataset('countries').features as Feature<Polygon | MultiPolygon, { id: string }>[];
  const syria = countries.find((f) => f.properties.id === SYRIA_ID);
  const idlib = dataset('idlib').features[0] as Feature<Polygon | MultiPolygon> | undefined;
  if (!syria || !idlib) throw new Error('locator: Syria or the Idlib outline is missing from the data');
  return {
    land: countries
      .filter((f) => f !== syria)
      .map(draw)
      .join(''),
    syria: draw(syria),
    idlib: draw(idlib),
  };
}
