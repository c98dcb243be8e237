import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { COORDINATE_DECIMALS } from './region.ts';

const rounder = (decimals: number) => {
  const scale = 10 ** decimals;
  return (n: number) => Math.round(n * scale) / scale;
};
const round = rounder(COORDINATE_DECIMALS);

function mapPositions(value: unknown, f: (p: Position) => Position): unknown {
  const array = value as unknown[];
  return typeof array[0] === 'number' ? f(array as Position) : array.map((v) => mapPositions(v, f));
}

function mapGeometry<G extends Geometry>(geometry: G, f: (p: Position) => Position): G {
  if (geometry.type === 'GeometryCollection') {
    return { ...geometry, geometries: geometry.geometries.map((g) => mapGeometry(g, f)) };
  }
  return { ...geometry, coordinates: mapPositions(geometry.coordinates, f) } as G;
}

/** Rounds every coordinate to about 1 m, so the files journalists download stay small. */
export function roundGeometry<G extends Geometry>(geometry: G): G {
  return mapGeometry(geometry, (p) => p.map(round));
}

/**
 * Rounds the positions outside `bbox` to `decimals` (fewer than the usual 5): far from where the
 * story zooms in, 100 m is finer than a pixel. Positions inside `bbox` are left alone.
 */
export function roundOutside<G extends Geometry>(
  geometry: G,
  bbox: [number, number, number, number],
  decimals: number,
): G {
  const [w, s, e, n] = bbox;
  const coarse = rounder(decimals);
  return mapGeometry(geometry, (p) => {
    const [x = 0, y = 0] = p;
    return x >= w && x <= e && y >= s && y <= n ? p : p.map(coarse);
  });
}

export function collection<G extends Geometry, P>(features: Feature<G, P>[]): FeatureCollection<G, P> {
  return {
    type: 'FeatureCollection',
    features: features.map((f) => ({ ...f, geometry: roundGeometry(f.geometry) })),
  };
}
