import { bboxClip } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { REGION_BBOX } from './region.ts';
import { collection } from './geojson.ts';

// Natural Earth 1:10m admin-0 countries, as packaged by world-atlas (public domain data).
const require = createRequire(import.meta.url);
const topology = JSON.parse(
  readFileSync(require.resolve('world-atlas/countries-10m.json'), 'utf8'),
) as Topology<{ countries: GeometryCollection<{ name: string }> }>;

export interface CountryProps {
  id: string;
  name: string;
}

/** Country polygons clipped to the map's region; Syria and Turkey keep their ISO numeric ids. */
export function countries() {
  const all = feature(topology, topology.objects.countries).features;
  const clipped: Feature<Polygon | MultiPolygon, CountryProps>[] = [];
  for (const f of all) {
    const geometry = bboxClip(f as Feature<Polygon | MultiPolygon>, REGION_BBOX).geometry as Polygon | MultiPolygon;
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    if (!polygons.some((rings) => rings.some((ring) => ring.length > 0))) continue;
    clipped.push({
      type: 'Feature',
      id: String(f.id),
      properties: { id: String(f.id), name: f.properties.name },
      geometry,
    });
  }
  return collection(clipped);
}

/** Land borders between countries inside the region, drawn as lines over the fills. */
export function borders() {
  const lines = mesh(topology, topology.objects.countries, (a, b) => a !== b);
  const { geometry } = bboxClip({ type: 'Feature', properties: {}, geometry: lines }, REGION_BBOX);
  return collection([{ type: 'Feature', properties: { kind: 'border' }, geometry }]);
}
