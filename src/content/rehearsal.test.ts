import { describe, expect, it } from 'vitest';
import { storyPayload } from '@build/payload.ts';
import { LAYER_IDS } from '@lib/cartography/layers.ts';
import { frame, type Frame } from '@lib/frame/frame.ts';
import { viewport as projection } from '@lib/frame/mercator.ts';
import { rehearsalFrame } from '@lib/map/rehearsal.ts';
import { MARKER_GROUP } from '@lib/map/style.ts';
import { readSections } from '../../tests/support/sections.ts';

// The live map draws the rehearsal once, unseen, so that no kind of mark the reader scrolls to is
// drawn for the first time mid-scroll (controller.ts). It must hold every mark of every section,
// here at five moments of each, and have it in view: a kind of mark it missed would have its
// shaders made on the reader's scroll again.
const payload = storyPayload(readSections());
const opening = payload.sections[0]!.map.camera;
// The story's map on a desktop (1280 × 800) and on a small phone.
const SIZES = [
  { width: 590, height: 705 },
  { width: 320, height: 240 },
];
const rehearsal = rehearsalFrame(payload, opening, SIZES[0]!);
const moments: { slug: string; at: number; frame: Frame }[] = payload.sections.flatMap((s) =>
  [0, 0.25, 0.5, 0.75, 1].map((at) => ({ slug: s.slug, at, frame: frame(s.map, at, payload) })),
);

describe('the rehearsal frame', () => {
  it('has in view one of each kind of mark, plain and called out, on any size of map: MapLibre draws only what is in view', () => {
    for (const size of SIZES) {
      const f = rehearsalFrame(payload, opening, size);
      const view = projection(f.camera, size.width, size.height);
      const inView = ({ lon, lat }: { lon: number; lat: number }) => {
        const [x, y] = view.project(lon, lat);
        return x >= 0 && x <= size.width && y >= 0 && y <= size.height;
      };
      const where = `on a ${size.width} × ${size.height} map`;
      for (const highlighted of [true, false])
        expect(
          f.places.some((p) => p.highlighted === highlighted && inView(payload.places[p.id]!)),
          `a place ${highlighted ? 'called out' : 'plain'} ${where}`,
        ).toBe(true);
      const marks = [...payload.posts, ...payload.events];
      for (const group of ['post', 'event'] as const)
        expect(
          f.markers.some((m) => MARKER_GROUP(m.state) === group && m.highlighted && inView(marks.find((p) => p.id === m.id)!)),
          `a ${group} called out ${where}`,
        ).toBe(true);
      expect(payload.baseLabels.some(inView), `a name on an area ${where}`).toBe(true);
      // Close to where the story opens: the first frame's tiles are mostly the rehearsal's.
      expect(f.camera.zoom, where).toBeGreaterThan(opening.zoom - 2);
    }
  });

  it('shows every layer, and the names and towns of every zoom', () => {
    expect(rehearsal.layers).toEqual([...LAYER_IDS]);
    expect(rehearsal.contextTowns).toBe(true);
    expect(new Set(rehearsal.baseLabels)).toEqual(new Set(payload.baseLabels.map((l) => l.id)));
  });

  it('holds every area, place, marker and path any section shows, at any moment', () => {
    const areas = new Set(rehearsal.areas.map((a) => `${a.kind} ${a.id}`));
    const places = new Set(rehearsal.places.map((p) => p.id));
    const markers = new Map(rehearsal.markers.map((m) => [m.id, MARKER_GROUP(m.state)]));
    const paths = new Set(rehearsal.paths.map((p) => p.id));
    for (const { slug, at, frame: f } of moments) {
      const where = `${slug} at ${at}`;
      for (const a of f.areas) expect(areas.has(`${a.kind} ${a.id}`), `${where}: area ${a.kind} ${a.id}`).toBe(true);
      for (const p of f.places) expect(places.has(p.id), `${where}: place ${p.id}`).toBe(true);
      // A marker's state changes its picture, not its layer: the layer is what has shaders to make.
      for (const m of f.markers) expect(markers.get(m.id), `${where}: marker ${m.id}`).toBe(MARKER_GROUP(m.state));
      for (const p of f.paths.filter((p) => p.line.length >= 2)) expect(paths.has(p.id), `${where}: path ${p.id}`).toBe(true);
    }
  });

  it('draws each kind of label and symbol both plain and called out, where the story does', () => {
    const both = (marks: { highlighted: boolean }[]) => [...new Set(marks.map((m) => m.highlighted))].sort();
    expect(both(rehearsal.places)).toEqual(both(moments.flatMap((m) => m.frame.places)));
    for (const group of ['post', 'event'] as const) {
      const inGroup = (marks: Frame['markers']) => marks.filter((m) => MARKER_GROUP(m.state) === group);
      const story = both(inGroup(moments.flatMap((m) => m.frame.markers)));
      expect(story.length, `the story shows ${group} markers`).toBeGreaterThan(0);
      expect(both(inGroup(rehearsal.markers)), `${group} markers`).toEqual(expect.arrayContaining(story));
    }
  });

  it('draws every path whole, each movement with its head', () => {
    for (const p of rehearsal.paths) {
      expect(p.fraction, p.id).toBe(1);
      expect(p.line.length, p.id).toBeGreaterThanOrEqual(2);
      if (p.kind !== 'road') expect(p.head, p.id).toBeDefined();
    }
    expect(rehearsal.paths.map((p) => p.id).sort()).toEqual(Object.keys(payload.paths).sort());
  });
});
