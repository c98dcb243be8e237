import { along as pointAlong, bearing, booleanPointInPolygon, distance, length, lineString } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { dayStart, happens, reachAt } from '@lib/frame/clock.ts';
import type { PathSamples } from '@lib/frame/paths.ts';
import { catalog } from './catalog.ts';
import { TOWARD_KM, type Catalog, type Path } from './model.ts';

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
 * When a movement reaches how far: it sets out at noon of its first day (when, like everything
 * dated, its first day's news shows: a counter-attack from a town does not leave it before the
 * town is shown changing hands), reaches each stop's place at noon of the stop's day and holds
 * there while the timeline reads that day, to noon of the next (a stop at a town on day D puts
 * the head there for all of day D, and a section ending on D ends with it there), and arrives by
 * the end of its last day. It never leaves a stop later than the next one is due, or than its
 * last day ends. [time (clock.ts), fraction of the drawn line].
 */
function schedule(path: Path, along: number[]): [number, number][] {
  if (!path.from || !path.to) return [];
  const end = dayStart(path.to) + 1;
  const knots: [number, number][] = [[happens(path.from), 0]];
  path.stops.forEach((stop, i) => {
    const at = along[path.through.indexOf(stop.place)]!;
    const next = path.stops[i + 1];
    knots.push([happens(stop.date), at], [Math.min(happens(stop.date) + 1, next ? happens(next.date) : end), at]);
  });
  if (knots[knots.length - 1]![1] < 1) knots.push([end, 1]);
  return knots;
}

/** How finely a government movement is walked to find where it meets the rebels' ground. */
const STEP_KM = 0.1;

/**
 * How far along `line` (a fraction) a government arrow may reach while the front leaves the
 * rebels `held`: up to the last point before the line enters that ground, or all of it.
 */
function reachBefore(line: Position[], held: Polygon | MultiPolygon): number {
  const path = lineString(line);
  const total = length(path);
  let outside = false;
  for (let km = 0; km <= total; km += STEP_KM) {
    const inside = booleanPointInPolygon(pointAlong(path, km), held);
    if (inside && outside) return Math.max(0, km - STEP_KM) / total;
    outside ||= !inside;
  }
  return 1;
}

/**
 * A government movement's schedule held back by the front: the sources date its stops, the
 * straight line between two stops is only a drawing, and an arrow head inside ground the map
 * shows rebel-held would say the army was where it was not. So on each front's day (noon, as
 * the map switches fronts) the arrow may reach no further than that front, and waits at it
 * until the next front moves on. Returns knots (time, fraction) for `reachAt`; where the front
 * lets the arrow leap (a front drawn days after the last), two knots share a time.
 */
function heldBack(knots: [number, number][], line: Position[], data: Catalog): [number, number][] {
  const caps = data.snapshots.map((s) => {
    const held = data.areas.get(s.heldId)!.geometry as Polygon | MultiPolygon;
    return { from: happens(s.date), cap: reachBefore(line, held) };
  });
  // Before the first front's day, the map shows that front.
  const capAt = (time: number) => caps.filter((c) => c.from <= time).at(-1)?.cap ?? caps[0]?.cap ?? 1;
  const times = [...new Set([...knots.map(([t]) => t), ...caps.map((c) => c.from)])].filter((t) => t >= knots[0]![0]).sort((a, b) => a - b);
  const out: [number, number][] = [];
  const push = (t: number, f: number) => {
    const last = out.at(-1);
    if (!last || last[0] !== t || last[1] !== f) out.push([t, Math.round(f * 1e5) / 1e5]);
  };
  for (let i = 0; i < times.length; i++) {
    const a = times[i]!;
    // Arriving at `a` under the front before it (the left side of a jump), then leaving under its own.
    if (i > 0) push(a, Math.min(reachAt(knots, a), capAt(times[i - 1]!)));
    const cap = capAt(a);
    const fa = reachAt(knots, a);
    push(a, Math.min(fa, cap));
    const b = times[i + 1];
    if (b === undefined) break;
    const fb = reachAt(knots, b);
    // Between knots the arrow moves on a straight line in time: it meets the cap at most once.
    if ((fa - cap) * (fb - cap) < 0) push(a + ((cap - fa) / (fb - fa)) * (b - a), cap);
  }
  return out;
}

/**
 * The line as drawn: a movement toward its last place ends TOWARD_KM short of it, and one that set
 * out near its first place starts TOWARD_KM out of it. Each cut falls on its end's own leg, so the
 * line keeps a vertex for every place it passes (the schedule finds the stops by them).
 */
function drawnLine(path: Path): Position[] {
  const points: Position[] = [...path.coordinates];
  const last = points.length - 1;
  // Each end's leg is longer than the cut (compile.ts checks).
  const short = (end: Position, next: Position) => pointAlong(lineString([end, next]), TOWARD_KM).geometry.coordinates;
  if (path.toward) points[last] = short(points[last]!, points[last - 1]!);
  if (path.fromNear) points[0] = short(points[0]!, points[1]!);
  return points;
}

/** Roads and movements of the catalogue (all, or those named), ready to slice in the browser. */
export function measurePaths(ids?: Iterable<string>): Record<string, PathSamples> {
  const data = catalog();
  const { paths } = data;
  const wanted = ids ? new Set(ids) : new Set(paths.keys());
  const out: Record<string, PathSamples> = {};
  for (const id of wanted) {
    const path = paths.get(id);
    if (!path) throw new Error(`measurePaths: unknown path "${id}"`);
    const line = drawnLine(path);
    const measured = measurePath(line);
    const planned = schedule(path, measured.along);
    const dated = path.kind === 'government' && planned.length ? heldBack(planned, line, data) : planned;
    out[id] = { id, kind: path.kind, label: path.label, ...measured, ...(dated.length ? { schedule: dated } : {}) };
  }
  return out;
}
