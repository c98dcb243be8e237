import { describe, expect, it } from 'vitest';
import { measurePath } from './measurePaths.ts';

describe('measurePath (build time, Turf)', () => {
  it('knows how far along each vertex lies and which way each segment runs', () => {
    const line = measurePath([
      [36.0, 35.0],
      [36.0, 35.5],
      [36.5, 35.5],
      [36.5, 36.0],
    ]);
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
