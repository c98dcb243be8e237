/**
 * The kinds of things the map draws, and the order it draws them in. The data's enums
 * (`src/build/data/schema.ts`), the section schema, `frame()` and both renderers read these
 * lists, so a kind cannot exist in one place and be missing in another.
 */

/** Places: what the data may call a place; a `waypoint` shapes a road and is never labelled. */
export const PLACE_KINDS = ['capital', 'city', 'town', 'village', 'crossing', 'airbase', 'waypoint'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** Who moves: each movement's actor, drawn in its own colour with an arrow head. */
export const ACTORS = ['government', 'rebel', 'turkish', 'civilian'] as const;

/** Names the map writes on areas: countries, the sea, the governorates the story names. */
export const BASE_LABEL_KINDS = ['country', 'sea', 'governorate'] as const;
export type BaseLabelKind = (typeof BASE_LABEL_KINDS)[number];

/** Roads and movements, as `frame()` slices them. Roads are drawn first and carry no arrow. */
export const PATH_KINDS = ['road', ...ACTORS] as const;
export type PathKind = (typeof PATH_KINDS)[number];

/**
 * Areas of data/areas.json and data/control.json. `control` is the ground rebels held on a
 * snapshot's date, `front-line` that snapshot's line, `taken` the ground the government took
 * between the first snapshot and a later one.
 */
export const AREA_KINDS = ['front-line', 'control', 'taken', 'contested', 'front', 'strikes'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];

/** Who held a control point on a day. */
export const HOLDERS = ['government', 'opposition', 'contested'] as const;

/** Dated events of data/markers.json, each drawn with its own symbol. */
export const EVENT_KINDS = ['helicopter-down', 'soldiers-killed', 'air-strike'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** A marker as `frame()` decides it on a day: a Turkish post (encircled or not), or an event. */
export const MARKER_STATES = ['post', 'post-encircled', ...EVENT_KINDS] as const;
export type MarkerState = (typeof MARKER_STATES)[number];

/**
 * The story layers a section can switch on (land, sea, borders and the base labels always
 * show), bottom to top: held ground under the ground taken, areas under the borders, the
 * province outline over them, Turkish posts over the roads and arrows. Events are not a layer:
 * a section lists the ones it tells of (`map.events`).
 */
export const LAYER_IDS = ['control', 'taken', 'strikes', 'front', 'contested', 'border', 'idlib', 'posts'] as const;
export type LayerId = (typeof LAYER_IDS)[number];

export const AREA_LAYERS = ['control', 'taken', 'strikes', 'front', 'contested'] as const satisfies readonly LayerId[];
export type AreaLayer = (typeof AREA_LAYERS)[number];

/** The area kinds each area layer draws: the held ground comes with its front line. */
export const AREA_LAYER_KINDS: Record<AreaLayer, readonly AreaKind[]> = {
  control: ['control', 'front-line'],
  taken: ['taken'],
  strikes: ['strikes'],
  front: ['front'],
  contested: ['contested'],
};
