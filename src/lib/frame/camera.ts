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
 * name them (`left`: the text's left edge at the point, so the text runs right of it;
 * `bottom-left`: its bottom left corner there, so it stands above right). Labels prefer the
 * right, then the left, above and below, then the corners; one that would run off an edge goes
 * the other way first; one that would cover another place's dot or ring, a marker or an arrow
 * (`obstacles`, px) goes after those that cover nothing, the more it covers the later
 * (`COVER_COST`), and one the map's edge would cut goes last. MapLibre keeps labels off each
 * other and off the markers' symbols, but not off the dots and rings, which are circles, not
 * symbols: a name laid over a called-out town's ring reads as that town's.
 */
export const ANCHORS = ['left', 'right', 'top', 'bottom', 'bottom-left', 'top-left', 'bottom-right', 'top-right'] as const;
export type Anchor = (typeof ANCHORS)[number];
/** The four sides straight out from a point; the other four are its corners, tried when these are taken. */
export const SIDES: readonly Anchor[] = ANCHORS.slice(0, 4);

/**
 * Where the anchor of a name on side `anchor` stands off its point, px, for a name `gap` px off it:
 * straight out by `gap`; off a corner by 2 px less on each axis, as the still maps draw it
 * (`svg/labels.ts`), which still leaves the name's corner clear of a ring or a dot.
 */
export function anchorOffset(anchor: Anchor, gap: number): [number, number] {
  const [x, y] = anchorDirection(anchor);
  const step = x && y ? Math.max(0, gap - 2) : gap;
  return [x * step, y * step];
}

/** The way a name on side `anchor` runs from its point, each axis -1, 0 or 1 (`left`: the text runs right, [1, 0]). */
export function anchorDirection(anchor: Anchor): [number, number] {
  return [anchor.endsWith('left') ? 1 : anchor.endsWith('right') ? -1 : 0, anchor.startsWith('top') ? 1 : anchor.startsWith('bottom') ? -1 : 0];
}

/**
 * Something drawn round a point that a label must not cover: its centre and radius, px. An
 * arrow's shaft is a row of them sharing a `group`, and its head another: each group counts
 * once however many of its discs a name covers.
 */
export interface Obstacle {
  x: number;
  y: number;
  r: number;
  group?: { id: string; cost: number };
  /**
   * How far (px) beyond either end of a name this still counts as covered when it lies on the
   * name's line: another town's dot just after a name ("Idlib • Binnish") reads as its own.
   */
  beside?: number;
  /**
   * How near (px) a name's box may come before it lies over the thing itself, not only in the
   * room kept round it (`r`): a name in that room alone costs `GRAZE` of the whole. Without it,
   * any touch is the whole cost.
   */
  core?: number;
  /**
   * The next disc's centre along a line the discs are drawn on: where the line between the two
   * crosses a name's box, the line runs through the name, however short the stretch (a road across
   * a corner of it), and costs the whole.
   */
  to?: [number, number];
}

/** A line segment in pixels: x1, y1, x2, y2. */
export type Segment = [number, number, number, number];

/** Whether a segment crosses or lies in a rectangle (Liang–Barsky clipping). */
export function crosses([x1, y1, x2, y2]: Segment, [left, top, right, bottom]: Box): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = x2 - x1;
  const dy = y2 - y1;
  for (const [p, q] of [
    [-dx, x1 - left],
    [dx, right - x1],
    [-dy, y1 - top],
    [dy, bottom - y1],
  ] as const) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
  }
  return true;
}

/**
 * What covering each costs a name: a dot, ring, marker or arrow head under a name reads as that
 * name's (the name of one town over another's ring, a strike or an arrival at the wrong town); a
 * name across an arrow's shaft is still read as its own. A name off a corner of its dot is tied
 * to it more loosely than one beside it, above or below (editors found such names read as a
 * neighbouring symbol's): it goes there only where every straight side costs more than a line
 * across it (`corner`).
 */
export const COVER_COST = { point: 2, shaft: 1, name: 3, areaName: 1, edge: 1000, corner: 1 } as const;
/**
 * The share of that cost a name pays when it only comes into the room kept round a thing
 * (`Obstacle.core`): a name that grazes a square's margin or a road's edge is read; one across
 * the square or with the road through its letters is not, and where every side touches
 * something, the side that only grazes is the one to take.
 */
export const GRAZE = 0.5;
/** MapLibre keeps a name this far (px) from every other (`text-padding`'s default). */
const NAME_PADDING = 2;

/** A box on screen [x0, y0, x1, y1], px. */
export type Box = [number, number, number, number];

/** Whether two boxes share any area. */
export const overlaps = (a: Box, b: Box) => a[0] < b[2] && a[2] > b[0] && a[1] < b[3] && a[3] > b[1];

/** Whether two names' boxes come nearer than MapLibre lets them, so that it would hide one. */
export function namesTouch([a0, b0, a1, b1]: Box, [x0, y0, x1, y1]: Box): boolean {
  // As gaps, so that it reads the same either way round, to the last bit.
  const p = NAME_PADDING * 2;
  return Math.max(a0 - x1, x0 - a1) < p && Math.max(b0 - y1, y0 - b1) < p;
}

/** A name's box [x0, y0, x1, y1], px, on side `anchor` of its point at `x`, `y`, `gap` px off it, as the renderers draw it. */
export function labelBox(x: number, y: number, w: number, h: number, gap: number, anchor: Anchor): Box {
  const [dx, dy] = anchorOffset(anchor, gap);
  const [ux, uy] = anchorDirection(anchor);
  // The box runs away from its point on each axis it is moved along, and is centred on the other.
  const left = x + dx - (w * (1 - ux)) / 2;
  const top = y + dy - (h * (1 - uy)) / 2;
  return [left, top, left + w, top + h];
}

export function labelAnchors(...args: Parameters<typeof labelSides>): Anchor[] {
  return labelSides(...args).map((side) => side.anchor);
}

/** The sides `labelAnchors` orders, each with what it costs (`COVER_COST`; `edge`, more than all else together, where the map's edge cuts it). */
export function labelSides(
  x: number,
  y: number,
  labelWidth: number,
  labelHeight: number,
  viewport: Viewport,
  avoid: { obstacles: readonly Obstacle[]; names?: readonly Box[]; areaNames?: readonly Box[]; covered?: readonly Box[]; gap: number } = {
    obstacles: [],
    gap: 0,
  },
): { anchor: Anchor; cost: number }[] {
  const fitsRight = x + labelWidth + EDGE <= viewport.width;
  const fitsBelow = y + labelHeight + EDGE <= viewport.height;
  const horizontal: Anchor[] = fitsRight ? ['left', 'right'] : ['right', 'left'];
  const vertical: Anchor[] = fitsBelow ? ['top', 'bottom'] : ['bottom', 'top'];
  // The corners after the sides, on the same side first: above right, below right, above left, below left.
  const corners = horizontal.flatMap((h) => ['bottom', 'top'].map((v) => `${v}-${h}` as Anchor));
  const box = (anchor: Anchor) => labelBox(x, y, labelWidth, labelHeight, avoid.gap, anchor);
  // Only what lies within reach of some side's box can be covered: one pass here, rather than
  // four over every disc of every arrow and road.
  const reach = Math.max(labelWidth, labelHeight) + avoid.gap;
  // A stretch of line reaches as far as its far end.
  const span = (o: Obstacle) => (o.to ? Math.hypot(o.to[0] - o.x, o.to[1] - o.y) : 0);
  const near = avoid.obstacles.filter((o) => Math.abs(o.x - x) < reach + o.r + span(o) + (o.beside ?? 0) && Math.abs(o.y - y) < reach + o.r + span(o));
  /**
   * What the side's box covers, costed: each point, each arrow once, each name already placed,
   * worst of all (MapLibre would move this one off it, to whichever side it finds free, a ring's
   * included), and each name on an area (a country, the sea), which MapLibre would hide.
   */
  const covers = (anchor: Anchor) => {
    const [x0, y0, x1, y1] = box(anchor);
    // Each obstacle's distance from the box, for those it reaches, and whether it lies under it.
    const hit = near.flatMap((o) => {
      const reach = o.y >= y0 && o.y <= y1 ? (o.beside ?? 0) : 0;
      const d = Math.hypot(o.x - Math.max(x0 - reach, Math.min(o.x, x1 + reach)), o.y - Math.max(y0, Math.min(o.y, y1)));
      // A stretch of line across the box is under it even where both its ends lie farther off.
      const across = !!o.to && crosses([o.x, o.y, ...o.to], [x0, y0, x1, y1]);
      return d < o.r || across ? [{ o, share: across || d <= (o.core ?? o.r) ? 1 : GRAZE }] : [];
    });
    // A group (an arrow's shaft, its head) costs once, at the most any of its discs costs.
    const groups = new Map<string, number>();
    for (const { o, share } of hit) if (o.group) groups.set(o.group.id, Math.max(groups.get(o.group.id) ?? 0, o.group.cost * share));
    const points = hit.filter(({ o }) => !o.group).reduce((sum, { share }) => sum + share * COVER_COST.point, 0);
    const over = (boxes: readonly Box[] = []) => boxes.filter((other) => namesTouch(other, [x0, y0, x1, y1])).length;
    const costs = [...groups.values()].reduce((sum, cost) => sum + cost, 0);
    return points + costs + over(avoid.names) * COVER_COST.name + over(avoid.areaNames) * COVER_COST.areaName;
  };
  // A name cut by the map's edge, or under what the page lays over the map (`covered`: its scale
  // bar), cannot be read at all; one across a ring or an arrow still can.
  const off = (anchor: Anchor) => {
    const [x0, y0, x1, y1] = box(anchor);
    return (avoid.covered ?? []).some((c) => overlaps(c, [x0, y0, x1, y1])) || x0 < 0 || y0 < 0 || x1 > viewport.width || y1 > viewport.height;
  };
  // Stable: sides of equal cost keep the order above.
  const sides = [...horizontal, ...vertical, ...corners].map((anchor) => ({
    anchor,
    cost: off(anchor) ? COVER_COST.edge : covers(anchor) + (SIDES.includes(anchor) ? 0 : COVER_COST.corner),
  }));
  return sides.sort((a, b) => a.cost - b.cost);
}
