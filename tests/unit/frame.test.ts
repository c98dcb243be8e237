import { describe, expect, it } from 'vitest';
import { ANIMATION_WINDOW, animationTime, frame } from '../../src/lib/frame.ts';
import { slicePath, type PathSamples } from '../../src/lib/paths.ts';
import { measurePath } from '../../src/lib/data/samplePaths.ts';
import { mapStateSchema } from '../../src/lib/story/mapState.ts';

const line = measurePath([
  [36.0, 35.0],
  [36.0, 35.5],
  [36.5, 35.5],
  [36.5, 36.0],
]);
const samples: Record<string, PathSamples> = { north: { id: 'north', kind: 'government', label: 'North', ...line } };
const state = mapStateSchema.parse({
  camera: { center: [36, 35.5], zoom: 8 },
  narrow: { zoom: 7 },
  layers: ['control'],
  paths: [{ id: 'north', from: 0, to: 1 }],
  date: { from: '2020-01-01', to: '2020-01-31' },
});

describe('measurePath (build time, Turf)', () => {
  it('knows how far along each vertex lies and which way each segment runs', () => {
    expect(line.points).toHaveLength(4);
    expect(line.lengthKm).toBeCloseTo(55.6 + 45.3 + 55.6, 0);
    expect(line.along[0]).toBe(0);
    expect(line.along[3]).toBe(1);
    expect(line.along[1]).toBeCloseTo(55.6 / 156.4, 2);
    expect(line.bearings).toEqual([0, 90, 0]);
  });
  it('refuses a path of one point', () => {
    expect(() => measurePath([[36, 35]])).toThrow('at least two');
  });
});

describe('slicePath', () => {
  it('draws nothing at 0 and everything at 1', () => {
    expect(slicePath(samples.north!, 0).line).toEqual([]);
    expect(slicePath(samples.north!, 0).head).toBeUndefined();
    expect(slicePath(samples.north!, 1).line).toEqual(line.points);
    expect(slicePath(samples.north!, 1).bearing).toBe(0);
  });
  it('ends a partial line at an interpolated head pointing the way of its segment', () => {
    const half = slicePath(samples.north!, 0.5);
    expect(half.head![1]).toBeCloseTo(35.5, 5);
    expect(half.head![0]).toBeCloseTo(36.25, 1);
    expect(half.bearing).toBe(90);
    expect(half.line).toHaveLength(3);
    expect(half.line.at(-1)).toEqual(half.head);
    const early = slicePath(samples.north!, 0.1);
    expect(early.bearing).toBe(0);
    expect(early.head![1]).toBeGreaterThan(35);
    expect(early.head![1]).toBeLessThan(35.5);
  });
  it('clamps fractions outside 0..1', () => {
    expect(slicePath(samples.north!, 1.5).fraction).toBe(1);
    expect(slicePath(samples.north!, -1).fraction).toBe(0);
  });
});

describe('frame', () => {
  it('starts a section at its "from" state and ends at its "to" state', () => {
    expect(frame(state, 0, samples).paths[0]!.fraction).toBe(0);
    expect(frame(state, 1, samples).paths[0]!.fraction).toBe(1);
    expect(frame(state, 0, samples).date).toBe('2020-01-01');
    expect(frame(state, 1, samples).date).toBe('2020-01-31');
  });
  it('is complete before the reader leaves the section', () => {
    expect(frame(state, ANIMATION_WINDOW[1], samples).paths[0]!.fraction).toBe(1);
    expect(animationTime(ANIMATION_WINDOW[0])).toBe(0);
  });
  it('is a pure function: the same progress gives the same frame, whichever way the reader came', () => {
    const down = [0.1, 0.3, 0.5].map((p) => frame(state, p, samples));
    const up = [0.5, 0.3, 0.1].map((p) => frame(state, p, samples)).reverse();
    expect(up).toEqual(down);
    expect(down[1]!.paths[0]!.fraction).toBeGreaterThan(0);
    expect(down[1]!.paths[0]!.fraction).toBeLessThan(1);
  });
  it('shows end states at once under reduced motion', () => {
    const f = frame(state, 0, samples, { reducedMotion: true });
    expect(f.paths[0]!.fraction).toBe(1);
    expect(f.date).toBe('2020-01-31');
  });
  it('uses the narrow camera overrides on phones only', () => {
    expect(frame(state, 0, samples, { narrow: true }).camera).toEqual({ center: [36, 35.5], zoom: 7, bearing: 0, pitch: 0 });
    expect(frame(state, 0, samples).camera.zoom).toBe(8);
  });
  it('refuses a path it has no samples for', () => {
    expect(() => frame({ ...state, paths: [{ id: 'nowhere', from: 0, to: 1 }] }, 0.5, samples)).toThrow('nowhere');
  });
});
