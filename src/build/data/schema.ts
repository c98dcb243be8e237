import { z } from 'astro/zod';
import { ACTORS, AREA_KINDS, BASE_LABEL_KINDS, EVENT_KINDS, HOLDERS, PLACE_KINDS } from '@lib/cartography/layers.ts';

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
  /** The movement went toward its last place, not into it: the arrow stops short of it. */
  toward: z.literal(true).optional(),
  /** The movement set out near its first place, not from inside it: the arrow starts short of it. */
  fromNear: z.literal(true).optional(),
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

/** A change of hands at a control point: `since` is a day, or 'before' the story window. */
const since = z.string();
const controlPoint = z.strictObject({
  place: z.string(),
  changes: z
    .array(
      z.strictObject({
        since,
        holder: z.enum(HOLDERS),
        /** Where sources disagree on the day: the range, with `since` the reading used. */
        range: z.tuple([date, date]).optional(),
        note: text.optional(),
        source: text,
      }),
    )
    .min(1, 'needs at least one change of hands'),
});

/** The front line on a day: the rebel side is closed through `closeVia` and clipped to Syria. */
const snapshot = z.strictObject({
  id,
  date,
  label: text,
  seed,
  vertices: z.array(z.strictObject({ at: lonLat, why: text })).min(2),
  closeVia: z.array(lonLat).min(1),
  source: text,
  note: text.optional(),
});

const post = z.strictObject({
  id,
  place: z.string(),
  label: text,
  /** When it was set up, if inside the story window (absent: it stood before). */
  established: date.optional(),
  /** When it was cut off behind government lines: a day, or 'before' the story window. */
  encircled: since.optional(),
  encircledRange: z.tuple([date, date]).optional(),
  seed,
  approximate: z.boolean(),
  source: text,
  note: text.optional(),
});

const event = z.strictObject({
  id,
  kind: z.enum(EVENT_KINDS),
  place: z.string(),
  date,
  label: text,
  seed,
  approximate: z.boolean(),
  source: text,
  note: text.optional(),
});

/** A name the map writes on an area (a country, the sea, a governorate), at anchors for ranges of zoom. */
const label = z.strictObject({
  id,
  text,
  kind: z.enum(BASE_LABEL_KINDS),
  anchors: z.array(z.strictObject({ at: lonLat, zoom: z.tuple([z.number().min(0), z.number().max(24)]), why: text })).min(1),
});

const about = z.string().optional();

/** Each data file: an object with an optional `about` and its lists of features. */
export const FILE_SCHEMAS = {
  places: z.strictObject({ about, places: z.array(place) }),
  roads: z.strictObject({ about, roads: z.array(road) }),
  movements: z.strictObject({ about, movements: z.array(movement) }),
  control: z.strictObject({ about, points: z.array(controlPoint), snapshots: z.array(snapshot).min(1, 'needs at least one snapshot') }),
  areas: z.strictObject({ about, areas: z.array(area) }),
  markers: z.strictObject({ about, posts: z.array(post), events: z.array(event) }),
  labels: z.strictObject({ about, labels: z.array(label) }),
};

export type FileKey = keyof typeof FILE_SCHEMAS;
export const FILE_KEYS = Object.keys(FILE_SCHEMAS) as FileKey[];

/** How a feature of each list is called in error messages. */
export const FEATURE_WORD = {
  places: 'place',
  roads: 'road',
  movements: 'movement',
  points: 'control point',
  snapshots: 'snapshot',
  areas: 'area',
  posts: 'post',
  events: 'event',
  labels: 'label',
} as const;
export type ListKey = keyof typeof FEATURE_WORD;

export type AreaGeometryInput = z.output<typeof areaGeometry>;
export type DataInput = { [K in FileKey]: Omit<z.output<(typeof FILE_SCHEMAS)[K]>, 'about'> };
