/**
 * Every colour the project draws with, in one place: the live map's style, the still SVG maps,
 * the share cards, the locator and the pages' CSS (as custom properties, `tokens.ts`) all read
 * it, so a colour changed here changes everywhere. A calm base (paper land, pale sea, grey
 * borders) carries strong story colours: one hue per actor, kept apart for colour-blind readers
 * by lightness as well as hue.
 */
export interface Palette {
  // The page around the map.
  paper: string;
  ink: string;
  /** Secondary text: 7:1 on paper. */
  muted: string;
  rule: string;
  accent: string;
  focus: string;
  // The base map.
  sea: string;
  land: string;
  /** Syria, the story's country, a shade lighter than its neighbours. */
  syria: string;
  border: string;
  idlib: string;
  label: string;
  labelMinor: string;
  halo: string;
  // The story: roads, actors, areas, markers.
  road: string;
  /** The M-5, the story's road, stands out from the M-4. */
  m5: string;
  m4: string;
  shieldText: string;
  frontLine: string;
  government: string;
  rebel: string;
  turkish: string;
  civilian: string;
  control: string;
  contested: string;
  front: string;
  strikes: string;
  posts: string;
  helicopter: string;
}

export const LIGHT: Palette = {
  paper: '#ffffff',
  ink: '#1d1d1d',
  muted: '#595959',
  rule: '#d9d4ca',
  accent: '#b3261e',
  focus: '#1c5d99',
  sea: '#dde6eb',
  land: '#ece8df',
  syria: '#f8f5ee',
  border: '#8d867a',
  idlib: '#6b6b6b',
  label: '#1d1d1d',
  labelMinor: '#4d4d4d',
  halo: '#ffffff',
  road: '#2b2b2b',
  m5: '#2b2b2b',
  m4: '#8a8782',
  shieldText: '#ffffff',
  frontLine: '#262626',
  government: '#b3261e',
  rebel: '#2e7d32',
  turkish: '#1c5d99',
  civilian: '#7a3f9d',
  control: '#2e7d32',
  contested: '#c77700',
  front: '#c77700',
  strikes: '#d84315',
  posts: '#1c5d99',
  helicopter: '#b3261e',
};

