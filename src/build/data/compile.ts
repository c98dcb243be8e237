import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { LineString, MultiPolygon, Polygon } from 'geojson';
import type { z } from 'astro/zod';
import { buildAreaGeometry, type AreaContext } from './areas.ts';
import { difference, distance, featureCollection } from '@turf/turf';
import {
  DataError,
  type Area,
  type Catalog,
  type LonLat,
  type Path,
  type PathStop,
  type Place,
  type PlaceRank,
  type Post,
  type Snapshot,
  type StoryEvent,
  TOWARD_KM,
} from './model.ts';
import { REGION_BBOX, STORY_BBOX, STORY_WINDOW } from './region.ts';
import { FEATURE_WORD, FILE_KEYS, FILE_SCHEMAS, type DataInput, type FileKey, type ListKey } from './schema.ts';
import { SEED_FILE, seedParagraphCount } from '../seed.ts';

// Builds and tests run from the project root (npm scripts); Vite rewrites `import.meta.url`.
export const DEFAULT_DATA_DIR = resolve(process.cwd(), 'data');
export const DEFAULT_SEED_FILE = SEED_FILE;

/** One data file: how error messages name it, and its parsed JSON. */
export interface DataFile {
  label: string;
  json: unknown;
}
export type DataFiles = Record<FileKey, DataFile>;

export interface CompileOptions {
  /** How many paragraphs (non-empty lines) the seed article has: seed numbers run 1..this. */
  seedParagraphs: number;
}

export interface LoadOptions {
  /** The folder holding places.json, roads.json, movements.json, control.json, areas.json and markers.json. */
  dataDir?: string;
  /** The seed article, whose non-empty lines are the paragraphs (¶) features cite. */
  seedFile?: string;
}

const labelOf = (path: string) => relative(process.cwd(), path).split(sep).join('/');

/** Reads the five data files of `dataDir`. A missing file or bad JSON is a DataError. */
export function readDataFiles(dataDir: string = DEFAULT_DATA_DIR): DataFiles {
  const problems: string[] = [];
  const files = {} as DataFiles;
  for (const key of FILE_KEYS) {
    const path = join(dataDir, `${key}.json`);
    const label = labelOf(path);
    files[key] = { label, json: undefined };
    if (!existsSync(path)) {
      problems.push(`${label}: file is missing`);
      continue;
    }
    try {
      files[key].json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      problems.push(`${label}: not valid JSON (${(error as Error).message})`);
    }
  }
  if (problems.length) throw new DataError(problems);
  return files;
}

/** How many paragraphs (¶) a seed article has. */
export const countSeedParagraphs = (seedFile: string = DEFAULT_SEED_FILE): number => seedParagraphCount(seedFile);

/** Reads, validates and resolves a data folder. Throws a DataError naming every problem. */
export function loadCatalog(options: LoadOptions = {}): Catalog {
  return compileCatalog(readDataFiles(options.dataDir), {
    seedParagraphs: countSeedParagraphs(options.seedFile),
  });
}

const fieldName = (path: PropertyKey[]) =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');

/** Collects problems as `<file>: <feature> "<id>", field "<field>": <reason>`. */
class Problems {
  readonly list: string[] = [];

  at(file: DataFile, word: string, id: string) {
    return (field: string, reason: string) =>
      this.list.push(`${file.label}: ${word} "${id}", field "${field}": ${reason}`);
  }

  throwIfAny() {
    if (this.list.length) throw new DataError(this.list);
  }
}

const isListKey = (key: PropertyKey | undefined): key is ListKey => typeof key === 'string' && key in FEATURE_WORD;

/** Turns zod's issues into our messages, naming the feature by its id (or place) where it has one. */
function schemaProblems(problems: Problems, file: DataFile, issues: z.core.$ZodIssue[]) {
  for (const issue of issues) {
    const [top, index, ...rest] = issue.path;
    if (!isListKey(top) || typeof index !== 'number') {
      const where = issue.path.length ? `field "${fieldName(issue.path)}"` : 'top level';
      problems.list.push(`${file.label}: ${where}: ${issue.message}`);
      continue;
    }
    const list = (file.json as Record<string, unknown> | null)?.[top];
    const raw = Array.isArray(list) ? (list[index] as Record<string, unknown> | undefined) : undefined;
    const name = raw?.id ?? raw?.place;
    const id = typeof name === 'string' ? name : `#${index + 1}`;
    const say = problems.at(file, FEATURE_WORD[top], id);
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) say(fieldName([...rest, k]), 'unknown field');
    } else if (issue.code === 'invalid_type' && issue.input === undefined) {
      const field = fieldName(rest);
      say(field, field === 'source' ? 'missing: every feature needs a source' : 'missing');
    } else {
      say(fieldName(rest), issue.message);
    }
  }
}

/** The object without its undefined fields: zod's `x?: T | undefined` made into `x?: T`. */
type Compact<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};
function compact<T extends object>(o: T): Compact<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Compact<T>;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (s: string) => {
  const time = DATE.test(s) ? Date.parse(`${s}T00:00:00Z`) : NaN;
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(s);
};

/** The file each list of features lives in. */
const LIST_FILE: Record<ListKey, FileKey> = {
  places: 'places',
  roads: 'roads',
  movements: 'movements',
  points: 'control',
  snapshots: 'control',
  areas: 'areas',
  posts: 'markers',
  events: 'markers',
  labels: 'labels',
};

/** 'before' the story window sorts before every day. */
const sinceKey = (since: string) => (since === 'before' ? '' : since);

/** Validates parsed data files and resolves them into a Catalog. Throws a DataError on bad input. */
export function compileCatalog(files: DataFiles, options: CompileOptions): Catalog {
  const problems = new Problems();

  // 1. Shape of each file.
  const input = {} as DataInput;
  for (const key of FILE_KEYS) {
    const result = FILE_SCHEMAS[key].safeParse(files[key].json, { reportInput: true });
    if (result.success) Object.assign(input, { [key]: result.data });
    else schemaProblems(problems, files[key], result.error.issues);
  }
  problems.throwIfAny();
  const { places: placeList } = input.places;
  const { roads } = input.roads;
  const { movements } = input.movements;
  const { points, snapshots } = input.control;
  const { areas: areaList } = input.areas;
  const { posts, events } = input.markers;
  const { labels } = input.labels;

  // 2. Values and references.
  const [west, south, east, north] = STORY_BBOX;
  type Say = (field: string, reason: string) => void;
  const checkLonLat = (say: Say, [lon, lat]: LonLat, field: (axis: 'lon' | 'lat') => string) => {
    if (lon < west || lon > east) say(field('lon'), `${lon} is outside the story region (${west}..${east})`);
    if (lat < south || lat > north) say(field('lat'), `${lat} is outside the story region (${south}..${north})`);
  };
  const checkDate = (say: Say, field: string, value: string) => {
    if (!isRealDate(value)) say(field, `"${value}" is not a date (YYYY-MM-DD)`);
    else if (value < STORY_WINDOW.from || value > STORY_WINDOW.to) {
      say(field, `${value} is outside the story window (${STORY_WINDOW.from}..${STORY_WINDOW.to})`);
    }
  };
  /** A day, or 'before' the story window. */
  const checkSince = (say: Say, field: string, value: string) => {
    if (value !== 'before') checkDate(say, field, value);
  };
  const checkRange = (say: Say, field: string, range: [string, string] | undefined, reading: string | undefined) => {
    if (!range) return;
    range.forEach((d, i) => checkDate(say, `${field}[${i}]`, d));
    if (reading !== undefined && (sinceKey(reading) < range[0] || sinceKey(reading) > range[1])) {
      say(field, `the reading used (${reading}) is outside the range the sources give (${range[0]}..${range[1]})`);
    }
  };
  const checkSeed = (say: Say, seed: number[]) =>
    seed.forEach((n, i) => {
      if (n < 1 || n > options.seedParagraphs) {
        say(`seed[${i}]`, `paragraph ${n} does not exist (the seed has ${options.seedParagraphs} paragraphs)`);
      }
    });

  const owners = new Map<string, string>();
  const claim = (say: Say, id: string, list: ListKey) => {
    const owner = owners.get(id);
    if (owner) say('id', `duplicate id, already used by ${owner}`);
    else owners.set(id, `${FEATURE_WORD[list]} "${id}" in ${files[LIST_FILE[list]].label}`);
  };
  const sayFor = (list: ListKey, id: string) => problems.at(files[LIST_FILE[list]], FEATURE_WORD[list], id);

  const placeById = new Map(placeList.map((p) => [p.id, p]));
  const checkPlace = (say: Say, field: string, id: string) => {
    const place = placeById.get(id);
    if (!place) say(field, `unknown place "${id}"`);
    else if (place.offMap) say(field, `place "${id}" is off the map (offMap): it can only be pointed at`);
  };

  for (const p of placeList) {
    const say = sayFor('places', p.id);
    claim(say, p.id, 'places');
    if (p.offMap) {
      const [w, s, e, n] = REGION_BBOX;
      if (p.lon >= w && p.lon <= e && p.lat >= s && p.lat <= n) {
        say('offMap', `the place lies inside the map region (${REGION_BBOX.join(', ')}): drop offMap`);
      }
    } else {
      checkLonLat(say, [p.lon, p.lat], (axis) => axis);
    }
  }
  for (const r of roads) {
    const say = sayFor('roads', r.id);
    claim(say, r.id, 'roads');
    r.through.forEach((id, i) => checkPlace(say, `through[${i}]`, id));
  }
  for (const m of movements) {
    const say = sayFor('movements', m.id);
    claim(say, m.id, 'movements');
    checkDate(say, 'from', m.from);
    checkDate(say, 'to', m.to);
    if (isRealDate(m.from) && isRealDate(m.to) && m.from > m.to) say('to', `${m.to} is before "from" (${m.from})`);
    checkSeed(say, m.seed);
    m.through.forEach((id, i) => checkPlace(say, `through[${i}]`, id));
    let lastStop = -1;
    m.stops?.forEach((stop, i) => {
      const at = m.through.indexOf(stop.place);
      if (at < 0) say(`stops[${i}].place`, `"${stop.place}" is not in "through"`);
      else if (at <= lastStop) say(`stops[${i}].place`, `"${stop.place}" comes before the stop above it along "through"`);
      else if (at === 0) say(`stops[${i}].place`, `"${stop.place}" is where the movement starts ("from" dates it)`);
      else if (m.toward && at === m.through.length - 1) say(`stops[${i}].place`, `the movement only went toward "${stop.place}": it cannot stop there`);
      lastStop = Math.max(lastStop, at);
      checkDate(say, `stops[${i}].date`, stop.date);
      if (stop.date < m.from || stop.date > m.to) {
        say(`stops[${i}].date`, `${stop.date} is outside the movement's dates (${m.from}..${m.to})`);
      }
      const before = m.stops![i - 1];
      if (before && stop.date < before.date) say(`stops[${i}].date`, `${stop.date} is before the stop above it (${before.date})`);
    });
    // A shortened end is cut on its own leg, so the arrow keeps a vertex at every place it passes.
    const legKm = (a: string | undefined, b: string | undefined) => {
      const [p, q] = [placeById.get(a ?? ''), placeById.get(b ?? '')];
      return p && q ? distance([p.lon, p.lat], [q.lon, q.lat]) : Infinity;
    };
    if (m.toward && m.fromNear && m.through.length === 2) {
      if (legKm(m.through[0], m.through[1]) <= 2 * TOWARD_KM) say('fromNear', `the only leg is too short to cut ${TOWARD_KM} km from both ends (it must be over ${2 * TOWARD_KM} km)`);
    } else {
      if (m.toward && legKm(m.through.at(-2), m.through.at(-1)) <= TOWARD_KM) say('toward', `the last leg is too short for the arrow to stop ${TOWARD_KM} km short of it`);
      if (m.fromNear && legKm(m.through[0], m.through[1]) <= TOWARD_KM) say('fromNear', `the first leg is too short for the arrow to start ${TOWARD_KM} km out of it`);
    }
  }
  for (const point of points) {
    const say = sayFor('points', point.place);
    checkPlace(say, 'place', point.place);
    point.changes.forEach((c, i) => {
      checkSince(say, `changes[${i}].since`, c.since);
      checkRange(say, `changes[${i}].range`, c.range, c.since);
      const before = point.changes[i - 1];
      if (before && sinceKey(c.since) <= sinceKey(before.since)) say(`changes[${i}].since`, `${c.since} is not after the change above it (${before.since})`);
    });
  }
  if (new Set(points.map((p) => p.place)).size !== points.length) {
    problems.list.push(`${files.control.label}: field "points": a place is listed twice; give each place one list of changes`);
  }
  snapshots.forEach((snap, i) => {
    const say = sayFor('snapshots', snap.id);
    claim(say, snap.id, 'snapshots');
    checkDate(say, 'date', snap.date);
    checkSeed(say, snap.seed);
    snap.vertices.forEach((v, j) => checkLonLat(say, v.at, (axis) => `vertices[${j}].at.${axis}`));
    snap.closeVia.forEach((at, j) => checkLonLat(say, at, (axis) => `closeVia[${j}].${axis}`));
    const before = snapshots[i - 1];
    if (before && snap.date <= before.date) say('date', `${snap.date} is not after the snapshot above it (${before.date})`);
  });
  const areaMethods = new Map<string, string>();
  // The snapshots' lines and held ground come first: authored areas may be built from them.
  for (const snap of snapshots) {
    areaMethods.set(snap.id, 'line');
    areaMethods.set(`held-${snap.date}`, 'front-side');
  }
  for (const a of areaList) {
    const say = sayFor('areas', a.id);
    claim(say, a.id, 'areas');
    checkDate(say, 'date', a.date);
    checkSeed(say, a.seed);
    const g = a.geometry;
    const earlier = (field: string, id: string, want: 'line' | 'shape') => {
      const method = areaMethods.get(id);
      if (!method) say(field, `unknown area "${id}" (an area must be defined before the areas built from it)`);
      else if ((method === 'line') !== (want === 'line')) {
        say(field, `area "${id}" is ${method === 'line' ? 'a line' : 'not a line'}; a ${want} is needed here`);
      }
    };
    switch (g.method) {
      case 'line':
        if (a.kind !== 'front-line') say('kind', `a "line" geometry makes a front line, not "${a.kind}"`);
        g.vertices.forEach((v, i) => checkLonLat(say, v.at, (axis) => `geometry.vertices[${i}].at.${axis}`));
        break;
      case 'front-side':
        earlier('geometry.front', g.front, 'line');
        g.closeVia.forEach((at, i) => checkLonLat(say, at, (axis) => `geometry.closeVia[${i}].${axis}`));
        break;
      case 'buffer':
        g.places.forEach((id, i) => checkPlace(say, `geometry.places[${i}]`, id));
        break;
      case 'front-buffer':
        earlier('geometry.front', g.front, 'line');
        g.between.forEach((id, i) => checkPlace(say, `geometry.between[${i}]`, id));
        break;
      case 'area-in-governorate':
        earlier('geometry.area', g.area, 'shape');
        break;
    }
    if (g.method !== 'line' && a.kind === 'front-line')
      say('kind', `a front line needs a "line" geometry, not "${g.method}"`);
    areaMethods.set(a.id, g.method);
  }
  for (const post of posts) {
    const say = sayFor('posts', post.id);
    claim(say, post.id, 'posts');
    checkPlace(say, 'place', post.place);
    if (post.established) checkDate(say, 'established', post.established);
    if (post.encircled) checkSince(say, 'encircled', post.encircled);
    checkRange(say, 'encircledRange', post.encircledRange, post.encircled);
    if (post.established && post.encircled && sinceKey(post.encircled) <= post.established) {
      say('encircled', `${post.encircled} is not after the post was set up (${post.established})`);
    }
    checkSeed(say, post.seed);
  }
  for (const e of events) {
    const say = sayFor('events', e.id);
    claim(say, e.id, 'events');
    checkPlace(say, 'place', e.place);
    checkDate(say, 'date', e.date);
    checkSeed(say, e.seed);
  }
  for (const l of labels) {
    const say = sayFor('labels', l.id);
    claim(say, l.id, 'labels');
    l.anchors.forEach((a, i) => {
      checkLonLat(say, a.at, (axis) => `anchors[${i}].at.${axis}`);
      if (a.zoom[0] >= a.zoom[1]) say(`anchors[${i}].zoom`, `from ${a.zoom[0]} is not below to ${a.zoom[1]}`);
    });
  }
  problems.throwIfAny();

  // 3. Resolve: points for paths and markers, geometry for areas.
  const places = new Map<string, Place>(placeList.map((p) => [p.id, compact({ ...p, rank: p.rank as PlaceRank })]));
  const at = (id: string): LonLat => {
    const p = places.get(id)!;
    return [p.lon, p.lat];
  };

  const paths = new Map<string, Path>();
  for (const r of roads) {
    paths.set(
      r.id,
      compact({
        id: r.id,
        kind: 'road' as const,
        label: r.name,
        through: r.through,
        coordinates: r.through.map(at),
        stops: [] as PathStop[],
        schematic: true as const,
        source: r.source,
        note: r.note,
      }),
    );
  }
  for (const m of movements) {
    paths.set(
      m.id,
      compact({
        id: m.id,
        kind: m.actor,
        label: m.label,
        from: m.from,
        to: m.to,
        seed: m.seed,
        through: m.through,
        coordinates: m.through.map(at),
        stops: m.stops ?? [],
        toward: m.toward,
        fromNear: m.fromNear,
        schematic: true as const,
        source: m.source,
        note: m.note,
      }),
    );
  }
  for (const path of paths.values()) {
    const list: ListKey = path.kind === 'road' ? 'roads' : 'movements';
    path.coordinates.forEach((c, i) => {
      if (i > 0 && c[0] === path.coordinates[i - 1]![0] && c[1] === path.coordinates[i - 1]![1]) {
        sayFor(list, path.id)(`through[${i}]`, `"${path.through[i]}" repeats the point before it`);
      }
    });
  }

  const areas = new Map<string, Area>();
  const context: AreaContext = {
    point: at,
    line: (id) => areas.get(id)!.geometry as LineString,
    shape: (id) => areas.get(id)!.geometry as Polygon | MultiPolygon,
  };
  const resolved: Snapshot[] = [];
  for (const snap of snapshots) {
    const line: LineString = { type: 'LineString', coordinates: snap.vertices.map((v) => v.at) };
    areas.set(snap.id, { id: snap.id, kind: 'front-line', label: snap.label, date: snap.date, seed: snap.seed, schematic: true, source: snap.source, derivation: `authored line through ${snap.vertices.length} vertices, each with its reason`, ...(snap.note ? { note: snap.note } : {}), geometry: line });
    const built = buildAreaGeometry({ method: 'front-side', front: snap.id, closeVia: snap.closeVia, clipTo: 'syria' }, context);
    if ('problem' in built) {
      sayFor('snapshots', snap.id)('closeVia', built.problem[1]);
      continue;
    }
    const heldId = `held-${snap.date}`;
    areas.set(heldId, { id: heldId, kind: 'control', label: `Held by rebels, ${snap.label.replace(/^Approximate front line, /, '')}`, date: snap.date, seed: snap.seed, schematic: true, source: snap.source, derivation: built.derivation, geometry: built.geometry });
    let takenId: string | undefined;
    const first = resolved[0];
    if (first) {
      const taken = difference(featureCollection([{ type: 'Feature', properties: {}, geometry: areas.get(first.heldId)!.geometry as Polygon | MultiPolygon }, { type: 'Feature', properties: {}, geometry: built.geometry as Polygon | MultiPolygon }]));
      if (taken) {
        takenId = `taken-${snap.date}`;
        areas.set(takenId, { id: takenId, kind: 'taken', label: `Taken by government forces between ${first.date} and ${snap.date}`, date: snap.date, seed: snap.seed, schematic: true, source: `the held ground of ${first.id} less that of ${snap.id}`, derivation: `turf.difference of the held ground on ${first.date} and on ${snap.date}`, geometry: taken.geometry });
      }
    }
    resolved.push({ id: snap.id, date: snap.date, label: snap.label, heldId, takenId });
  }
  for (const a of areaList) {
    const g = a.geometry;
    const base =
      g.method === 'front-side' || g.method === 'front-buffer'
        ? g.front
        : g.method === 'area-in-governorate'
          ? g.area
          : undefined;
    if (base !== undefined && !areas.has(base)) continue; // its base failed, and said so
    const built = buildAreaGeometry(g, context);
    if ('problem' in built) {
      sayFor('areas', a.id)(...built.problem);
      continue;
    }
    areas.set(
      a.id,
      compact({
        id: a.id,
        kind: a.kind,
        label: a.label,
        date: a.date,
        seed: a.seed,
        schematic: true as const,
        source: a.source,
        derivation: built.derivation,
        note: a.note,
        geometry: built.geometry,
      }),
    );
  }

  const located = <T extends { place: string }>(x: T) => {
    const [lon, lat] = at(x.place);
    return { ...x, lon, lat };
  };
  const postMap = new Map<string, Post>(posts.map((p) => [p.id, compact(located(p))]));
  const eventMap = new Map<string, StoryEvent>(events.map((e) => [e.id, compact(located(e))]));
  problems.throwIfAny();
  const control = points.map((p) => ({ place: p.place, changes: p.changes.map((c) => compact(c)) }));
  return { places, paths, areas, control, snapshots: resolved, posts: postMap, events: eventMap, labels: labels.map((l) => ({ ...l, anchors: l.anchors.map((a) => ({ ...a })) })) };
}
