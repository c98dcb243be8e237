import { along as pointAlong, bearing, distance, length, lineSliceAlong, lineString } from '@turf/turf';
import type { Position } from 'geojson';
import { dayStart, happens } from '@lib/frame/clock.ts';
import type { PathSamples } from '@lib/frame/paths.ts';
import { catalog } from './catalog.ts';
import type { Path } from './model.ts';

/**
 * A movement that went toward a place, not into it, stops this far short of it: the radius of
 * the contested ring around Nairab, and clearly short of a town's dot at the story's zooms.
 */
export const TOWARD_KM = 1.5;

// About 10 m: plenty for a line being drawn, and fewer bytes in story.json than 1 m.
const round = (n: number) => Math.round(n * 1e4) / 1e4;

/**
 * Measures a line with Turf at build time: how far along it each vertex lies (as a fraction of
 * its length) and which way each segment heads, so the browser can draw any fraction of it.
 */
export function measurePath(coordinates: Position[]) {
  if (coordinates.length < 2) throw new Error('measurePath: a path needs at least two vertices');
  const lengthKm = length(lineString(coordinates));
  let walked = 0;
  const along = coordinates.map((p, i) => {
    if (i > 0) walked += distance(coordinates[i - 1]!, p);
    return Math.round((walked / lengthKm) * 1e5) / 1e5;
  });
  along[along.length - 1] = 1;
  const bearings = coordinates.slice(1).map((p, i) => Math.round(bearing(coordinates[i]!, p)));
  return { points: coordinates.map(([lon, lat]) => [round(lon!), round(lat!)]), along, bearings, lengthKm: Math.round(lengthKm * 10) / 10 };
}

/**
 * When a movement reaches how far: it sets out at the start of its first day, reaches each stop's
 * place at noon of the stop's day and holds there to the day's end (a stop at a town on day D
 * puts the head there on day D, and a section ending on D ends with it there), and arrives by
 * the end of its last day. [time (clock.ts), fraction of the drawn line].
 */
function schedule(path: Path, along: number[]): [number, number][] {
  if (!path.from || !path.to) return [];
  const knots: [number, number][] = [[dayStart(path.from), 0]];
  for (const stop of path.stops) {
    const at = along[path.through.indexOf(stop.place)]!;
    knots.push([happens(stop.date), at], [dayStart(stop.date) + 1, at]);
  }
  if (knots[knots.length - 1]![1] < 1) knots.push([dayStart(path.to) + 1, 1]);
  return knots;
}

/** The line as drawn: a movement toward its last place ends TOWARD_KM short of it. */
function drawnLine(path: Path): Position[] {
  if (!path.toward) return path.coordinates;
  const line = lineString(path.coordinates);
  const km = length(line) - TOWARD_KM;
  if (km <= 0) throw new Error(`measurePaths: "${path.id}" is shorter than the ${TOWARD_KM} km it stops short by`);
  const sliced = lineSliceAlong(line, 0, km).geometry.coordinates;
  // lineSliceAlong ends at the exact cut; keep the vertices before it.
  sliced[sliced.length - 1] = pointAlong(line, km).geometry.coordinates;
  return sliced;
}

/** Roads and movements of the catalogue (all, or those named), ready to slice in the browser. */
export function measurePaths(ids?: Iterable<string>): Record<string, PathSamples> {
  const { paths } = catalog();
  const wanted = ids ? new Set(ids) : new Set(paths.keys());
  const out: Record<string, PathSamples> = {};
  for (const id of wanted) {
    const path = paths.get(id);
    if (!path) throw new Error(`measurePaths: unknown path "${id}"`);
    const measured = measurePath(drawnLine(path));
    const dated = schedule(path, measured.along);
    out[id] = { id, kind: path.kind, label: path.label, ...measured, ...(dated.length ? { schedule: dated } : {}) };
  }
  return out;
}
