/**
 * The map's world: a box wider than the widest view the story uses (the regional view with
 * Ankara and Damascus), so clipped geometry never shows an edge on screen.
 * [west, south, east, north] in degrees.
 */
export const REGION_BBOX: [number, number, number, number] = [8, 18, 66, 52];

/** Where the story's features may lie: north-west Syria and its neighbours, with a margin. */
export const STORY_BBOX: [number, number, number, number] = [30, 31, 45, 42];

/**
 * The dates a feature may carry: from 1 December 2019, when the UN starts counting this
 * displacement, to the day after the article (11 February 2020). Inclusive ISO dates.
 */
export const STORY_WINDOW = { from: '2019-12-01', to: '2020-02-12' } as const;

/** About 1 m at this latitude: 5 decimals of a degree. */
export const COORDINATE_DECIMALS = 5;
