import type { Position } from 'geojson';
import type { PathKind } from '../cartography/layers.ts';

/**
 * A road or movement ready to be drawn a fraction at a time: its vertices with how far along
 * the path each one lies (0..1) and the compass bearing of each segment, all worked out once at
 * build time (`measurePath`, with Turf). Slicing it while the reader scrolls is then a scan and
 * one interpolation: no geodesy, no allocation beyond the slice.
 */
export interface PathSamples {
  id: string;
  kind: PathKind;
  label: string;
  /** The path's vertices, [lon, lat]. */
  points: Position[];
  /** Fraction of the path's length at each vertex: 0 at the first, 1 at the last. */
  along: number[];
  /** Compass bearing (degrees) of each segment, from vertex i to i + 1. */
  bearings: number[];
  lengthKm: number;
  /** Movements: how far they reach when, as [time (clock.ts), fraction] knots. Roads have none. */
  schedule?: [time: number, fraction: number][];
}

/** Where a movement's drawn part ends and which way it points. */
export interface ArrowHead {
  at: Position;
  bearing: number;
}

export interface PathSlice {
  id: string;
  kind: PathKind;
  fraction: number;
  /** The drawn part, from the start to its end. Empty when nothing is drawn. */
  line: Position[];
  /** The arrow head, when one is drawn: movements only, and only once some of it shows. */
  head: ArrowHead | undefined;
}

const lerp = (a: number, b: number, t: number) => a + (b - a) * t;

/** The first `fraction` (0..1) of a path. Pure and cheap: safe on every scroll event. */
export function slicePath(path: PathSamples, fraction: number): PathSlice {
  const f = Math.min(1, Math.max(0, fraction));
  const last = path.points.length - 1;
  if (f === 0 || last < 1) return { id: path.id, kind: path.kind, fraction: f, line: [], head: undefined };
  // The segment the end is on: the one arriving at f when f falls on a vertex, so an arrow
  // halted at a town points the way it came, not the way it turns next.
  let i = 0;
  while (i < last - 1 && path.along[i + 1]! < f) i++;
  const start = path.along[i]!;
  const span = path.along[i + 1]! - start;
  const t = span > 0 ? Math.min(1, (f - start) / span) : 1;
  const a = path.points[i]!;
  const b = path.points[i + 1]!;
  const end: Position = t === 1 ? b : [lerp(a[0]!, b[0]!, t), lerp(a[1]!, b[1]!, t)];
  const line = path.points.slice(0, i + 1);
  line.push(end);
  // Roads are drawn, not travelled: no arrow.
  const head = path.kind === 'road' ? undefined : { at: end, bearing: path.bearings[i]! };
  return { id: path.id, kind: path.kind, fraction: f, line, head };
}
