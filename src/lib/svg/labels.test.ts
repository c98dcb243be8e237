import { describe, expect, it } from 'vitest';
import { textWidth } from '../cartography/symbols.ts';
import { crosses, overlaps } from '../frame/camera.ts';
import { placeLabels, wrap, type LabelRequest } from './labels.ts';

const label = (id: string, x: number, y: number, required = false): LabelRequest => ({
  id,
  lines: [`Place ${id}`],
  x,
  y,
  radius: 4,
  size: 14,
  bold: false,
  required,
});

describe('placeLabels', () => {
  it('keeps labels apart and inside the picture, dropping what cannot fit', () => {
    // Five places in a tight cluster by the right edge: not every name fits.
    const requests = [0, 1, 2, 3, 4].map((i) => label(String(i), 390, 100 + i * 6));
    const placed = placeLabels(requests, { hard: [], soft: [] }, 400, 300);
    expect(placed.length).toBeGreaterThan(1);
    expect(placed.length).toBeLessThan(requests.length);
    for (const [i, a] of placed.entries()) {
      expect(a.box[0]).toBeGreaterThanOrEqual(0);
      expect(a.box[2]).toBeLessThanOrEqual(400);
      for (const b of placed.slice(i + 1)) expect(overlaps(a.box, b.box), `${a.id} on ${b.id}`).toBe(false);
    }
  });

  it('places a required label even where it must overlap', () => {
    const wall: [number, number, number, number] = [0, 0, 400, 300];
    expect(placeLabels([label('a', 200, 150)], { hard: [wall], soft: [] }, 400, 300)).toEqual([]);
    expect(placeLabels([label('a', 200, 150, true)], { hard: [wall], soft: [] }, 400, 300)).toHaveLength(1);
  });

  it('prefers a position off the lines, but takes one on a line over none', () => {
    const right = placeLabels([label('a', 200, 150)], { hard: [], soft: [] }, 400, 300)[0]!;
    expect(right.anchor).toBe('start');
    const line: [number, number, number, number] = [right.box[0] + 5, 0, right.box[0] + 5, 300];
    const moved = placeLabels([label('a', 200, 150)], { hard: [], soft: [line] }, 400, 300)[0]!;
    expect(crosses(line, moved.box)).toBe(false);
    const everywhere = [0, 100, 150, 200, 300].map((y): [number, number, number, number] => [0, y - 20, 400, y + 20]);
    expect(placeLabels([label('a', 200, 150)], { hard: [], soft: everywhere }, 400, 300)).toHaveLength(1);
  });
});

describe('text helpers', () => {
  it('measures wider for more and for bolder text', () => {
    expect(textWidth('Saraqeb', 14)).toBeGreaterThan(textWidth('Idlib', 14));
    expect(textWidth('Idlib', 14, true)).toBeGreaterThan(textWidth('Idlib', 14));
  });
  it('wraps at spaces within the width', () => {
    const lines = wrap('Turkish observation post, Tell Touqan (encircled)', 12, 144);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe('Turkish observation post, Tell Touqan (encircled)');
    for (const line of lines) expect(textWidth(line, 12)).toBeLessThanOrEqual(144);
  });
  it('finds segments crossing a box, and not those beside it', () => {
    expect(crosses([0, 0, 10, 10], [4, 4, 6, 6])).toBe(true);
    expect(crosses([0, 5, 3, 5], [4, 4, 6, 6])).toBe(false);
  });
});
