import type { AreaLayer } from './layers.ts';
import type { PlaceKind } from './layers.ts';

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
  idlib: { width: 1.4, dash: [5.6, 2.8] },
  road: { casing: 4.5, line: 2.2 },
  movement: { casing: 6.5, line: 4 },
  area: { width: 1.2, dash: [3.6, 2.4] },
} as const;

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

export const PLACE = {
  radius: (kind: PlaceKind) => (kind === 'capital' ? 4.5 : kind === 'city' ? 4 : 3),
  stroke: 1.5,
  ring: 11,
  ringStroke: 2,
  labelSize: (kind: PlaceKind, highlighted: boolean) => (highlighted ? 15 : kind === 'capital' || kind === 'city' ? 14 : 12.5),
  halo: 1.8,
} as const;
