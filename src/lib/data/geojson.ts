import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { COORDINATE_DECIMALS } from './region.ts';

const scale = 10 ** COORDINATE_DECIMALS;
const round = (n: number) => Math.round(n * scale) / scale;

function roundPositions(value: unknown): unknown {
  if (typeof value === 'number') return round(value);
  return (value as unknown[]).map(roundPositions);
}

/** Rounds every coordinate to about 1 m, so the files journalists download stay small. */
export function roundGeometry<G extends Geometry>(geometry: G): G {
  if (geometry.type === 'GeometryCollection') {
    return { ...geometry, geometries: geometry.geometries.map(roundGeometry) };
  }
  return { ...geometry, coordinates: roundPositions(geometry.coordinates) as Position[] } as G;
}

export function collection<G extends Geometry, P>(features: Feature<G, P>[]): FeatureCollection<G, P> {
  return {
    type: 'FeatureCollection',
    features: features.map((f) => ({ ...f, geometry: roundGeometry(f.geometry) })),
  };
}
