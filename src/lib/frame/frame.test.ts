import { describe, expect, it } from 'vitest';
import type { SectionMap } from '../story/section.ts';
import { ANIMATION_WINDOW, animationTime, endFrame, frame, type StoryWorld } from './frame.ts';
import { NORTH } from './paths.test.ts';

const world: StoryWorld = { paths: { north: NORTH, road: { ...NORTH, id: 'road', kind: 'road' } } };
const state: SectionMap = {
  camera: { center: [36, 35.5], zoom: 8, bearing: 20, pitch: 0 },
  narrow: { zoom: 7 },
  layers: ['posts', 'idlib', 'control'],
  places: ['a', 'b', 'c'],
  highlight: ['c', 'marker-1'],
  paths: [
    { id: 'north', drawn: [0, 1] },
    { id: 'road', drawn: [1, 1] },
  ],
  date: { start: '2020-01-01', end: '2020-01-31' },
};
const north = (f: ReturnType<typeof frame>) => f.paths.find((p) => p.id === 'north')!;

describe('frame', () => {
  it('starts a section at its start state and ends at its end state', () => {
    expect(north(frame(state, 0, world)).fraction).toBe(0);
    expect(north(frame(state, 1, world)).fraction).toBe(1);
    expect(frame(state, 0, world).date).toBe('2020-01-01');
    expect(frame(state, 1, world).date).toBe('2020-01-31');
  });
  it('is complete before the reader leaves the section', () => {
    expect(north(frame(state, ANIMATION_WINDOW[1], world)).fraction).toBe(1);
    expect(animationTime(ANIMATION_WINDOW[0])).toBe(0);
    expect(endFrame(state, world)).toEqual(frame(state, 1, world));
  });
  it('is a pure function: the same progress gives the same frame, whichever way the reader came', () => {
    const down = [0.1, 0.3, 0.5].map((p) => frame(state, p, world));
    const up = [0.5, 0.3, 0.1].map((p) => frame(state, p, world)).reverse();
    expect(up).toEqual(down);
    expect(north(down[1]!).fraction).toBeGreaterThan(0);
    expect(north(down[1]!).fraction).toBeLessThan(1);
  });
  it('shows end states at once under reduced motion', () => {
    const f = frame(state, 0, world, { reducedMotion: true });
    expect(north(f).fraction).toBe(1);
    expect(f.date).toBe('2020-01-31');
  });
  it('uses the narrow camera overrides on phones only, keeping what they do not override', () => {
    expect(frame(state, 0, world, { narrow: true }).camera).toEqual({ center: [36, 35.5], zoom: 7, bearing: 20, pitch: 0 });
    expect(frame(state, 0, world).camera.zoom).toBe(8);
  });
  it('decides the drawing: layers bottom to top, roads under movements, called-out places first', () => {
    const f = frame(state, 0.5, world);
    expect(f.layers).toEqual(['control', 'idlib', 'posts']);
    expect(f.paths.map((p) => p.id)).toEqual(['road', 'north']);
    expect(f.places).toEqual([
      { id: 'c', highlighted: true },
      { id: 'a', highlighted: false },
      { id: 'b', highlighted: false },
    ]);
    expect(f.highlightedMarkers).toEqual(['marker-1']);
    expect(f.paths.find((p) => p.id === 'road')!.head).toBeUndefined();
    expect(north(f).head).toBeDefined();
  });
  it('refuses a path it has no samples for', () => {
    expect(() => frame({ ...state, paths: [{ id: 'nowhere', drawn: [0, 1] }] }, 0.5, world)).toThrow('nowhere');
  });
});
