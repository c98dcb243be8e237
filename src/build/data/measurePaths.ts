import { bearing, distance, length, lineString } from '@turf/turf';
import type { Position } from 'geojson';
import type { PathSamples } from '@lib/frame/paths.ts';
import { catalog } from './catalog.ts';

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

/** Roads and movements of the catalogue (all, or those named), ready to slice in the browser. */
export function measurePaths(ids?: Iterable<string>): Record<string, PathSamples> {
  const { paths } = catalog();
  const wanted = ids ? new Set(ids) : new Set(paths.keys());
  const out: Record<string, PathSamples> = {};
  for (const id of wanted) {
    const path = paths.get(id);
    if (!path) throw new Error(`measurePaths: unknown path "${id}"`);
    out[id] = { id, kind: path.kind, label: path.label, ...measurePath(path.coordinates) };
  }
  return out;
}
