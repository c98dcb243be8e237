import { describe, expect, it } from 'vitest';
import type { Position } from 'geojson';
import { STRIDE, lineMesh } from './lineMesh.ts';
import { mercator, progressOf } from './lineProgress.ts';

/** The mesh as vertices, each a named record. */
function vertices(mesh: Float32Array) {
  const out = [];
  for (let i = 0; i < mesh.length; i += STRIDE) {
    const [x, y, ox, oy, lx, ly, progress] = mesh.subarray(i, i + STRIDE);
    out.push({ x: x!, y: y!, offset: [ox!, oy!], local: [lx!, ly!], progress: progress! });
  }
  return out;
}

// An L: east, then north, then a repeated point (a segment of no length).
const L: Position[] = [
  [36.5, 35.5],
  [37, 35.5],
  [37, 36],
  [37, 36],
];

describe('lineMesh', () => {
  const mesh = vertices(lineMesh(L));

  it('is a quad per segment with length and a disc per vertex, two triangles each', () => {
    expect(mesh.length).toBe((2 + 4) * 6);
  });

  it('pushes a segment out on both sides, square to it, and a disc out to its corners', () => {
    const [east, north] = [mesh.slice(0, 6), mesh.slice(6, 12)];
    // Going east (x grows), the sides are north and south: y, in Mercator's y-down.
    for (const v of east) expect([Math.abs(v.offset[0]!), Math.abs(v.offset[1]!)]).toEqual([0, 1]);
    // Going north (y falls), the sides are east and west.
    for (const v of north) expect([Math.abs(v.offset[0]!), Math.abs(v.offset[1]!)]).toEqual([1, 0]);
    for (const v of [...east, ...north]) expect(Math.abs(v.local[1]!)).toBe(1);
    for (const v of mesh.slice(12)) expect(v.offset.map(Math.abs)).toEqual([1, 1]);
  });

  it('carries line-progress as progressOf counts it: 0 at the start, 1 at the end, growing along', () => {
    const ats = L.map(mercator);
    const discs = mesh.slice(12);
    for (const [i, at] of ats.entries()) {
      const disc = discs.slice(i * 6, i * 6 + 6);
      for (const v of disc) {
        expect(v.x).toBeCloseTo(at[0], 7);
        expect(v.progress).toBeCloseTo(i === 0 ? 0 : progressOf(L.slice(0, i + 1), L), 6);
      }
    }
    expect(discs.at(-1)!.progress).toBeCloseTo(1, 6);
    const corner = mesh[2]!;
    expect(corner.progress).toBeCloseTo(progressOf(L.slice(0, 2), L), 6);
    expect(corner.progress).toBeGreaterThan(0);
    expect(corner.progress).toBeLessThan(1);
  });

  it('is empty of segments for a single point, and only a disc remains', () => {
    expect(vertices(lineMesh([[36, 35]])).length).toBe(6);
  });
});
