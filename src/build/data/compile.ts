import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { LineString, MultiPolygon, Polygon } from 'geojson';
import type { z } from 'astro/zod';
import { buildAreaGeometry, type AreaContext } from './areas.ts';
import {
  DataError,
  type Area,
  type Catalog,
  type LonLat,
  type Marker,
  type Path,
  type PathStop,
  type Place,
  type PlaceRank,
} from './model.ts';
import { REGION_BBOX, STORY_BBOX, STORY_WINDOW } from './region.ts';
import { FEATURE_WORD, FILE_KEYS, FILE_SCHEMAS, type DataInput, type FileKey } from './schema.ts';
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
  /** The folder holding places.json, roads.json, movements.json, areas.json and markers.json. */
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

/** Turns zod's issues into our messages, naming the feature by its id where it has one. */
function schemaProblems(problems: Problems, key: FileKey, file: DataFile, issues: z.core.$ZodIssue[]) {
  const list = (file.json as Record<string, unknown> | null)?.[key];
  for (const issue of issues) {
    const [top, index, ...rest] = issue.path;
    if (top !== key || typeof index !== 'number') {
      const where = issue.path.length ? `field "${fieldName(issue.path)}"` : 'top level';
      problems.list.push(`${file.label}: ${where}: ${issue.message}`);
      continue;
    }
    const raw = Array.isArray(list) ? (list[index] as Record<string, unknown> | undefined) : undefined;
    const id = typeof raw?.id === 'string' ? raw.id : `#${index + 1}`;
    const say = problems.at(file, FEATURE_WORD[key], id);
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

/** Validates parsed data files and resolves them into a Catalog. Throws a DataError on bad input. */
export function compileCatalog(files: DataFiles, options: CompileOptions): Catalog {
  const problems = new Problems();

  // 1. Shape of each file.
  const input = {} as DataInput;
  for (const key of FILE_KEYS) {
    const result = FILE_SCHEMAS[key].safeParse(files[key].json, { reportInput: true });
    if (result.success) Object.assign(input, { [key]: (result.data as Record<string, unknown>)[key] });
    else schemaProblems(problems, key, files[key], result.error.issues);
  }
  problems.throwIfAny();

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
  const checkSeed = (say: Say, seed: number[]) =>
    seed.forEach((n, i) => {
      if (n < 1 || n > options.seedParagraphs) {
        say(`seed[${i}]`, `paragraph ${n} does not exist (the seed has ${options.seedParagraphs} paragraphs)`);
      }
    });

  const owners = new Map<string, string>();
  const claim = (say: Say, id: string, key: FileKey) => {
    const owner = owners.get(id);
    if (owner) say('id', `duplicate id, already used by ${owner}`);
    else owners.set(id, `${FEATURE_WORD[key]} "${id}" in ${files[key].label}`);
  };
  const sayFor = (key: FileKey, id: string) => problems.at(files[key], FEATURE_WORD[key], id);

  const placeById = new Map(input.places.map((p) => [p.id, p]));
  const checkPlace = (say: Say, field: string, id: string) => {
    const place = placeById.get(id);
    if (!place) say(field, `unknown place "${id}"`);
    else if (place.offMap) say(field, `place "${id}" is off the map (offMap): it can only be pointed at`);
  };

  for (const p of input.places) {
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
  for (const r of input.roads) {
    const say = sayFor('roads', r.id);
    claim(say, r.id, 'roads');
    r.through.forEach((id, i) => checkPlace(say, `through[${i}]`, id));
  }
  for (const m of input.movements) {
    const say = sayFor('movements', m.id);
    claim(say, m.id, 'movements');
    checkDate(say, 'from', m.from);
    checkDate(say, 'to', m.to);
    if (isRealDate(m.from) && isRealDate(m.to) && m.from > m.to) say('to', `${m.to} is before "from" (${m.from})`);
    checkSeed(say, m.seed);
    m.through.forEach((id, i) => checkPlace(say, `through[${i}]`, id));
    m.stops?.forEach((stop, i) => {
      if (!m.through.includes(stop.place)) say(`stops[${i}].place`, `"${stop.place}" is not in "through"`);
      checkDate(say, `stops[${i}].date`, stop.date);
      if (stop.date < m.from || stop.date > m.to) {
        say(`stops[${i}].date`, `${stop.date} is outside the movement's dates (${m.from}..${m.to})`);
      }
    });
  }
  const areaMethods = new Map<string, string>();
  for (const a of input.areas) {
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
  for (const m of input.markers) {
    const say = sayFor('markers', m.id);
    claim(say, m.id, 'markers');
    checkPlace(say, 'place', m.place);
    checkDate(say, 'date', m.date);
    checkSeed(say, m.seed);
  }
  problems.throwIfAny();

  // 3. Resolve: points for paths and markers, geometry for areas.
  const places = new Map<string, Place>(input.places.map((p) => [p.id, compact({ ...p, rank: p.rank as PlaceRank })]));
  const at = (id: string): LonLat => {
    const p = places.get(id)!;
    return [p.lon, p.lat];
  };

  const paths = new Map<string, Path>();
  for (const r of input.roads) {
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
  for (const m of input.movements) {
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
        schematic: true as const,
        source: m.source,
        note: m.note,
      }),
    );
  }
  for (const path of paths.values()) {
    const kind: FileKey = path.kind === 'road' ? 'roads' : 'movements';
    path.coordinates.forEach((c, i) => {
      if (i > 0 && c[0] === path.coordinates[i - 1]![0] && c[1] === path.coordinates[i - 1]![1]) {
        sayFor(kind, path.id)(`through[${i}]`, `"${path.through[i]}" repeats the point before it`);
      }
    });
  }

  const areas = new Map<string, Area>();
  const context: AreaContext = {
    point: at,
    line: (id) => areas.get(id)!.geometry as LineString,
    shape: (id) => areas.get(id)!.geometry as Polygon | MultiPolygon,
  };
  for (const a of input.areas) {
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

  const markers = new Map<string, Marker>();
  for (const m of input.markers) {
    const [lon, lat] = at(m.place);
    markers.set(m.id, compact({ ...m, lon, lat }));
  }
  problems.throwIfAny();
  return { places, paths, areas, markers };
}
