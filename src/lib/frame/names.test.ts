import { describe, expect, it } from 'vitest';
import { ARROW } from '../cartography/symbols.ts';
import { ANCHORS, COVER_COST, GRAZE, labelBox, labelSides, namesTouch, type Anchor, type Obstacle } from './camera.ts';
import { lineDiscs, placeNames, type NameToPlace } from './names.ts';

const viewport = { width: 400, height: 300 };
const name = (x: number, y: number, highlighted = false): NameToPlace => ({ x, y, width: 50, height: 10, gap: 0, highlighted, dot: { x, y, r: 5 } });
const firstSides = (names: NameToPlace[], obstacles: Obstacle[] = []) => placeNames(names, obstacles, [], viewport).map((p) => p.anchors[0]);

// Bravo, 60 px right of Alpha, has one free side: its name left of its dot, where Alpha's
// first choice (its name right of its dot) would be. Alpha, called out, is placed first.
const alpha = name(100, 100, true);
const bravo = name(160, 100);
// Points on Bravo's other three sides: right of it, below and above its name's middle.
const hemmed: Obstacle[] = [
  { x: 190, y: 100, r: 4 },
  { x: 175, y: 107, r: 3 },
  { x: 175, y: 93, r: 3 },
];

describe('placeNames', () => {
  it('puts a name on its first free side when nothing else wants it', () => {
    expect(firstSides([alpha])).toEqual(['left']);
    expect(firstSides([bravo], hemmed)).toEqual(['right']);
  });

  it('moves a name that had other free sides to make room for a hemmed-in neighbour', () => {
    // Greedily, Alpha would keep its first side and leave Bravo only sides over a point (cost 2):
    // the least total is Alpha's name left of its dot and Bravo's left of its own, both clear.
    const placed = placeNames([alpha, bravo], hemmed, [], viewport);
    expect(placed.map((p) => p.anchors[0])).toEqual(['right', 'right']);
    expect(placed.every((p) => p.decided)).toBe(true);
  });

  it('leaves undecided, for MapLibre to move, a name it cannot keep off another', () => {
    // Two names 2 px apart against the map's left edge: each has three sides the edge does not cut,
    // right of its dot and off its right corners, and however they are chosen the two touch.
    const placed = placeNames([name(5, 50), name(5, 52)], [], [], viewport);
    expect(placed.map((p) => p.anchors[0])).toEqual(['left', 'left']);
    expect(placed.map((p) => p.decided)).toEqual([false, false]);
    // 10 px apart, the lower one goes off its lower right corner, clear of the other: both are decided.
    const corners = placeNames([name(5, 50), name(5, 60)], [], [], viewport);
    expect(corners.map((p) => p.anchors[0])).toEqual(['left', 'top-left']);
    expect(corners.map((p) => p.decided)).toEqual([true, true]);
  });

  it('keeps names in every order off each other, whatever the order they came in', () => {
    // Four dots 13 px apart down a column, names 10 px tall written 6 px off them: side by side
    // they would touch, so the search alternates them left and right.
    const row = [100, 113, 126, 139].map((y) => ({ ...name(100, y), gap: 6 }));
    for (const names of [row, [...row].reverse()]) {
      const placed = placeNames(names, [], [], viewport);
      expect(placed.every((p) => p.decided)).toBe(true);
      expect(new Set(placed.map((p) => p.anchors[0]))).toEqual(new Set(['left', 'right']));
    }
  });
});

describe('placeNames against every choice', () => {
  /** A small seeded generator (mulberry32), so a failure can be run again. */
  const random = (seed: number) => () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  /** What each choice of sides costs in all, as the search counts it: each name's own cover, and each pair of names that touch once. */
  const totals = (names: NameToPlace[], obstacles: Obstacle[]) => {
    const own = names.map((name, i) => {
      const others = names.filter((_, j) => j !== i).map((o) => o.dot);
      const sides = labelSides(name.x, name.y, name.width, name.height, viewport, { obstacles: [...others, ...obstacles], gap: name.gap });
      return new Map(sides.map((side) => [side.anchor, side.cost]));
    });
    const boxes = names.map((n) => new Map(ANCHORS.map((a) => [a, labelBox(n.x, n.y, n.width, n.height, n.gap, a)])));
    return (sides: Anchor[]) => {
      let sum = 0;
      sides.forEach((side, i) => {
        sum += own[i]!.get(side)!;
        for (let j = i + 1; j < sides.length; j++) if (namesTouch(boxes[i]!.get(side)!, boxes[j]!.get(sides[j]!)!)) sum += COVER_COST.name;
      });
      return sum;
    };
  };
  const everyChoice = (n: number): Anchor[][] => (n === 0 ? [[]] : everyChoice(n - 1).flatMap((rest) => ANCHORS.map((a) => [...rest, a])));

  it('finds the least total that any choice of sides reaches', () => {
    const next = random(14);
    let crowded = 0;
    for (let run = 0; run < 300; run++) {
      // 2–4 names in a corner of the map, often touching, and some points among them.
      const names = Array.from({ length: 2 + Math.floor(next() * 3) }, () => ({
        ...name(10 + next() * 110, 10 + next() * 70, next() < 0.3),
        width: 20 + next() * 120,
      }));
      names.forEach((n) => (n.dot = { x: n.x, y: n.y, r: 5 }));
      // Some with room kept round them, so that costs come in halves too.
      const obstacles = Array.from({ length: Math.floor(next() * 4) }, () => {
        const r = 3 + next() * 6;
        return { x: next() * 160, y: next() * 110, r, ...(next() < 0.5 ? { core: r - 3 } : {}) };
      });
      const total = totals(names, obstacles);
      const least = Math.min(...everyChoice(names.length).map(total));
      const found = total(placeNames(names, obstacles, [], viewport).map((p) => p.anchors[0]!));
      expect(found, `run ${run}`).toBe(least);
      if (least > 0) crowded++;
    }
    // Most cases are crowded, so the test is about something.
    expect(crowded).toBeGreaterThan(100);
  });

  it('still searches the others when one name has no side inside the map', () => {
    // Alpha and Bravo as above, and a name wider than the map far below them.
    const wide = { ...name(200, 280), width: 500 };
    const placed = placeNames([alpha, bravo, wide], hemmed, [], viewport);
    expect(placed.slice(0, 2).map((p) => p.anchors[0])).toEqual(['right', 'right']);
  });
});

describe('lineDiscs', () => {
  const [, [wing, length]] = ARROW.points;
  // An arrow running right along y = 100, its tip at x = 200: a name 10 px tall, its box just
  // clear of the shaft's casing, above the head's upper barb.
  const line: [number, number][] = [
    [0, 100],
    [200, 100],
  ];
  const over = (head: boolean) => labelSides(200 - length, 100 - wing - 6, 40, 10, viewport, { obstacles: lineDiscs('a', line, head), gap: 0 });
  const side = (head: boolean, anchor: string) => over(head).find((s) => s.anchor === anchor)!.cost;

  it('counts the head as a point and the shaft once, however much of it a name covers', () => {
    // Centred above the barb, the name's box covers the barb's disc: with a head, a point's cost.
    expect(side(false, 'top')).toBe(0);
    expect(side(true, 'top')).toBe(2);
    // Below the name's point, along the shaft, one shaft's cost for many discs.
    const across = labelSides(100, 95, 60, 10, viewport, { obstacles: lineDiscs('a', line, false), gap: 0 });
    expect(across.find((s) => s.anchor === 'top')!.cost).toBe(1);
  });

  it('charges a name the line only grazes half what one with the line through its letters costs', () => {
    const top = (y: number) => labelSides(100, y, 60, 10, viewport, { obstacles: lineDiscs('a', line, false), gap: 0 }).find((s) => s.anchor === 'top')!.cost;
    // The box spans y + 0 .. y + 10: the line at y 100 runs through it, then along its lower edge
    // inside the casing (3.25 px), then clear of it.
    expect(top(95)).toBe(COVER_COST.shaft);
    expect(top(88)).toBe(COVER_COST.shaft * GRAZE);
    expect(top(85)).toBe(0);
  });

  it('counts a line across a corner of a name as through it, though no disc’s centre lies in its box', () => {
    // Discs at (92, 80), (97.3, 85.3), (102.7, 90.7) and (108, 96); the box [100, 70, 160, 89]
    // (right of a point at (100, 79.5)) is crossed between the second and third, for about 1.4 px.
    const diagonal: [number, number][] = [
      [92, 80],
      [108, 96],
    ];
    const left = labelSides(100, 79.5, 60, 19, viewport, { obstacles: lineDiscs('a', diagonal, false), gap: 0 }).find((s) => s.anchor === 'left')!;
    expect(left.cost).toBe(COVER_COST.shaft);
  });
});
