import { NARROW_STILL, STILL_MAP } from '../cartography/pictures.ts';
import { zoomAcross } from '../frame/mercator.ts';
import type { Camera } from '../story/section.ts';

/**
 * A map of any width framing what a still picture of the section frames: wide ones what
 * STILL_MAP shows, narrow ones (phones, with the section's `narrow` camera) what NARROW_STILL
 * shows. The share card and the export use it; the live embed asks `frame()` the same
 * (`framedAs`), so that its names are placed for its own size.
 */

/** The zoom at which a map `width` px wide frames what `camera` frames at the reference width. */
export function zoomFor(zoom: number, width: number, narrow = false): number {
  return zoomAcross(zoom, narrow ? NARROW_STILL.width : STILL_MAP.width, width);
}

/** A frame's camera (already `narrow` or not) scaled to a map `width` px wide. */
export const scaleCamera = (camera: Camera, width: number, narrow: boolean): Camera => ({ ...camera, zoom: zoomFor(camera.zoom, width, narrow) });
