import type { AreaLayer, MarkerState, PlaceKind } from './layers.ts';

/**
 * Sizes of everything drawn, in CSS pixels, for both renderers: the live map's style turns them
 * into MapLibre paint properties (dashes in line widths), the still maps use them as they are.
 * A picture and the live map at the same size therefore look alike.
 */

export const FONTS = {
  /** The names the live map's `font-faces` gives the two woff2 files it ships. */
  regular: 'Noto Sans Regular',
  bold: 'Noto Sans Bold',
  /** The CSS family the still maps ask for: the same face where the reader has it. */
  family: "'Noto Sans', system-ui, sans-serif",
} as const;

export const LINES = {
  border: 1,
  /** The Syria–Turkey border where the story speaks of it. */
  turkishBorder: 3,
  /** A province boundary, dotted as atlases draw them. */
  idlib: { width: 1.4, dash: [1.4, 2.8] },
  movement: { casing: 6.5, line: 4 },
  area: { width: 1.2, dash: [3.6, 2.4] },
  front: { width: 1.8, dash: [5.4, 3.6] },
  /** Hatching of the ground taken: lines this wide, this far apart, this opaque. */
  hatch: { width: 1.2, gap: 6, opacity: 0.4 },
} as const;

/**
 * The story's two highways, told apart: the M-5 heavier, with its route shield; the M-4 lighter.
 * Any other road would draw as the M-4 does.
 */
export const ROADS = {
  m5: { colour: 'm5', casing: 6, line: 3.2, shield: 'M5', legend: 'M-5 highway (Aleppo–Damascus)' },
  m4: { colour: 'm4', casing: 4, line: 2, shield: 'M4', legend: 'M-4 highway (Latakia–Saraqeb)' },
} as const satisfies Record<string, { colour: 'm5' | 'm4'; casing: number; line: number; shield: string; legend: string }>;
export const roadStyle = (id: string) => ROADS[id as keyof typeof ROADS] ?? ROADS.m4;

/** A route shield: a rounded box around its text, placed along the road every so often. */
export const SHIELD = { size: 11, padX: 4, padY: 2, radius: 3, spacing: 260 } as const;
/** The corner of a phone's map that its scale bar takes, with the bar's margin, px (`.map-area .scale-bar` in story.css). */
export const SCALE_BAR_CORNER = { width: 132, height: 26 } as const;

/** How opaque each area's fill is: the held ground is a wash, the rest stand out over it. */
export const areaFill = (layer: AreaLayer) => (layer === 'control' ? 0.16 : 0.28);
/** Areas that mark an approximate zone of fighting, rather than held ground, are dashed. */
export const areaDashed = (layer: AreaLayer) => layer === 'front' || layer === 'contested';

/**
 * The arrow head, as points from its tip (0, 0) pointing north; the live map rotates an icon of
 * it by the movement's bearing, the still maps a path. The line stops `inset` px inside it.
 */
export const ARROW = {
  points: [
    [0, 0],
    [10, 21],
    [0, 16],
    [-10, 21],
  ] as const,
  /** The icon's canvas: the tip sits `tip` px below its top edge, centred. */
  icon: { size: 28, tip: 2 },
  stroke: 2,
  inset: 12,
} as const;

export const MARKER = { radius: 6, highlighted: 9, stroke: 2, labelSize: 12, labelWidth: 144 } as const;
/** A marker's symbol's radius, px: larger when called out. */
export const markerRadius = (highlighted: boolean | undefined) => (highlighted ? MARKER.highlighted : MARKER.radius);

/**
 * Each marker's symbol as SVG path data around its point, for a radius of 1 (scaled by the
 * marker's radius), and its fill, from the palette: the still maps draw the path, the live map
 * an icon drawn from the same path.
 */
export const MARKER_SHAPES: Record<MarkerState, { d: string; fill: 'posts' | 'helicopter' | 'government' | 'strikes'; ring?: boolean; outline?: 'label' }> = {
  // A square: a fixed position.
  post: { d: 'M-0.85,-0.85H0.85V0.85H-0.85Z', fill: 'posts' },
  // The same square in a ring: cut off behind the advance.
  'post-encircled': { d: 'M-0.7,-0.7H0.7V0.7H-0.7Z', fill: 'posts', ring: true },
  // A diamond.
  'helicopter-down': { d: 'M0,-1.15L1.15,0L0,1.15L-1.15,0Z', fill: 'helicopter' },
  // A cross.
  'soldiers-killed': { d: 'M-1,-0.55L-0.55,-1L0,-0.45L0.55,-1L1,-0.55L0.45,0L1,0.55L0.55,1L0,0.45L-0.55,1L-1,0.55L-0.45,0Z', fill: 'government' },
  // A burst, outlined in ink: it sits on the strike areas, which share its colour.
  'air-strike': {
    outline: 'label',
    d: 'M0,-1.2L0.3,-0.4L1.1,-0.6L0.55,0.1L1,0.85L0.2,0.6L-0.2,1.2L-0.4,0.45L-1.1,0.6L-0.6,-0.05L-1,-0.8L-0.25,-0.55Z',
    fill: 'strikes',
  },
};

/** A marker's outline: the halo that lifts it off the map, or ink where its fill would melt into what lies beneath. */
export const markerOutline = (state: MarkerState) => MARKER_SHAPES[state].outline ?? 'halo';

/** Context towns (GeoNames, not named by the story) are written from this zoom in: close-ups only. */
export const CONTEXT_MIN_ZOOM = 8.6;
export const CONTEXT = { radius: 2, labelSize: 10.5 } as const;
/** Names on areas: countries and the sea larger and spaced, governorates smaller. */
export const BASE_LABEL = { country: 13, sea: 12, governorate: 10.5, spacing: 0.12 } as const;

export const PLACE = {
  radius: (kind: PlaceKind) => (kind === 'capital' ? 4.5 : kind === 'city' ? 4 : 3),
  stroke: 1.5,
  ring: 11,
  ringStroke: 2,
  /** How far a name stands off its point, px: clear of the ring (by 3 px) when called out. */
  labelGap: (highlighted: boolean) => (highlighted ? 11 + 3 : 6),
  labelSize: (kind: PlaceKind, highlighted: boolean) => (highlighted ? 15 : kind === 'capital' || kind === 'city' ? 14 : 12.5),
  halo: 1.8,
} as const;

/**
 * How wide a line of text is, near enough to keep labels apart and inside the map. The still
 * maps are made in Node, where no font can be measured, and are shown in Noto Sans or whatever
 * sans-serif the reader has (DejaVu Sans, among the widest, on many Linux systems), so this
 * errs on the wide side.
 */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += /[A-Z]/.test(ch) ? 0.72 : /[ .,:;'’·()*|il-]/.test(ch) ? 0.32 : 0.6;
  return em * size * (bold ? 1.1 : 1);
}
