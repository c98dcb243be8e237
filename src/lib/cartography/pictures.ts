/**
 * The fixed sizes of the pictures the project makes, in CSS pixels. Sections' cameras are set
 * for the desktop story's map, about the still map's size; phones' for the narrow still's.
 */

/** `/maps/<section>.svg`: small enough that labels stay legible in a text column (about 34rem). */
export const STILL_MAP = { width: 720, height: 540 } as const;
/** `/embed/<section>/narrow.svg`, and about the width of the story's map on a phone. */
export const NARROW_STILL = { width: 400, height: 300 } as const;
/** The embeds' stills, keyless: the embed page shows its key below the map. */
export const EMBED_STILLS = { wide: STILL_MAP, narrow: NARROW_STILL } as const;
/**
 * The story's map area before the live map draws (and while it starts): the section's still at
 * about the map's size on a desktop screen (1280 × 800) and on a phone (375 × 812), scaled to fill.
 */
export const STAGE_STILLS = { wide: { width: 600, height: 720 }, narrow: { width: 375, height: 320 } } as const;
/** The locator inset: Syria with Turkey's south and the Mediterranean coast. */
export const LOCATOR = { camera: { center: [37.6, 35.4] as [number, number], zoom: 2.75 }, width: 132, height: 112 } as const;
/** Link previews (Open Graph, Twitter). */
export const SHARE_CARD = { width: 1200, height: 630 } as const;

/** The stage's picture of a section before the live map draws (`/maps/<slug>/stage-*.svg`), in a theme. */
export const stageStillPath = (slug: string, size: keyof typeof STAGE_STILLS, theme: 'light' | 'dark' = 'light') =>
  `/maps/${slug}/stage-${size}${theme === 'dark' ? '-dark' : ''}.svg`;
