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

/** Roads and movements, as `frame()` slices them. Roads are drawn first and carry no arrow. */
export const PATH_KINDS = ['road', ...ACTORS] as const;
export type PathKind = (typeof PATH_KINDS)[number];

/** Areas and markers in data/areas.json and data/markers.json. */
export const AREA_KINDS = ['front-line', 'control', 'contested', 'front', 'strikes'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];
export const MARKER_KINDS = ['helicopter-down', 'turkish-position', 'turkish-post-encircled'] as const;
export type MarkerKind = (typeof MARKER_KINDS)[number];

/**
 * The story layers a section can switch on (land, sea and borders always show), bottom to top:
 * areas under the borders, the province outline over them, markers over the roads and arrows.
 */
export const LAYER_IDS = ['control', 'strikes', 'front', 'contested', 'idlib', 'posts', 'helicopter'] as const;
export type LayerId = (typeof LAYER_IDS)[number];

export const AREA_LAYERS = ['control', 'strikes', 'front', 'contested'] as const satisfies readonly LayerId[];
export type AreaLayer = (typeof AREA_LAYERS)[number];
export const MARKER_LAYERS = ['posts', 'helicopter'] as const satisfies readonly LayerId[];
export type MarkerLayer = (typeof MARKER_LAYERS)[number];

/** The feature kinds each area or marker layer draws. */
export const LAYER_KINDS: Record<AreaLayer | MarkerLayer, readonly (AreaKind | MarkerKind)[]> = {
  control: ['control'],
  strikes: ['strikes'],
  front: ['front'],
  contested: ['contested'],
  posts: ['turkish-position', 'turkish-post-encircled'],
  helicopter: ['helicopter-down'],
};

export const isAreaLayer = (id: LayerId): id is AreaLayer => (AREA_LAYERS as readonly string[]).includes(id);
