import type { Camera, LonLat } from '../story/section.ts';
import { inverseMercator, mercator } from './mercator.ts';

/** A map's size in CSS pixels. */
export interface Viewport {
  width: number;
  height: number;
}

/** A point that must be seen whole: where it is, and how far around it its label reaches. */
export interface MustShow {
  at: LonLat;
  /** The label's width beside the point (it may go either side), and its height. */
  labelWidth: number;
  labelHeight: number;
}

/** Kept clear between anything the map must show and its edges, in px. */
export const EDGE = 10;

const TILE = 512;
/** A camera never zooms out further than this to fit: past it, the section's places are wrong for its camera. */
const MAX_ZOOM_OUT = 3;
/** Slack for rounding: a point this close to fitting, fits. */
const SLACK = 0.5;

/**
 * The section's camera, or as little change to it as keeps every point in view with room for its
 * label on at least one side. Cameras are written for the desktop map and for a phone; a map of
 * another size (a narrow window, an embed, a still) may see less. Then the camera first moves its
 * centre onto what must show, and zooms out only if that is not enough.
 */
export function fitCamera(camera: Camera, points: readonly MustShow[], viewport: Viewport): Camera {
  if (!points.length || !(viewport.width > 0 && viewport.height > 0)) return camera;
  const world = points.map((p) => ({ ...p, xy: mercator(p.at[0], p.at[1]) }));
  // The room a point needs, in px, left/right and above/below of it.
  const needX = (p: (typeof world)[number]) => EDGE + Math.min(p.labelWidth + 4, viewport.width / 2 - EDGE);
  const needY = (p: (typeof world)[number]) => EDGE + p.labelHeight / 2;
  const fits = (centre: [number, number], zoom: number) => {
    const scale = TILE * 2 ** zoom;
    return world.every((p) => {
      const x = (p.xy[0] - centre[0]) * scale + viewport.width / 2;
      const y = (p.xy[1] - centre[1]) * scale + viewport.height / 2;
      const room = Math.max(x - EDGE, viewport.width - EDGE - x);
      return (
        x >= EDGE - SLACK &&
        x <= viewport.width - EDGE + SLACK &&
        room + SLACK >= needX(p) - EDGE &&
        y >= needY(p) - SLACK &&
        y <= viewport.height - needY(p) + SLACK
      );
    });
  };
  const centre = mercator(camera.center[0], camera.center[1]);
  if (fits(centre, camera.zoom)) return camera;
  // Centre on the box of what must show, then zoom out until it fits.
  const xs = world.map((p) => p.xy[0]);
  const ys = world.map((p) => p.xy[1]);
  const box = { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
  const middle: [number, number] = [(box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2];
  let zoom = camera.zoom;
  while (!fits(middle, zoom) && zoom > camera.zoom - MAX_ZOOM_OUT) zoom -= 0.05;
  const [lon, lat] = inverseMercator(middle[0], middle[1]);
  const round = (n: number, d: number) => Math.round(n * 10 ** d) / 10 ** d;
  return { ...camera, center: [round(lon, 5), round(lat, 5)], zoom: round(zoom, 3) };
}

/**
 * Where a label goes around its point, in order of preference, as MapLibre's variable anchors
 * name them (`left`: the text's left edge at the point, so the text runs right of it). Labels
 * prefer the right; one that would run off an edge goes the other way first, and one that would
 * cover another place's dot or ring, or a marker (`obstacles`, px), goes last. MapLibre keeps
 * labels off each other and off the markers' symbols, but not off the dots and rings, which are
 * circles, not symbols: a name laid over a called-out town's ring reads as that town's.
 */
export const ANCHORS = ['left', 'right', 'top', 'bottom'] as const;
export type Anchor = (typeof ANCHORS)[number];

/** Something drawn round a point that a label must not cover: its centre and radius, px. */
export interface Obstacle {
  x: number;
  y: number;
  r: number;
}

export function labelAnchors(
  x: number,
  y: number,
  labelWidth: number,
  labelHeight: number,
  viewport: Viewport,
  avoid: { obstacles: readonly Obstacle[]; gap: number } = { obstacles: [], gap: 0 },
): Anchor[] {
  const fitsRight = x + labelWidth + EDGE <= viewport.width;
  const fitsBelow = y + labelHeight + EDGE <= viewport.height;
  const horizontal: Anchor[] = fitsRight ? ['left', 'right'] : ['right', 'left'];
  const vertical: Anchor[] = fitsBelow ? ['top', 'bottom'] : ['bottom', 'top'];
  // The name's box on each side, `gap` px off the point, as the renderers draw it.
  const [w, h, g] = [labelWidth, labelHeight, avoid.gap];
  const box: Record<Anchor, [number, number, number, number]> = {
    left: [x + g, y - h / 2, x + g + w, y + h / 2],
    right: [x - g - w, y - h / 2, x - g, y + h / 2],
    top: [x - w / 2, y + g, x + w / 2, y + g + h],
    bottom: [x - w / 2, y - g - h, x + w / 2, y - g],
  };
  const covers = (anchor: Anchor) => {
    const [x0, y0, x1, y1] = box[anchor];
    return avoid.obstacles.some((o) => Math.hypot(o.x - Math.max(x0, Math.min(o.x, x1)), o.y - Math.max(y0, Math.min(o.y, y1))) < o.r);
  };
  const order = [...horizontal, ...vertical];
  return [...order.filter((a) => !covers(a)), ...order.filter(covers)];
}
