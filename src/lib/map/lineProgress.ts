import type { Position } from 'geojson';

/**
 * The paths layer measures a line's progress as MapLibre's `line-progress` does, from 0 to 1
 * along its length in Web Mercator (`lineMesh`), while `frame()` slices paths by their length on
 * the ground (`along`, measured at build time). These convert one into the other, so the live
 * map can cut a line that was uploaded once exactly where the frame's slice ends.
 */

/** A point in Web Mercator, in the units MapLibre's GeoJSON tiler and custom layers use (the world is 1 × 1). */
export function mercator([lon, lat]: Position): [number, number] {
  const sin = Math.sin((lat! * Math.PI) / 180);
  return [lon! / 360 + 0.5, 0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI];
}

/** Length in Web Mercator from the first vertex to each vertex. */
export function projectedLengths(points: readonly Position[]): number[] {
  const lengths = [0];
  for (let i = 1; i < points.length; i++) {
    const [ax, ay] = mercator(points[i - 1]!);
    const [bx, by] = mercator(points[i]!);
    lengths.push(lengths[i - 1]! + Math.hypot(bx - ax, by - ay));
  }
  return lengths;
}

/**
 * The `line-progress` (0..1) at which `drawn` ends: the first part of the path `points` as
 * `slicePath` cuts it (the vertices up to segment i, then a point on segment i). MapLibre draws
 * each segment straight in Mercator: the cut goes as far along segment i as that point lies.
 */
export function progressOf(drawn: readonly Position[], points: readonly Position[]): number {
  if (drawn.length < 2) return 0;
  const i = drawn.length - 2;
  const [a, b, end] = [points[i]!, points[i + 1]!, drawn[i + 1]!];
  const [dx, dy] = [b[0]! - a[0]!, b[1]! - a[1]!];
  const span = dx * dx + dy * dy;
  const t = span > 0 ? Math.min(1, Math.max(0, ((end[0]! - a[0]!) * dx + (end[1]! - a[1]!) * dy) / span)) : 1;
  const lengths = projectedLengths(points);
  const total = lengths.at(-1)!;
  return total > 0 ? (lengths[i]! + t * (lengths[i + 1]! - lengths[i]!)) / total : 0;
}

/**
 * The fraction along the ground (as `frame()` counts it, `along` at each vertex) at which a
 * line cut at `progress` ends: the inverse of `progressOf`.
 */
export function fractionAt(progress: number, points: readonly Position[], along: readonly number[]): number {
  const lengths = projectedLengths(points);
  const target = Math.min(1, Math.max(0, progress)) * lengths.at(-1)!;
  let i = 0;
  while (i < lengths.length - 2 && lengths[i + 1]! < target) i++;
  const span = lengths[i + 1]! - lengths[i]!;
  const t = span > 0 ? Math.min(1, (target - lengths[i]!) / span) : 1;
  return along[i]! + t * (along[i + 1]! - along[i]!);
}
