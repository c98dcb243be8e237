import { z } from 'astro/zod';
import { ACTORS, AREA_KINDS, MARKER_KINDS, PLACE_KINDS } from '@lib/cartography/layers.ts';

// The shape of each file in data/. Values that need context (regions, dates, seed paragraphs,
// references between features) are checked afterwards in compile.ts, with messages of our own.

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens');
const text = z.string().trim().min(1, 'must not be empty');
const lonLat = z.tuple([z.number(), z.number()]);
const date = z.string();
const seed = z.array(z.number().int()).min(1, 'must name at least one paragraph');

const place = z.strictObject({
  id,
  name: text,
  variants: z.array(text),
  nameAr: text.optional(),
  lon: z.number(),
  lat: z.number(),
  kind: z.enum(PLACE_KINDS),
  rank: z.number().int().min(1).max(4),
  source: text,
  confidence: z.enum(['high', 'medium', 'approximate']),
  geonamesName: text.optional(),
  geonamesId: z.number().int().positive().optional(),
  offMap: z.literal(true).optional(),
  note: text.optional(),
});

const road = z.strictObject({
  id,
  name: text,
  through: z.array(z.string()).min(2, 'needs at least two places'),
  schematic: z.literal(true),
  source: text,
  note: text.optional(),
});

const movement = z.strictObject({
  id,
  actor: z.enum(ACTORS),
  label: text,
  from: date,
  to: date,
  seed,
  through: z.array(z.string()).min(2, 'needs at least two places'),
  stops: z.array(z.strictObject({ place: z.string(), date, label: text })).optional(),
  schematic: z.literal(true),
  source: text,
  note: text.optional(),
});

const radiusKm = z.number().positive().max(50);

const areaGeometry = z.discriminatedUnion('method', [
  /** A line through authored vertices, each with the reason it sits there. */
  z.strictObject({
    method: z.literal('line'),
    vertices: z.array(z.strictObject({ at: lonLat, why: text })).min(2),
  }),
  /** The side of a front line closed through `closeVia`, clipped to Syria's outline. */
  z.strictObject({
    method: z.literal('front-side'),
    front: z.string(),
    closeVia: z.array(lonLat).min(1),
    clipTo: z.literal('syria'),
  }),
  /** Buffer around sourced place points. */
  z.strictObject({ method: z.literal('buffer'), places: z.array(z.string()).min(1), radiusKm }),
  /** Buffer around the stretch of a front line between the points nearest two places. */
  z.strictObject({
    method: z.literal('front-buffer'),
    front: z.string(),
    between: z.tuple([z.string(), z.string()]),
    radiusKm,
  }),
  /** The part of an earlier area inside a governorate (Natural Earth admin-1 `adm1_code`). */
  z.strictObject({ method: z.literal('area-in-governorate'), area: z.string(), governorate: z.string() }),
]);

const area = z.strictObject({
  id,
  kind: z.enum(AREA_KINDS),
  label: text,
  date,
  seed,
  schematic: z.literal(true),
  source: text,
  note: text.optional(),
  geometry: areaGeometry,
});

const marker = z.strictObject({
  id,
  kind: z.enum(MARKER_KINDS),
  label: text,
  place: z.string(),
  date,
  seed,
  approximate: z.boolean(),
  source: text,
  note: text.optional(),
});

const about = z.string().optional();

/** Each data file: an object with an optional `about` and one list of features. */
export const FILE_SCHEMAS = {
  places: z.strictObject({ about, places: z.array(place) }),
  roads: z.strictObject({ about, roads: z.array(road) }),
  movements: z.strictObject({ about, movements: z.array(movement) }),
  areas: z.strictObject({ about, areas: z.array(area) }),
  markers: z.strictObject({ about, markers: z.array(marker) }),
};

export type FileKey = keyof typeof FILE_SCHEMAS;
export const FILE_KEYS = Object.keys(FILE_SCHEMAS) as FileKey[];

/** How a feature of each file is called in error messages. */
export const FEATURE_WORD: Record<FileKey, string> = {
  places: 'place',
  roads: 'road',
  movements: 'movement',
  areas: 'area',
  markers: 'marker',
};

export type PlaceInput = z.output<typeof place>;
export type RoadInput = z.output<typeof road>;
export type MovementInput = z.output<typeof movement>;
export type AreaInput = z.output<typeof area>;
export type AreaGeometryInput = z.output<typeof areaGeometry>;
export type MarkerInput = z.output<typeof marker>;
export interface DataInput {
  places: PlaceInput[];
  roads: RoadInput[];
  movements: MovementInput[];
  areas: AreaInput[];
  markers: MarkerInput[];
}
