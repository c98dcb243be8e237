import { bboxClip, lineString, polygon, simplify } from '@turf/turf';
import type { Geometry, LineString, MultiLineString, Position } from 'geojson';

/** A projection onto a `width` × `height` picture: `viewport()` from `geo/mercator.ts`. */
export interface View {
  project(lon: number, lat: number): [number, number];
  width: number;
  height: number;
}

/**
 * Geometry is clipped a little outside the picture, so a clipped edge never shows, and
 * simplified to what a pixel can show: Natural Earth's 1:10m coasts would otherwise fill the
 * file with points no one can see.
 */
const MARGIN = 8;
const TOLERANCE = 0.5;

/** Pixel coordinates rounded to 0.1 px: the precision of the output, and what keeps it small. */
export const px = (n: number) => String(Math.round(n * 10) / 10);

type Box = [number, number, number, number];

function boxOf(points: Position[]): Box {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) {
    x0 = Math.min(x0, x!);
    y0 = Math.min(y0, y!);
    x1 = Math.max(x1, x!);
    y1 = Math.max(y1, y!);
  }
  return [x0, y0, x1, y1];
}

const clipBox = (view: View): Box => [-MARGIN, -MARGIN, view.width + MARGIN, view.height + MARGIN];
const disjoint = (a: Box, b: Box) => a[2] < b[0] || a[0] > b[2] || a[3] < b[1] || a[1] > b[3];
const inside = (a: Box, b: Box) => a[0] >= b[0] && a[2] <= b[2] && a[1] >= b[1] && a[3] <= b[3];

/** A length in tenths of a pixel, as path data writes it: `12.5`, `-3`, `.5`, `-.5`. */
const tenths = (n: number) => String(n / 10).replace(/^(-?)0\./, '$1.');

/**
 * `M x,y l dx,dy dx,dy …`: the first point absolute, the rest relative, all in whole tenths of
 * a pixel so no rounding error builds up; repeated points (after rounding) are dropped.
 */
function pathOf(points: Position[], close: boolean): string {
  const at = points.map(([x, y]) => [Math.round(x! * 10), Math.round(y! * 10)] as const);
  const kept = at.filter(([x, y], i) => i === 0 || x !== at[i - 1]![0] || y !== at[i - 1]![1]);
  if (close && kept.length > 1 && kept[0]![0] === kept[kept.length - 1]![0] && kept[0]![1] === kept[kept.length - 1]![1]) kept.pop();
  if (kept.length < 2) return '';
  const [[x0, y0]] = kept as [readonly [number, number]];
  const steps = kept.slice(1).map(([x, y], i) => `${tenths(x - kept[i]![0])},${tenths(y - kept[i]![1])}`);
  return `M${tenths(x0)},${tenths(y0)}l${steps.join(' ')}${close ? 'z' : ''}`;
}

function ringPath(ring: Position[], view: View): string {
  let points = ring.map(([lon, lat]) => view.project(lon!, lat!));
  const box = boxOf(points);
  const clip = clipBox(view);
  // Rings wholly outside the picture, and islands smaller than a pixel, are left out.
  if (points.length < 4 || disjoint(box, clip) || (box[2] - box[0] < 1 && box[3] - box[1] < 1)) return '';
  try {
    if (!inside(box, clip)) points = bboxClip(polygon([points]), clip).geometry.coordinates[0] as [number, number][];
    if (!points || points.length < 4) return '';
    points = simplify(polygon([points]), { tolerance: TOLERANCE }).geometry.coordinates[0] as [number, number][];
  } catch {
    return ''; // a ring clipped down to a sliver: nothing to see
  }
  return pathOf(points, true);
}

function linePath(line: Position[], view: View): string {
  return screenLinePath(
    line.map(([lon, lat]) => view.project(lon!, lat!)),
    view,
  );
}

/** The path data of a line already in pixels, clipped to the view and simplified. */
export function screenLinePath(points: [number, number][], view: View): string {
  const clip = clipBox(view);
  if (points.length < 2 || disjoint(boxOf(points), clip)) return '';
  const clipped = bboxClip(lineString(points), clip).geometry as LineString | MultiLineString;
  const parts = clipped.type === 'LineString' ? [clipped.coordinates] : clipped.coordinates;
  return parts
    .filter((part) => part.length >= 2)
    .map((part) => pathOf(simplify(lineString(part), { tolerance: TOLERANCE }).geometry.coordinates as Position[], false))
    .join('');
}

/** The SVG path data (`d`) of a geometry's lines and polygon rings inside the view; '' if none. */
export function geometryPath(geometry: Geometry, view: View): string {
  switch (geometry.type) {
    case 'Polygon':
      return geometry.coordinates.map((ring) => ringPath(ring, view)).join('');
    case 'MultiPolygon':
      return geometry.coordinates
        .flat()
        .map((ring) => ringPath(ring, view))
        .join('');
    case 'LineString':
      return linePath(geometry.coordinates, view);
    case 'MultiLineString':
      return geometry.coordinates.map((line) => linePath(line, view)).join('');
    case 'GeometryCollection':
      return geometry.geometries.map((g) => geometryPath(g, view)).join('');
    default:
      return '';
  }
}

/** The points of a geometry that fall inside the view, in pixels. */
export function geometryPoints(geometry: Geometry, view: View): [number, number][] {
  const positions: Position[] = geometry.type === 'Point' ? [geometry.coordinates] : geometry.type === 'MultiPoint' ? geometry.coordinates : [];
  return positions.map(([lon, lat]) => view.project(lon!, lat!)).filter(([x, y]) => x >= 0 && x <= view.width && y >= 0 && y <= view.height);
}
