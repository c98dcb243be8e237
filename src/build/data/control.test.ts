import {
  area,
  booleanPointInPolygon,
  difference,
  featureCollection,
  kinks,
  lineString,
  pointToLineDistance,
} from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildAreaGeometry } from '@build/data/areas.ts';
import { countries, syria, TURKEY_ID } from '@build/data/basemap.ts';
import { catalog } from '@build/data/catalog.ts';
import type { LonLat } from '@build/data/model.ts';
import { STORY_WINDOW } from '@build/data/region.ts';
import { FILE_SCHEMAS, type DataInput } from '@build/data/schema.ts';

// data/control.json: dated control points and the front-line snapshots drawn from them; data/markers.json:
// dated Turkish posts and events. The checks run on every day of the story window, so the clock can never show a day
// on which the front contradicts a sourced change of hands.

const FILE = 'data/control.json';
/** A contested point must lie this close to the front in force (km). */
const CONTESTED_KM = 3;

type Control = DataInput['control'];
type Snapshot = Control['snapshots'][number];
type Post = DataInput['markers']['posts'][number];
type Shape = Feature<Polygon | MultiPolygon>;

// The raw files, through the data compiler's own schema: the negative controls below mutate them.
const control = FILE_SCHEMAS.control.parse(JSON.parse(readFileSync(FILE, 'utf8')));
const markers = FILE_SCHEMAS.markers.parse(JSON.parse(readFileSync('data/markers.json', 'utf8')));

const places = catalog().places;
const at = (placeId: string): LonLat => {
  const p = places.get(placeId);
  if (!p) throw new Error(`${FILE}: unknown place "${placeId}"`);
  return [p.lon, p.lat];
};

const sinceKey = (s: string) => (s === 'before' ? '' : s);
const holderOn = (changes: Control['points'][number]['changes'], d: string) =>
  changes.filter((c) => sinceKey(c.since) <= d).at(-1)?.holder;

const shapes = new Map<Snapshot, Shape>();
/** The rebel-held side, built exactly as the `front-side` recipe of data/areas.json is built. */
function rebelSide(s: Snapshot): Shape {
  const cached = shapes.get(s);
  if (cached) return cached;
  const unused = () => {
    throw new Error('a front-side recipe reads only its front line');
  };
  const built = buildAreaGeometry(
    { method: 'front-side', front: s.id, closeVia: s.closeVia, clipTo: 'syria' },
    { line: () => ({ type: 'LineString', coordinates: s.vertices.map((v) => v.at) }), point: unused, shape: unused },
  );
  if ('problem' in built) throw new Error(`${FILE}: snapshot "${s.id}", field "${built.problem[0]}": ${built.problem[1]}`);
  if (built.geometry.type === 'LineString') throw new Error(`${FILE}: snapshot "${s.id}" built a line, not an area`);
  const shape: Shape = { type: 'Feature', properties: {}, geometry: built.geometry };
  shapes.set(s, shape);
  return shape;
}

/** Every control point whose holder on day `d` disagrees with the side of `s` it falls on. */
function contradictions(s: Snapshot, d: string, points = control.points): string[] {
  const side = rebelSide(s);
  const line = lineString(s.vertices.map((v) => v.at));
  const problems: string[] = [];
  for (const p of points) {
    const h = holderOn(p.changes, d);
    const where = at(p.place);
    const inside = booleanPointInPolygon(where, side);
    const km = pointToLineDistance(where, line);
    if (h === undefined) problems.push(`${p.place} has no holder on ${d}`);
    else if (h === 'opposition' && !inside) problems.push(`${p.place} is opposition on ${d} but outside ${s.id}`);
    else if (h === 'government' && inside) problems.push(`${p.place} is government on ${d} but inside ${s.id}`);
    else if (h === 'contested' && km > CONTESTED_KM)
      problems.push(`${p.place} is contested on ${d} but ${km.toFixed(1)} km from ${s.id}`);
  }
  return problems;
}

function* days(from: string, to: string) {
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000)
    yield new Date(t).toISOString().slice(0, 10);
}

const inForce = (snapshots: Snapshot[], d: string) => snapshots.filter((s) => s.date <= d).at(-1);

/** For every day of the story window, the contradictions of the snapshot in force that day. */
function dailyProblems(snapshots: Snapshot[]): string[] {
  const problems: string[] = [];
  for (const d of days(STORY_WINDOW.from, STORY_WINDOW.to)) {
    const s = inForce(snapshots, d);
    if (!s) problems.push(`no snapshot in force on ${d}`);
    else problems.push(...contradictions(s, d));
  }
  return problems;
}

/**
 * Turkish posts: from the day a post is encircled its place lies on the government side; before that
 * (from the day it is set up) it lies on the rebel side or within CONTESTED_KM of the front.
 */
function postProblems(posts: Post[], snapshots: Snapshot[]): string[] {
  const problems: string[] = [];
  for (const d of days(STORY_WINDOW.from, STORY_WINDOW.to)) {
    const s = inForce(snapshots, d);
    if (!s) continue;
    for (const post of posts) {
      const where = at(post.place);
      const inside = booleanPointInPolygon(where, rebelSide(s));
      const nearFront = pointToLineDistance(where, lineString(s.vertices.map((v) => v.at))) <= CONTESTED_KM;
      const encircled = post.encircled !== undefined && sinceKey(post.encircled) <= d;
      const standing = (post.established ?? '') <= d;
      if (encircled && inside) problems.push(`${post.id} is encircled on ${d} but inside ${s.id}`);
      else if (standing && !encircled && !inside && !nearFront)
        problems.push(`${post.id} is not yet encircled on ${d} but behind government lines in ${s.id}`);
    }
  }
  return problems;
}

const snapshot = (snapshotId: string) => {
  const s = control.snapshots.find((x) => x.id === snapshotId);
  if (!s) throw new Error(`${FILE}: no snapshot "${snapshotId}"`);
  return s;
};

describe('data/control.json', () => {
  it('names only places of data/places.json, each control point once', () => {
    const named = [...control.points, ...markers.posts, ...markers.events].map((x) => x.place);
    expect(named.filter((p) => !places.has(p))).toEqual([]);
    const pointPlaces = control.points.map((p) => p.place);
    expect(new Set(pointPlaces).size).toBe(pointPlaces.length);
    const ids = [...control.snapshots, ...markers.posts, ...markers.events].map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('dates every change in order, inside the window, with disputed dates read from inside their range', () => {
    for (const p of control.points) {
      const keys = p.changes.map((c) => sinceKey(c.since));
      expect(keys, p.place).toEqual([...keys].sort());
      expect(new Set(keys).size, p.place).toBe(keys.length);
      for (const c of p.changes) {
        if (c.since !== 'before') expect(c.since >= STORY_WINDOW.from && c.since <= STORY_WINDOW.to, p.place).toBe(true);
        if (c.range) {
          expect(c.range[0] <= c.since && c.since <= c.range[1], `${p.place} ${c.since}`).toBe(true);
          expect(c.note, `${p.place}: a disputed date says which reading it uses`).toMatch(/Reading/);
        }
      }
      expect(holderOn(p.changes, STORY_WINDOW.from), `${p.place} on the first day`).toBeDefined();
    }
  });

  describe('the front-line snapshots', () => {
    it('run in date order from the first day of the window to the day of the article', () => {
      const dates = control.snapshots.map((s) => s.date);
      expect(dates).toEqual([...dates].sort());
      expect(new Set(dates).size).toBe(dates.length);
      expect(dates[0]).toBe(STORY_WINDOW.from);
      expect(dates.at(-1)).toBe('2020-02-11');
    });

    it.each(control.snapshots.map((s) => [s.id, s] as const))(
      '%s is a line that does not cross itself, from Turkey to Turkey, closing cleanly',
      (_, s) => {
        expect(kinks(lineString(s.vertices.map((v) => v.at))).features).toEqual([]);
        const turkey = countries().features.find((f) => f.id === TURKEY_ID)!;
        for (const end of [s.vertices[0]!, s.vertices.at(-1)!]) {
          expect(booleanPointInPolygon(end.at, turkey), end.why).toBe(true);
          expect(booleanPointInPolygon(end.at, syria()), end.why).toBe(false);
        }
        expect(area(rebelSide(s)) / 1e6).toBeGreaterThan(1000);
      },
    );

    it.each(control.snapshots.map((s) => [s.id, s] as const))(
      '%s puts every control point on the side its holder that day says',
      (_, s) => {
        expect(contradictions(s, s.date)).toEqual([]);
      },
    );

    it('changes between consecutive snapshots: a dated point changes hands and ground moves', () => {
      for (const [a, b] of control.snapshots.slice(1).map((s, i) => [control.snapshots[i]!, s] as const)) {
        const changed = control.points.filter((p) => holderOn(p.changes, a.date) !== holderOn(p.changes, b.date));
        expect(changed.length, `${a.id} → ${b.id}`).toBeGreaterThan(0);
        const gained = difference(featureCollection([rebelSide(a), rebelSide(b)]));
        const lost = difference(featureCollection([rebelSide(b), rebelSide(a)]));
        const km2 = ((gained ? area(gained) : 0) + (lost ? area(lost) : 0)) / 1e6;
        expect(km2, `${a.id} → ${b.id}`).toBeGreaterThan(5);
      }
    });

    it('never contradicts a dated point on any day from 1 Dec 2019 to the end of the story window', () => {
      expect(dailyProblems(control.snapshots)).toEqual([]);
    });
  });

  describe('negative controls: the checks catch a wrong front', () => {
    it('finds Kafr Battikh on the wrong side when one vertex of 11 Feb moves east of it', () => {
      const s = snapshot('front-2020-02-11');
      const moved: Snapshot = {
        ...s,
        vertices: s.vertices.map((v) => (v.why.startsWith('Between Ariha') ? { ...v, at: [36.76, 35.76] } : v)),
      };
      expect(moved.vertices).not.toEqual(s.vertices);
      expect(contradictions(moved, moved.date)).toEqual([
        'kafr-battikh is government on 2020-02-11 but inside front-2020-02-11',
      ]);
    });

    it('finds Maarat al-Numan taken a day early when its snapshot is dated 27 Jan', () => {
      const early = control.snapshots.map((s) => (s.id === 'front-2020-01-28' ? { ...s, date: '2020-01-27' } : s));
      expect(dailyProblems(early)).toEqual([
        'maarat-al-numan is opposition on 2020-01-27 but outside front-2020-01-28',
      ]);
    });

    it('finds a contested town drawn too far from the line', () => {
      const s = snapshot('front-2020-02-05');
      // Saraqeb's changes moved to the Tell Touqan point, about 13 km east of the line that day.
      const moved = control.points
        .filter((p) => p.place !== 'tell-touqan')
        .map((p) => (p.place === 'saraqeb' ? { ...p, place: 'tell-touqan' } : p));
      expect(contradictions(s, s.date, moved)).toEqual([
        expect.stringMatching(/^tell-touqan is contested on 2020-02-05 but \d+\.\d km from front-2020-02-05$/),
      ]);
    });
  });

  describe('Turkish posts and events', () => {
    it('sets up each post before it is encircled, and dates everything inside the window', () => {
      for (const post of markers.posts) {
        if (post.established) expect(post.established >= STORY_WINDOW.from, post.id).toBe(true);
        if (post.established && post.encircled) expect(post.established < sinceKey(post.encircled), post.id).toBe(true);
        if (post.encircledRange && post.encircled)
          expect(post.encircledRange[0] <= post.encircled && post.encircled <= post.encircledRange[1], post.id).toBe(true);
      }
      for (const e of markers.events) expect(e.date >= STORY_WINDOW.from && e.date <= STORY_WINDOW.to, e.id).toBe(true);
    });

    it('keeps each post on the rebel side until it is encircled, and behind government lines after', () => {
      expect(postProblems(markers.posts, control.snapshots)).toEqual([]);
    });

    it('catches a post encircled before its ground changed hands (negative control)', () => {
      const early = markers.posts.map((p) => (p.id === 'turkish-post-al-eis' ? { ...p, encircled: '2020-02-07' } : p));
      expect(postProblems(early, control.snapshots)).toEqual([
        'turkish-post-al-eis is encircled on 2020-02-07 but inside front-2020-02-06',
      ]);
    });
  });
});
