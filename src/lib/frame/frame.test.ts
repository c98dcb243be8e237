import { describe, expect, it } from 'vitest';
import { MARKER, PLACE, textWidth } from '../cartography/symbols.ts';
import type { SectionMap } from '../story/section.ts';
import { dayStart } from './clock.ts';
import { ANIMATION_WINDOW, animationTime, baseLabelBox, cameraFor, endFrame, frame, type StoryWorld } from './frame.ts';
import { NORTH } from './paths.test.ts';

// A world made by hand, so these tests are about the rules; `story.test.ts` checks the story's own days.
const world: StoryWorld = {
  paths: {
    // North from noon on 1 Jan (when a movement dated that day sets out); at its second vertex
    // at noon on 10 Jan; arrived by the end of 20 Jan.
    north: {
      ...NORTH,
      schedule: [
        [dayStart('2020-01-01') + 0.5, 0],
        [dayStart('2020-01-10') + 0.5, NORTH.along[1]!],
        [dayStart('2020-01-21'), 1],
      ],
    },
    road: { ...NORTH, id: 'road', kind: 'road' },
  },
  places: {
    a: { name: 'Alpha', lon: 36.0, lat: 35.0, kind: 'town' },
    b: { name: 'Bravo', lon: 36.1, lat: 35.1, kind: 'town' },
    c: { name: 'Charlie', lon: 36.2, lat: 35.2, kind: 'city' },
  },
  fronts: [
    { id: 'front-a', date: '2019-12-01', heldId: 'held-a' },
    { id: 'front-b', date: '2020-01-15', heldId: 'held-b', takenId: 'taken-b' },
  ],
  areas: [{ id: 'fighting', kind: 'contested', date: '2020-01-20' }],
  posts: [
    { id: 'post-old', lon: 36.0, lat: 35.0, encircled: 'before' },
    { id: 'post-new', lon: 36.3, lat: 35.3, established: '2020-01-05', encircled: '2020-01-12' },
  ],
  events: [{ id: 'blast', kind: 'air-strike', lon: 36.1, lat: 35.1, date: '2020-01-16' }],
  baseLabels: [
    { id: 'wide', zoom: [0, 7], text: 'WIDE', kind: 'country', lon: 36.1, lat: 35.1 },
    { id: 'close', zoom: [7, 14], text: 'Close', kind: 'governorate', lon: 36.1, lat: 35.1 },
  ],
};
const state: SectionMap = {
  camera: { center: [36.1, 35.1], zoom: 8, bearing: 20, pitch: 0 },
  narrow: { zoom: 7 },
  layers: ['posts', 'idlib', 'control', 'taken', 'contested'],
  places: ['a', 'b', 'c'],
  highlight: ['c', 'post-new'],
  events: ['blast'],
  paths: [{ id: 'north' }, { id: 'road', drawn: [0, 1] }],
  date: { start: '2020-01-01', end: '2020-01-20' },
};
const path = (f: ReturnType<typeof frame>, id: string) => f.paths.find((p) => p.id === id)!;
/** The progress at which a section spanning `days` days shows the moment `day` + `hour`/24 of its span. */
const at = (day: number, hour = 12) => {
  // The section's clock runs from noon of its first day to the end of its twentieth.
  const t = (day + hour / 24 - 0.5) / 19.5;
  const [start, end] = ANIMATION_WINDOW;
  // Invert the easing of animationTime by search: progress is what the reader scrolls.
  let lo = start;
  let hi = end;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (animationTime(mid) < t) lo = mid;
    else hi = mid;
  }
  return hi;
};

describe('frame: the clock', () => {
  it('runs from noon of the first day to the end of the last', () => {
    expect(frame(state, 0, world).date).toBe('2020-01-01');
    expect(frame(state, 1, world).date).toBe('2020-01-20');
    expect(endFrame(state, world)).toEqual(frame(state, 1, world));
  });
  it('moves an arrow as its dated stops say, not as the reader scrolls a road', () => {
    expect(path(frame(state, 0, world), 'north').fraction).toBe(0);
    // At noon on 10 Jan the head is at the stop's vertex; it has not passed it before.
    const morning = path(frame(state, at(9, 6), world), 'north').fraction;
    expect(morning).toBeLessThan(NORTH.along[1]!);
    expect(path(frame(state, at(9, 12), world), 'north').fraction).toBeCloseTo(NORTH.along[1]!, 2);
    expect(path(frame(state, 1, world), 'north').fraction).toBe(1);
    // The road is drawn by progress.
    expect(path(frame(state, ANIMATION_WINDOW[1], world), 'road').fraction).toBe(1);
    expect(path(frame(state, 0, world), 'road').fraction).toBe(0);
  });
  it('shows the front in force on the day, and the ground taken since the first front', () => {
    expect(frame(state, 0, world).areas).toEqual([
      { id: 'held-a', kind: 'control' },
      { id: 'front-a', kind: 'front-line' },
    ]);
    const later = frame(state, 1, world).areas;
    expect(later).toContainEqual({ id: 'held-b', kind: 'control' });
    expect(later).toContainEqual({ id: 'taken-b', kind: 'taken' });
    expect(frame(state, 1, world).front).toEqual({ id: 'front-b', date: '2020-01-15' });
  });
  it('shows dated areas from their day', () => {
    expect(frame(state, at(18), world).areas.map((a) => a.id)).not.toContain('fighting');
    expect(frame(state, 1, world).areas.map((a) => a.id)).toContain('fighting');
  });
  it('sets up posts on their day and marks them cut off from theirs', () => {
    const states = (f: ReturnType<typeof frame>) => Object.fromEntries(f.markers.map((m) => [m.id, m.state]));
    expect(states(frame(state, 0, world))).toEqual({ 'post-old': 'post-encircled' });
    expect(states(frame(state, at(6), world))).toMatchObject({ 'post-new': 'post' });
    expect(states(frame(state, at(12), world))).toMatchObject({ 'post-new': 'post-encircled' });
  });
  it('shows the events the section lists, from their day', () => {
    expect(frame(state, at(14), world).markers.map((m) => m.id)).not.toContain('blast');
    expect(frame(state, 1, world).markers.map((m) => m.id)).toContain('blast');
    expect(frame({ ...state, events: [] }, 1, world).markers.map((m) => m.id)).not.toContain('blast');
  });
  it('shows end states at once under reduced motion', () => {
    const f = frame(state, 0, world, { reducedMotion: true });
    expect(path(f, 'north').fraction).toBe(1);
    expect(f.date).toBe('2020-01-20');
  });
  it('is a pure function: the same progress gives the same frame, whichever way the reader came', () => {
    const down = [0.1, 0.3, 0.5].map((p) => frame(state, p, world));
    const up = [0.5, 0.3, 0.1].map((p) => frame(state, p, world)).reverse();
    expect(up).toEqual(down);
  });
  it('is complete before the reader leaves the section', () => {
    expect(frame(state, ANIMATION_WINDOW[1], world)).toEqual(frame(state, 1, world));
  });
});

describe('frame: the picture', () => {
  it('uses the narrow camera overrides on phones only, keeping what they do not override', () => {
    expect(cameraFor(state, true)).toEqual({ center: [36.1, 35.1], zoom: 7, bearing: 20, pitch: 0 });
    expect(frame(state, 0, world).camera.zoom).toBe(8);
  });
  it('decides the drawing: layers bottom to top, roads under movements, called-out places first', () => {
    const f = frame(state, 0.5, world);
    expect(f.layers).toEqual(['control', 'taken', 'contested', 'idlib', 'posts']);
    expect(f.paths.map((p) => p.id)).toEqual(['road', 'north']);
    expect(f.places.map((p) => [p.id, p.highlighted])).toEqual([
      ['c', true],
      ['a', false],
      ['b', false],
    ]);
    expect(path(f, 'road').head).toBeUndefined();
    expect(path(f, 'north').head).toBeDefined();
  });
  it('keeps every labelled place in a small map, with its label on the side that fits', () => {
    const small = { width: 200, height: 160 };
    const f = frame(state, 1, world, { viewport: small });
    expect(f.camera.zoom).toBeLessThan(state.camera.zoom);
    // No arrow here: on its left, Charlie's name would lie across the one north of Alpha.
    const right = frame({ ...state, places: ['c'], paths: [], camera: { ...state.camera, center: [36.13, 35.2] } }, 1, world, { viewport: small });
    expect(right.places[0]!.anchors[0]).toBe('right');
  });
  it('keeps a name off an arrow, on the same side before the arrow reaches it as after', () => {
    // West, 0.05° (18 px at zoom 8) west of the arrow's shaft north of Alpha: written to its right,
    // the name would lie across the shaft.
    const beside = { ...world, places: { ...world.places, w: { name: 'West', lon: 35.95, lat: 35.25, kind: 'town' as const } } };
    const section: SectionMap = { ...state, places: ['w'], highlight: [], events: [], camera: { center: [36.1, 35.3], zoom: 8, bearing: 0, pitch: 0 } };
    const viewport = { width: 400, height: 300 };
    const sides = (s: SectionMap, progress: number) => frame(s, progress, beside, { viewport }).places[0]!.anchors;
    expect(sides({ ...section, paths: [] }, 1)[0]).toBe('left');
    expect(sides(section, 1)[0]).toBe('right');
    // A fresh copy each time: frame() keeps a section's sides, once worked out, for that section.
    expect(sides({ ...section }, 0)).toEqual(sides({ ...section }, 1));
    // Only a map of known size has its sides decided; an embed's map lets MapLibre choose.
    expect(frame(section, 1, beside, { viewport }).places[0]!.decided).toBe(true);
    expect(frame(section, 1, beside).places[0]!.decided).toBe(false);
  });
  describe('names beside a neighbour', () => {
    // West, and East on the same parallel `dx` px to its right: West's name, right of its dot,
    // ends `dx` − its gap − its width px from East's dot.
    const px = (512 * 2 ** 8) / 360;
    const westName = textWidth('West', PLACE.labelSize('town', false));
    // Mercator's px per degree of latitude there.
    const pxLat = px / Math.cos((35.3 * Math.PI) / 180);
    const pair = (beyond: number, extra: Partial<StoryWorld> = {}, east?: { lon: number; lat: number }): StoryWorld => ({
      ...world,
      ...extra,
      places: {
        w: { name: 'West', lon: 36.0, lat: 35.3, kind: 'town' },
        e: { name: 'East', lon: 36.0 + (PLACE.labelGap(false) + westName + beyond) / px, lat: 35.3, kind: 'town', ...east },
      },
    });
    const section: SectionMap = {
      ...state,
      places: ['w', 'e'],
      highlight: [],
      events: [],
      paths: [],
      layers: [],
      camera: { center: [36.1, 35.3], zoom: 8, bearing: 0, pitch: 0 },
    };
    const viewport = { width: 400, height: 300 };
    const westSide = (s: SectionMap, w: StoryWorld, progress = 1, size = viewport) =>
      frame(s, progress, w, { viewport: size }).places.find((p) => p.id === 'w')!.anchors[0];
    const dot = PLACE.radius('town') + PLACE.stroke;

    it('keeps a name off a dot on its line by about an em, and measures it by its text alone', () => {
      // East's dot 8 px after West's name, on its line, would read as West's.
      expect(westSide(section, pair(dot + 8))).not.toBe('left');
      // 16 px after it: right of the dot. (Counted with the 11 px a ring takes, it would not be.)
      expect(westSide(section, pair(dot + 16))).toBe('left');
    });

    it('keeps a name a few px clear of a dot off its line', () => {
      // East's dot under the middle of West's name, `clear` px below it.
      const height = PLACE.labelSize('town', false) * 1.2;
      const below = (clear: number) => pair(0, {}, { lon: 36.0 + (PLACE.labelGap(false) + westName / 2) / px, lat: 35.3 - (height / 2 + dot + clear) / pxLat });
      expect(westSide(section, below(1))).not.toBe('left');
      expect(westSide(section, below(5))).toBe('left');
    });

    it('keeps a name off a name on an area', () => {
      const close = { id: 'close', zoom: [7, 14] as [number, number], text: 'Close', kind: 'governorate' as const, lat: 35.3 };
      const far = pair(dot + 40);
      expect(westSide(section, far)).toBe('left');
      const over = pair(dot + 40, { baseLabels: [{ ...close, lon: 36.0 + (PLACE.labelGap(false) + westName / 2) / px }] });
      expect(frame(section, 1, over, { viewport }).baseLabels).toEqual(['close']);
      expect(westSide(section, over)).not.toBe('left');
    });

    it('keeps a name off a marker from the start of the section, before the marker appears', () => {
      // An air strike on 16 Jan, under where West's name would go right of its dot.
      const struck = pair(dot + 40, {
        events: [{ id: 'blast', kind: 'air-strike', lon: 36.0 + (PLACE.labelGap(false) + westName / 2) / px, lat: 35.3, date: '2020-01-16' }],
      });
      const withBlast = { ...section, events: ['blast'] };
      expect(frame(withBlast, 0, struck, { viewport }).markers).toEqual([]);
      expect(westSide(withBlast, struck, 1)).not.toBe('left');
      expect(westSide({ ...withBlast }, struck, 0)).toBe(westSide({ ...withBlast }, struck, 1));
    });

    it('works the sides out again for a map of another size', () => {
      const w = pair(dot + 40);
      // A map just wide enough for West's name left of its dot, not right of it.
      const narrowMap = { width: 2 * (PLACE.labelGap(false) + westName) - 10, height: 300 };
      const alone: SectionMap = { ...section, places: ['w'], camera: { ...section.camera, center: [36.0 - (westName / 2 - 5) / px, 35.3] } };
      const fresh = westSide({ ...alone }, w, 1, narrowMap);
      expect(fresh).toBe('right');
      // The same section, first on the wide map and then on the narrow one, as on a resize.
      expect(westSide(alone, w, 1, viewport)).toBe('left');
      expect(westSide(alone, w, 1, narrowMap)).toBe(fresh);
    });
  });

  it('moves a marker off a labelled place’s dot, and leaves a lone marker where it is', () => {
    const f = frame({ ...state, highlight: [] }, 1, world);
    const old = f.markers.find((m) => m.id === 'post-old')!;
    expect(old.offset).not.toEqual([0, 0]);
    expect(f.markers.find((m) => m.id === 'post-new')!.offset).toEqual([0, 0]);
  });
  it('frames what a picture of another size frames, scaled to the map, with names placed for the map’s own size', () => {
    const still = { width: 200, height: 150 };
    const picture = frame(state, 1, world, { viewport: still });
    const twice = frame(state, 1, world, { viewport: { width: 400, height: 300 }, framedAs: still });
    expect(twice.camera).toEqual({ ...picture.camera, zoom: picture.camera.zoom + 1 });
    // Fitted to the picture, not to the map: a map of its own at 400 × 300 keeps the section's zoom.
    expect(frame(state, 1, world, { viewport: { width: 400, height: 300 } }).camera.zoom).not.toBe(twice.camera.zoom);
    // Not laid out yet: the picture's camera, sides left open.
    const unsized = frame(state, 1, world, { framedAs: still });
    expect(unsized.camera).toEqual(picture.camera);
    expect(unsized.places.every((p) => !p.decided)).toBe(true);
  });
  it('steps a marker off a dot as far as the two symbols ask, and farther off a ring', () => {
    const step = (highlight: string[]) =>
      frame({ ...state, highlight }, 1, world)
        .markers.find((m) => m.id === 'post-old')!
        .offset.map(Math.abs);
    // Alpha's dot (a town's) under a post's square, 2 px apart along each axis.
    const dot = MARKER.radius + PLACE.radius('town') + PLACE.stroke + 2;
    expect(step([])).toEqual([dot, dot]);
    // Alpha called out: its ring under the square, and the square called out too.
    const ring = MARKER.highlighted + PLACE.ring + PLACE.ringStroke + 2;
    expect(step(['a', 'post-old'])).toEqual([ring, ring]);
  });
  it('steps a second marker off a dot to the same side as the first, leaving the other side to the name', () => {
    const struckAlpha: StoryWorld = { ...world, events: [...world.events, { id: 'strike-a', kind: 'air-strike', lon: 36.0, lat: 35.0, date: '2020-01-02' }] };
    const f = frame({ ...state, highlight: [], events: ['strike-a'] }, 1, struckAlpha);
    const [post, strike] = ['post-old', 'strike-a'].map((id) => f.markers.find((m) => m.id === id)!.offset);
    expect(Math.sign(strike![0])).toBe(Math.sign(post![0]));
    expect(Math.sign(strike![1])).toBe(-Math.sign(post![1]));
  });
  it('steps a marker off a dot to the side away from the neighbouring places, never toward them', () => {
    // post-old sits on Alpha; Bravo lies up and to the right of it, Charlie beyond.
    const [dx, dy] = frame({ ...state, highlight: [] }, 1, world).markers.find((m) => m.id === 'post-old')!.offset;
    expect([Math.sign(dx), Math.sign(dy)]).toEqual([-1, 1]);
    // The blast sits on Bravo, between Alpha (down-left) and Charlie (up-right): it steps off the
    // line between them, up-left or down-right.
    const [bx, by] = frame(state, 1, world).markers.find((m) => m.id === 'blast')!.offset;
    expect(Math.sign(bx) * Math.sign(by)).toBe(1);
  });
  it('drops a name on an area that the map’s edge would cut, and keeps it whole inside', () => {
    const viewport = { width: 400, height: 300 };
    // The anchor moved left of the centre until its box just fits, then until it crosses the map's left edge.
    const { width } = baseLabelBox('Close', 'governorate');
    const px = 360 / (512 * 2 ** 8);
    const nearEdge = (dx: number) => ({ ...world, baseLabels: [{ ...world.baseLabels[1]!, lon: 36.1 - (200 - dx) * px }] });
    const cameraHere = { ...state, highlight: [], places: [], events: [], camera: { ...state.camera, bearing: 0 } };
    expect(frame(cameraHere, 0, nearEdge(width / 2 + 2), { viewport }).baseLabels).toEqual(['close']);
    expect(frame(cameraHere, 0, nearEdge(width / 2 - 2), { viewport }).baseLabels).toEqual([]);
    // Under the page's scale bar (here as tall as the map, 4 px wide), it is left out: the bar
    // goes to the other corner where it can, and where both corners hold one, one is dropped.
    const scaleBar = { width: 4, height: 300 };
    const close = world.baseLabels[1]!;
    const nearSide = (side: 'left' | 'right', id = 'close') => ({ ...close, id, lon: 36.1 + (side === 'left' ? -1 : 1) * (200 - width / 2 - 2) * px });
    for (const [side, other] of [
      ['left', 'right'],
      ['right', 'left'],
    ] as const) {
      const one = frame(cameraHere, 0, { ...world, baseLabels: [nearSide(side)] }, { viewport, scaleBar });
      expect([one.scaleBar!.side, one.baseLabels]).toEqual([other, ['close']]);
    }
    const both = frame(cameraHere, 0, { ...world, baseLabels: [nearSide('left', 'west'), nearSide('right', 'east')] }, { viewport, scaleBar });
    expect(both.baseLabels).toEqual([both.scaleBar!.side === 'left' ? 'east' : 'west']);
  });
  it('puts the scale bar in the bottom corner with least under it, for the whole section, and no name under it', () => {
    const viewport = { width: 400, height: 300 };
    const scaleBar = { width: 120, height: 26 };
    const at = (f: ReturnType<typeof frame>) => f.scaleBar?.side;
    // Nothing in either corner: the right. Without a bar asked for, none.
    const empty: SectionMap = { ...state, camera: { ...state.camera, bearing: 0 }, layers: [], places: [], highlight: [], events: [], paths: [] };
    expect(at(frame(empty, 1, world, { viewport, scaleBar }))).toBe('right');
    expect(at(frame(empty, 1, world, { viewport }))).toBeUndefined();
    // A town at the bottom right (the camera keeps it and its name just inside the map) sends it
    // left, at every point of the section.
    const corner = { ...world, places: { ...world.places, a: { ...world.places.a!, lon: 36.5806, lat: 34.8074 } } };
    const town = { ...empty, places: ['a'] };
    expect([0, 0.5, 1].map((p) => at(frame(town, p, corner, { viewport, scaleBar })))).toEqual(['left', 'left', 'left']);
    expect(at(frame(town, 1, world, { viewport, scaleBar }))).toBe('right');
  });
  it('sizes a name on an area as MapLibre wraps it: one line up to 8 ems, then lines of about equal length', () => {
    const one = baseLabelBox('SYRIA', 'country');
    expect(one.height).toBeCloseTo(13 * 1.2, 6);
    const two = baseLabelBox('Mediterranean Sea', 'sea');
    expect(two.height).toBeCloseTo(2 * 12 * 1.2, 6);
    // No line is narrower than its longest word.
    expect(two.width).toBeCloseTo(baseLabelBox('Mediterranean', 'sea').width, 6);
  });
  it('names areas and towns for the zoom', () => {
    expect(frame(state, 0, world).baseLabels).toEqual(['close']);
    expect(frame(state, 0, world, { narrow: true }).baseLabels).toEqual(['close']);
    expect(frame({ ...state, camera: { ...state.camera, zoom: 5 } }, 0, world).baseLabels).toEqual(['wide']);
    expect(frame(state, 0, world).contextTowns).toBe(false);
    expect(frame({ ...state, camera: { ...state.camera, zoom: 10 } }, 0, world).contextTowns).toBe(true);
  });
  it('refuses a path it has no samples for', () => {
    expect(() => frame({ ...state, paths: [{ id: 'nowhere' }] }, 0.5, world)).toThrow('nowhere');
  });
});
