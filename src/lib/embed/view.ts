import { NARROW_STILL, STILL_MAP } from '../cartography/pictures.ts';
import { zoomAcross } from '../frame/mercator.ts';
import type { Camera } from '../story/section.ts';

/**
 * How an embed frames its map at any width. Wide frames show what the section's still map
 * (`/maps/<slug>.svg`, STILL_MAP) shows, whatever their width, so the still becomes the live
 * map without a jump. Narrow frames (phones) use the section's `narrow` camera, as the story
 * does on phones, framing what the narrow still (NARROW_STILL) shows.
 */

/** The zoom at which a map `width` px wide frames what `camera` frames at the reference width. */
export function zoomFor(zoom: number, width: number, narrow = false): number {
  return zoomAcross(zoom, narrow ? NARROW_STILL.width : STILL_MAP.width, width);
}

/** A frame's camera (already `narrow` or not) scaled to a map `width` px wide. */
export const scaleCamera = (camera: Camera, width: number, narrow: boolean): Camera => ({ ...camera, zoom: zoomFor(camera.zoom, width, narrow) });
