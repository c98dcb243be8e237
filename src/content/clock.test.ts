import { booleanPointInPolygon, distance } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { catalog } from '@build/data/catalog.ts';
import { storyWorld } from '@build/payload.ts';
import { dayStart, happens, timeAt } from '@lib/frame/clock.ts';
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
const km = (a: [number, number] | undefined, b: [number, number]) => (a ? distance(a, b) : Infinity);
const held = (f: Frame) => data.areas.get(f.areas.find((a) => a.kind === 'control')!.id)!.geometry as Polygon | MultiPolygon;

describe('the clock on sourced days', () => {
  it('brings the government advance into Maarat al-Numan on 28 January, not before', () => {
    expect(on('the-offensive', '2020-01-27').date).toBe('2020-01-27');
    const before = on('the-offensive', '2020-01-27').paths.find((p) => p.id === 'gov-advance')!;
    const maarat = world.paths['gov-advance']!.along[1]!;
    expect(before.fraction).toBeLessThan(maarat);
    expect(km(head(on('the-offensive', '2020-01-28'), 'gov-advance'), place('maarat-al-numan'))).toBeLessThan(0.5);
  });

  it('brings it to Saraqeb on 5 February, the day troops entered, not on the 10th', () => {
    expect(km(head(on('saraqeb', '2020-02-04'), 'gov-advance'), place('saraqeb'))).toBeGreaterThan(1);
    expect(km(head(on('saraqeb', '2020-02-05'), 'gov-advance'), place('saraqeb'))).toBeLessThan(0.5);
  });

  it('ends the last stretch of the M-5 at Khan al-Asal on 11 February, and never runs into Aleppo', () => {
    expect(km(head(on('the-m5-falls', '2020-02-10'), 'gov-m5-north'), place('khan-al-asal'))).toBeGreaterThan(1);
    const end = head(on('the-m5-falls', '2020-02-11'), 'gov-m5-north');
    expect(km(end, place('khan-al-asal'))).toBeLessThan(0.5);
    expect(km(end, place('aleppo'))).toBeGreaterThan(8);
  });

  it('stops the rebel arrows short of Nairab and Saraqeb, which they only advanced toward', () => {
    expect(km(head(on('nairab', '2020-02-11', 23.9), 'rebel-nairab'), place('nairab'))).toBeGreaterThan(1.2);
    expect(km(head(on('full-attack', '2020-02-11', 23.9), 'rebel-saraqeb'), place('saraqeb'))).toBeGreaterThan(1.2);
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
});
