import type { Camera } from '../story/mapState.ts';
import { STILL_MAP } from '../svg/stillMap.ts';

/**
 * How an embed frames its map at any width. Wide frames show what the section's still map
 * (`/maps/<slug>.svg`, STILL_MAP) shows, whatever their width, so the still becomes the live
 * map without a jump. Narrow frames (phones) use the section's `narrow` camera, as the story
 * does on phones, framing what a phone's map shows, with a narrow still drawn to match.
 */
export const POSTER = STILL_MAP;
export const NARROW_POSTER = { width: 400, height: 300 } as const;

/** The story's own phone breakpoint (StoryMap.svelte). */
export const NARROW_QUERY = '(max-width: 639px)';

/** About the width of the story's map on a phone, for which the `narrow` cameras are set. */
export const NARROW_REFERENCE = 400;

/** The zoom at which a map `width` px wide frames what `camera` frames at the reference width. */
export function zoomFor(zoom: number, width: number, narrow = false): number {
  if (!(width > 0)) return zoom;
  return zoom + Math.log2(width / (narrow ? NARROW_REFERENCE : POSTER.width));
}

/** A frame's camera (already `narrow` or not) fitted to a map `width` px wide. */
export const fitCamera = (camera: Camera, width: number, narrow: boolean): Camera => ({ ...camera, zoom: zoomFor(camera.zoom, width, narrow) });
