import { bboxClip } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature, mesh } from 'topojson-client';
import { filter, planarRingArea, presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { REGION_BBOX } from './region.ts';
import { collection, roundOutside } from './geojson.ts';

// Natural Earth 1:10m admin-0 countries, as packaged by world-atlas (public domain data).
const require = createRequire(import.meta.url);
type Countries = Topology<{ countries: GeometryCollection<{ name: string }> }>;
const full = JSON.parse(readFileSync(require.resolve('world-atlas/countries-10m.json'), 'utf8')) as Countries;

export const SYRIA_ID = '760';
export const TURKEY_ID = '792';

/**
 * Where the story zooms in (north-west Syria, Hatay and the Turkish border): every vertex kept.
 * [west, south, east, north].
 */
export const DETAIL_BBOX: [number, number, number, number] = [35.3, 34.8, 38, 37.2];

/**
 * Far from Idlib the map shows at zoom 6 or less (1 px ≈ 1 km): there a vertex must span a
 * triangle of at least MIN_WEIGHT square degrees (Visvalingam) to stay, islands smaller than
 * MIN_ISLAND square degrees (about 100 km²) go, and coordinates keep FAR_DECIMALS (about 1 km: a pixel at zoom 6 or less).
 */
const MIN_WEIGHT = 6e-3;
const MIN_ISLAND = 0.01;
const FAR_DECIMALS = 2;
const inDetail = ([x = 0, y = 0]: number[]) => {
  const [w, s, e, n] = DETAIL_BBOX;
  return x >= w && x <= e && y >= s && y <= n;
};

/**
 * The topology with far-away arcs simplified and shared arcs simplified once (so neighbours
 * still meet). Syria's own arcs (its borders and coast) and everything in DETAIL_BBOX keep
 * Natural Earth's full 10m detail.
 */
const topology: Countries = (() => {
  const weighted = presimplify(full);
  const syria = full.objects.countries.geometries.find((g) => String(g.id) === SYRIA_ID);
  const syriaArcs = new Set<number>();
  const collect = (arcs: unknown): void => {
    if (typeof arcs === 'number') syriaArcs.add(arcs < 0 ? ~arcs : arcs);
    else if (Array.isArray(arcs)) arcs.forEach(collect);
  };
  if (syria && 'arcs' in syria) collect(syria.arcs);
  weighted.arcs.forEach((arc, i) => {
    for (const point of arc as number[][]) if (syriaArcs.has(i) || inDetail(point)) point[2] = Infinity;
  });
  const simplified = simplify(weighted, MIN_WEIGHT);
  // `filter` hands over a ring as arc indices (~i for a reversed arc); the arcs hold plain lon/lat now.
  const points = (ring: number[]) => ring.flatMap((i) => simplified.arcs[i < 0 ? ~i : i] ?? []) as [number, number][];
  const keepRing = (ring: number[]) => {
    const p = points(ring);
    return p.some(inDetail) || Math.abs(planarRingArea(p)) >= MIN_ISLAND;
  };
  return filter(simplified, keepRing as unknown as Parameters<typeof filter>[1]) as Countries;
})();

export interface CountryProps {
  id: string;
  name: string;
  /** The story's country, which the maps draw a shade lighter than its neighbours. */
  focus?: true;
}

/** Syria's outline at full 10m detail, the same geometry as in `countries()`. */
export function syria(): Feature<Polygon | MultiPolygon, CountryProps> {
  const geometry = topology.objects.countries.geometries.find((g) => String(g.id) === SYRIA_ID);
  if (!geometry) throw new Error('world-atlas has no Syria (id 760)');
  const f = feature(topology, geometry) as Feature<Polygon | MultiPolygon, { name: string }>;
  return { type: 'Feature', id: SYRIA_ID, properties: { id: SYRIA_ID, name: f.properties.name, focus: true }, geometry: f.geometry };
}

/** Country polygons clipped to the map's region; Syria and Turkey keep their ISO numeric ids. */
export function countries() {
  const all = feature(topology, topology.objects.countries).features;
  const clipped: Feature<Polygon | MultiPolygon, CountryProps>[] = [];
  for (const f of all) {
    const clip = bboxClip(f as Feature<Polygon | MultiPolygon>, REGION_BBOX).geometry as Polygon | MultiPolygon;
    const geometry = roundOutside(clip, DETAIL_BBOX, FAR_DECIMALS);
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    if (!polygons.some((rings) => rings.some((ring) => ring.length > 0))) continue;
    clipped.push({
      type: 'Feature',
      id: String(f.id),
      properties: { id: String(f.id), name: f.properties.name, ...(String(f.id) === SYRIA_ID ? { focus: true as const } : {}) },
      geometry,
    });
  }
  return collection(clipped);
}

/**
 * Land borders between countries inside the region, drawn as lines over the fills, and the
 * Syria–Turkey border on its own (`turkish-border`), which the story speaks of: sealed to the
 * displaced, crossed by Turkish columns.
 */
export function borders() {
  const line = (filter: Parameters<typeof mesh>[2]) => {
    const clip = bboxClip({ type: 'Feature', properties: {}, geometry: mesh(topology, topology.objects.countries, filter) }, REGION_BBOX).geometry;
    return roundOutside(clip, DETAIL_BBOX, FAR_DECIMALS);
  };
  const id = (g: { id?: string | number | undefined }) => String(g.id);
  const syriaTurkey = (a: { id?: string | number | undefined }, b: { id?: string | number | undefined }) => {
    const pair = [id(a), id(b)].sort().join();
    return pair === [SYRIA_ID, TURKEY_ID].sort().join();
  };
  return collection([
    { type: 'Feature', id: 'borders', properties: { id: 'borders', kind: 'border' }, geometry: line((a, b) => a !== b) },
    { type: 'Feature', id: 'turkish-border', properties: { id: 'turkish-border', kind: 'turkish-border', name: 'Syria–Turkey border' }, geometry: line(syriaTurkey) },
  ]);
}
