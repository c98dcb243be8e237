import type { LayerId } from '../cartography/layers.ts';
import type { DateSpan } from '../frame/clock.ts';

export type { DateSpan };

/**
 * What a section of the story says its map shows: the browser's view of the frontmatter's
 * `map` block, which the build validates (`src/build/sectionSchema.ts`, whose output must match
 * these types). A section's map is a complete state, never a diff from the section before:
 * whatever a reader arrives from (scrolling down or up, a reload, a `#section` link), the map
 * shows exactly this.
 */

export type LonLat = [number, number];

export interface Camera {
  center: LonLat;
  zoom: number;
  bearing: number;
  pitch: number;
}

/**
 * A road or movement the section draws. A movement reaches as far as the story's date says; a
 * road is drawn by the reader, from `drawn[0]` of it as they enter to `drawn[1]` as they leave.
 */
export interface PathState {
  id: string;
  drawn?: [atStart: number, atEnd: number] | undefined;
}

export interface SectionMap {
  camera: Camera;
  /** Overrides for phones (below the breakpoint): only what differs. */
  narrow?: { [K in keyof Camera]?: Camera[K] | undefined } | undefined;
  layers: LayerId[];
  /** Place ids labelled on the map. */
  places: string[];
  /** Place, post or event ids called out. */
  highlight: string[];
  /** Events the section tells of (data/markers.json), each shown from its day. */
  events: string[];
  paths: PathState[];
  /** One day, or the days the timeline runs through as the reader scrolls (ISO `YYYY-MM-DD`). */
  date: DateSpan;
}

/** A section as the live map needs it: its id (the page's `#anchor`) and its map. */
export interface SectionView {
  slug: string;
  map: SectionMap;
}
