import { booleanPointInPolygon, distance } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { catalog } from '@build/data/catalog.ts';
import { storyWorld } from '@build/payload.ts';
import { dayStart, happens, reachAt, timeAt } from '@lib/frame/clock.ts';
import { slicePath } from '@lib/frame/paths.ts';
import { ANIMATION_WINDOW, animationTime, frame, type Frame } from '@lib/frame/frame.ts';
import type { SectionMap } from '@lib/story/section.ts';
import { readSections } from '../../tests/support/sections.ts';

// The story's clock on the days its sources date: the map shows on each day what the sources
// place on or before it, and nothing they place later.

const sections = new Map(readSections().map((s) => [s.slug, s.data.map]));
const world = storyWorld();
const data = catalog();
const map = (slug: string) => sections.get(slug)!;
const place = (id: string): [number, number] => [data.places.get(id)!.lon, data.places.get(id)!.lat];

/** The scroll progress at which a section shows `hour` o'clock on `day`. */
function progressAt(state: SectionMap, day: string, hour: number): number {
  const want = dayStart(day) + hour / 24;
  let lo = ANIMATION_WINDOW[0];
  let hi = ANIMATION_WINDOW[1];
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (timeAt(state.date, animationTime(mid)) < want) lo = mid;
    else hi = mid;
  }
  return hi;
}
const on = (slug: string, day: string, hour = 21) => frame(map(slug), progressAt(map(slug), day, hour), world);
const head = (f: Frame, id: string) => f.paths.find((p) => p.id === id)?.head?.at as [number, number] | undefined;
/** How far along a movement (0..1) it passes one of its places. */
const alongAt = (id: string, placeId: string) => world.paths[id]!.along[data.paths.get(id)!.through.indexOf(placeId)]!;
const km = (a: [number, number] | undefined, b: [number, number]) => (a ? distance(a, b) : Infinity);
const held = (f: Frame) => data.areas.get(f.areas.find((a) => a.kind === 'control')!.id)!.geometry as Polygon | MultiPolygon;

describe('the clock on sourced days', () => {
  it('opens every section on its first day with what that day brought: the front in force is the latest dated on or before it', () => {
    for (const [slug, state] of sections) {
      const opening = frame(state, 0, world);
      if (!opening.front) continue;
      const due = world.fronts.filter((f) => f.date <= opening.date).at(-1)!;
      expect(opening.front.id, `${slug} opens on ${opening.date}`).toBe(due.id);
    }
    // The M-5 section opens on 8 February with the arrow at al-Eis, taken that day, not short of it.
    expect(km(head(frame(map('the-m5-falls'), 0, world), 'gov-m5-north'), place('al-eis'))).toBeLessThan(0.5);
    // Nairab's section opens on 4 February, the day SANA said the army took it: no longer held by rebels.
    const nairab = frame(map('nairab'), 0, world);
    expect(nairab.date).toBe('2020-02-04');
    expect(booleanPointInPolygon(place('nairab'), held(nairab))).toBe(false);
  });

  it('shows, whatever day the timeline reads, the events, areas and front that day brought, and none later', () => {
    const problems: string[] = [];
    for (const [slug, state] of sections) {
      for (let p = 0; p <= 1; p += 0.005) {
        const f = frame(state, p, world);
        const events = world.events.filter((e) => state.events.includes(e.id));
        const shownIds = new Set(f.markers.map((m) => m.id));
        for (const e of events) {
          if (e.date <= f.date !== shownIds.has(e.id))
            problems.push(`${slug} at ${f.date}: event ${e.id} of ${e.date} ${shownIds.has(e.id) ? 'shown' : 'missing'}`);
        }
        const areas = new Set(f.areas.map((a) => a.id));
        for (const a of world.areas.filter((a) => areas.has(a.id))) if (a.date > f.date) problems.push(`${slug} at ${f.date}: area ${a.id} of ${a.date} shown`);
        if (f.front) {
          const due = world.fronts.filter((x) => x.date <= f.date).at(-1) ?? world.fronts[0]!;
          if (f.front.id !== due.id) problems.push(`${slug} at ${f.date}: front ${f.front.id}, due ${due.id}`);
        }
      }
    }
    expect([...new Set(problems)]).toEqual([]);
  });

  it('brings the government advance into Maarat al-Numan on 28 January, not before', () => {
    expect(on('the-offensive', '2020-01-27').date).toBe('2020-01-27');
    const before = on('the-offensive', '2020-01-27').paths.find((p) => p.id === 'gov-advance')!;
    const maarat = alongAt('gov-advance', 'maarat-al-numan');
    expect(before.fraction).toBeLessThan(maarat);
    expect(km(head(on('the-offensive', '2020-01-28'), 'gov-advance'), place('maarat-al-numan'))).toBeLessThan(0.5);
  });

  it('brings it to Saraqeb on 5 February, the day troops entered, not on the 10th', () => {
    expect(km(head(on('saraqeb', '2020-02-04'), 'gov-advance'), place('saraqeb'))).toBeGreaterThan(1);
    expect(km(head(on('saraqeb', '2020-02-05'), 'gov-advance'), place('saraqeb'))).toBeLessThan(0.5);
  });

  it('holds the M-5 arrow at al-Eis while the timeline reads 8 February, to noon of the 9th', () => {
    expect(on('the-m5-falls', '2020-02-09', 6).date).toBe('2020-02-08');
    expect(km(head(on('the-m5-falls', '2020-02-09', 6), 'gov-m5-north'), place('al-eis'))).toBeLessThan(0.1);
  });

  it('ends the last stretch of the M-5 at Khan al-Asal on 11 February, and never runs into Aleppo', () => {
    expect(km(head(on('the-m5-falls', '2020-02-10'), 'gov-m5-north'), place('khan-al-asal'))).toBeGreaterThan(1);
    const end = head(on('the-m5-falls', '2020-02-11'), 'gov-m5-north');
    expect(km(end, place('khan-al-asal'))).toBeLessThan(0.5);
    expect(km(end, place('aleppo'))).toBeGreaterThan(8);
  });

  it('stops the rebel arrows short of Nairab and Saraqeb, which they only advanced toward', () => {
    for (const [slug, id, town] of [
      ['nairab', 'rebel-nairab', 'nairab'],
      ['full-attack', 'rebel-saraqeb', 'saraqeb'],
    ] as const) {
      const at = head(on(slug, '2020-02-11', 23.9), id);
      expect(at, `${id}'s head`).toBeDefined();
      expect(km(at, place(town))).toBeGreaterThan(1.2);
      expect(km(at, place(town))).toBeLessThan(1.8);
    }
  });

  it('starts the attack toward Saraqeb outside Nairab, which the rebels only advanced toward', () => {
    const attack = on('full-attack', '2020-02-11', 23.9).paths.find((p) => p.id === 'rebel-saraqeb');
    expect(attack?.line.length).toBeGreaterThan(1);
    const start = attack!.line[0] as [number, number];
    expect(km(start, place('nairab'))).toBeGreaterThan(1.2);
    expect(km(start, place('nairab'))).toBeLessThan(1.8);
  });

  it('hands Maarat al-Numan to the government on 28 January and Saraqeb on 5–6 February', () => {
    expect(booleanPointInPolygon(place('maarat-al-numan'), held(on('the-offensive', '2020-01-27')))).toBe(true);
    expect(booleanPointInPolygon(place('maarat-al-numan'), held(on('the-offensive', '2020-01-28')))).toBe(false);
    expect(booleanPointInPolygon(place('afis'), held(on('saraqeb', '2020-02-05')))).toBe(true);
    expect(booleanPointInPolygon(place('afis'), held(on('saraqeb', '2020-02-06')))).toBe(false);
  });

  it('sets up the Taftanaz position on 6 February, and cuts off the Saraqeb posts that day', () => {
    const posts = (f: Frame) => Object.fromEntries(f.markers.map((m) => [m.id, m.state]));
    expect(posts(on('saraqeb', '2020-02-05'))).not.toHaveProperty('taftanaz-post');
    expect(posts(on('saraqeb', '2020-02-05'))['turkish-posts-saraqeb']).toBe('post');
    expect(posts(on('saraqeb', '2020-02-06'))).toMatchObject({ 'taftanaz-post': 'post', 'turkish-posts-saraqeb': 'post-encircled' });
  });

  it('marks the deaths of 3 and 10 February on their days', () => {
    const events = (f: Frame) => f.markers.map((m) => m.id);
    expect(events(on('saraqeb', '2020-02-02'))).not.toContain('turkish-troops-killed-saraqeb');
    expect(events(on('saraqeb', '2020-02-03'))).toContain('turkish-troops-killed-saraqeb');
    expect(events(on('saraqeb', '2020-02-09'))).not.toContain('turkish-troops-killed-taftanaz');
    expect(events(on('saraqeb', '2020-02-10'))).toContain('turkish-troops-killed-taftanaz');
  });

  it('never shows, on a day the timeline reads, ground held against what a control point says that day', () => {
    const problems: string[] = [];
    for (const [slug, state] of sections) {
      if (!state.layers.includes('control')) continue;
      for (let p = 0; p <= 1.0001; p += 1 / 60) {
        const f = frame(state, p, world);
        const time = timeAt(state.date, animationTime(p));
        for (const point of data.control) {
          // A change of hands dated to a day happens at noon of it, as everything dated does.
          const holder = point.changes.filter((c) => c.since === 'before' || happens(c.since) <= time).at(-1)?.holder;
          const inside = booleanPointInPolygon(place(point.place), held(f));
          if ((holder === 'opposition' && !inside) || (holder === 'government' && inside)) problems.push(`${slug} on ${f.date}: ${point.place} is ${holder}`);
        }
      }
    }
    expect([...new Set(problems)]).toEqual([]);
  });

  it('never puts a government arrow head inside ground the map shows rebel-held at that moment', () => {
    const problems: string[] = [];
    for (const path of Object.values(world.paths).filter((p) => p.kind === 'government' && p.schedule)) {
      const [first] = path.schedule![0]!;
      const last = path.schedule!.at(-1)![0] + 3;
      for (let time = first; time <= last; time += 1 / 24) {
        const front = world.fronts.filter((f) => happens(f.date) <= time).at(-1) ?? world.fronts[0]!;
        const at = slicePath(path, reachAt(path.schedule!, time)).head?.at as [number, number] | undefined;
        const ground = data.areas.get(front.heldId)!.geometry as Polygon | MultiPolygon;
        if (at && booleanPointInPolygon(at, ground))
          problems.push(`${path.id} on ${new Date(time * 86_400_000).toISOString().slice(0, 13)}h, front of ${front.date}`);
      }
    }
    expect(problems.slice(0, 10), `${problems.length} moments`).toEqual([]);
  });

  it('holds a government arrow at the front, rather than drawing it past, until the front moves', () => {
    // From 24 December to 28 January the front south-east of Maarat al-Numan stands still: once the
    // arrow reaches it, so does the arrow.
    const path = world.paths['gov-advance']!;
    const held = [
      reachAt(path.schedule!, dayStart('2020-01-05')),
      reachAt(path.schedule!, dayStart('2020-01-15')),
      reachAt(path.schedule!, happens('2020-01-28') - 0.01),
    ];
    expect(new Set(held).size).toBe(1);
    expect(held[0]).toBeGreaterThanOrEqual(alongAt('gov-advance', 'jarjanaz'));
    expect(held[0]).toBeLessThan(alongAt('gov-advance', 'maarat-al-numan'));
    expect(reachAt(path.schedule!, happens('2020-01-28') + 1e-6)).toBeCloseTo(alongAt('gov-advance', 'maarat-al-numan'), 4);
  });
});
