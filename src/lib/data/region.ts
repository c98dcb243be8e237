/**
 * The map's world: a box wider than the widest view the story uses (the regional view with
 * Ankara and Damascus), so clipped geometry never shows an edge on screen.
 * [west, south, east, north] in degrees.
 */
export const REGION_BBOX: [number, number, number, number] = [22, 26, 52, 46];

/** Where the story's features may lie: north-west Syria and its neighbours, with a margin. */
export const STORY_BBOX: [number, number, number, number] = [30, 31, 45, 42];

/** About 1 m at this latitude: 5 decimals of a degree. */
export const COORDINATE_DECIMALS = 5;
