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
  /** Editor's notes: their rule and their background. */
  noteRule: string;
  noteBg: string;
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
  noteRule: '#8a5a00',
  noteBg: '#fbf6e9',
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


/**
 * The dark map, designed rather than inverted: a deep blue-grey sea under charcoal land, Syria a
 * shade lighter than its neighbours as on the light map, warm light labels with dark halos, and
 * the same hue for every actor as on the light map, lifted in lightness so each line, arrow and
 * area stands out from the land at 3:1 or more and every text colour reads at 4.5:1 or more
 * (`palette.test.ts`). The M-5 stays the brightest road, its shield now light with dark text.
 */
export const DARK: Palette = {
  paper: '#15171a',
  ink: '#ebe8e2',
  muted: '#b4afa5',
  rule: '#3d4045',
  accent: '#f28b82',
  focus: '#8ab8ff',
  noteRule: '#d9a441',
  noteBg: '#2a2517',
  sea: '#18232d',
  land: '#2a2c2e',
  syria: '#37393a',
  border: '#8f8a80',
  idlib: '#b0aca3',
  label: '#f2efe8',
  labelMinor: '#c9c4ba',
  halo: '#15171a',
  road: '#d9d5cc',
  m5: '#ece8de',
  m4: '#a29e95',
  shieldText: '#15171a',
  frontLine: '#e6e2d9',
  government: '#ff6f61',
  rebel: '#5fc46d',
  turkish: '#62aaff',
  civilian: '#c592e6',
  control: '#5fc46d',
  contested: '#f0a93c',
  front: '#f0a93c',
  strikes: '#ff8c55',
  posts: '#62aaff',
  helicopter: '#ff6f61',
};
