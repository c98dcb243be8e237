import type { Position } from 'geojson';
import { mercator, projectedLengths } from './lineProgress.ts';

/**
 * A path as triangles for the paths layer (`pathsLayer.ts`), built once: a quad along each
 * segment and a square around each vertex, which the fragment shader rounds into a disc (so
 * joins and the start are round, as MapLibre's `round` line-join and line-cap draw them). Every
 * vertex carries its `line-progress` (0..1 along the path's length in Web Mercator, as
 * `progressOf` counts it), so a single number, the cut, decides how much shows: no geometry
 * changes as a line grows.
 */

/** Floats per vertex: position (Mercator), offset direction, local coordinates, progress. */
export const STRIDE = 7;

/**
 * The mesh of the path through `points` ([lon, lat]), as STRIDE floats per vertex, two
 * triangles per quad. `offset` is the direction (in CSS px units, y down as Mercator's) in which
 * the vertex is pushed out by the line's reach; `local` is where it lies in the line's own frame,
 * in reaches (across the line for a segment, around the centre for a disc), from which the shader
 * measures the distance to the line's centre.
 */
export function lineMesh(points: readonly Position[]): Float32Array {
  const at = points.map(mercator);
  const lengths = projectedLengths(points);
  const total = lengths.at(-1)!;
  const progress = (i: number) => (total > 0 ? lengths[i]! / total : 0);
  const out: number[] = [];
  const quad = (corners: [x: number, y: number, ox: number, oy: number, lx: number, ly: number, p: number][]) => {
    const [a, b, c, d] = corners;
    for (const v of [a, b, c, b, d, c]) out.push(...v!);
  };
  for (let i = 0; i + 1 < at.length; i++) {
    const [[ax, ay], [bx, by]] = [at[i]!, at[i + 1]!];
    const length = Math.hypot(bx - ax, by - ay);
    if (length === 0) continue;
    // The unit normal to the segment: its sides lie at ± normal × reach.
    const [nx, ny] = [-(by - ay) / length, (bx - ax) / length];
    const [pa, pb] = [progress(i), progress(i + 1)];
    quad([
      [ax, ay, nx, ny, 0, 1, pa],
      [ax, ay, -nx, -ny, 0, -1, pa],
      [bx, by, nx, ny, 0, 1, pb],
      [bx, by, -nx, -ny, 0, -1, pb],
    ]);
  }
  for (const [i, [x, y]] of at.entries()) {
    const p = progress(i);
    quad([
      [x, y, -1, -1, -1, -1, p],
      [x, y, 1, -1, 1, -1, p],
      [x, y, -1, 1, -1, 1, p],
      [x, y, 1, 1, 1, 1, p],
    ]);
  }
  return new Float32Array(out);
}
