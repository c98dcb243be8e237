import { describe, expect, it } from 'vitest';
import { slicePath, type PathSamples } from './paths.ts';

// A path measured by hand: north 0.5°, east 0.5°, north 0.5° (as measurePath would give it).
export const NORTH: PathSamples = {
  id: 'north',
  kind: 'government',
  label: 'North',
  points: [
    [36.0, 35.0],
    [36.0, 35.5],
    [36.5, 35.5],
    [36.5, 36.0],
  ],
  along: [0, 0.3555, 0.6445, 1],
  bearings: [0, 90, 0],
  lengthKm: 156.4,
};

describe('slicePath', () => {
  it('draws nothing at 0 and everything at 1', () => {
    expect(slicePath(NORTH, 0).line).toEqual([]);
    expect(slicePath(NORTH, 0).head).toBeUndefined();
    expect(slicePath(NORTH, 1).line).toEqual(NORTH.points);
    expect(slicePath(NORTH, 1).head).toEqual({ at: [36.5, 36.0], bearing: 0 });
  });
  it('ends a partial line at an interpolated head pointing the way of its segment', () => {
    const half = slicePath(NORTH, 0.5);
    expect(half.head!.at[1]).toBeCloseTo(35.5, 5);
    expect(half.head!.at[0]).toBeCloseTo(36.25, 1);
    expect(half.head!.bearing).toBe(90);
    expect(half.line).toHaveLength(3);
    expect(half.line.at(-1)).toEqual(half.head!.at);
    const early = slicePath(NORTH, 0.1);
    expect(early.head!.bearing).toBe(0);
    expect(early.head!.at[1]).toBeGreaterThan(35);
    expect(early.head!.at[1]).toBeLessThan(35.5);
  });
  it('stopped on a vertex, points the way it came, not the way it goes on', () => {
    // A movement halted at a town (a dated stop) then turns: its head must not turn before it moves.
    const stopped = slicePath(NORTH, NORTH.along[1]!);
    expect(stopped.head).toEqual({ at: NORTH.points[1], bearing: 0 });
    expect(stopped.line).toEqual(NORTH.points.slice(0, 2));
    expect(slicePath(NORTH, NORTH.along[2]!).head!.bearing).toBe(90);
  });
  it('gives roads no arrow head', () => {
    const road = slicePath({ ...NORTH, kind: 'road' }, 0.5);
    expect(road.line).toHaveLength(3);
    expect(road.head).toBeUndefined();
  });
  it('clamps fractions outside 0..1', () => {
    expect(slicePath(NORTH, 1.5).fraction).toBe(1);
    expect(slicePath(NORTH, -1).fraction).toBe(0);
  });
});
