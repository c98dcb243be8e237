import { describe, expect, it } from 'vitest';
import { COVER_COST, EDGE, GRAZE, SIDES, fitCamera, labelAnchors, labelBox, labelSides } from './camera.ts';
import { viewport } from './mercator.ts';

const camera = { center: [36.7, 35.9] as [number, number], zoom: 10, bearing: 0, pitch: 0 };
const size = { width: 600, height: 400 };
const point = (lon: number, lat: number, labelWidth = 60) => ({ at: [lon, lat] as [number, number], labelWidth, labelHeight: 16 });
const inside = (c: typeof camera, pts: ReturnType<typeof point>[]) =>
  pts.every((p) => {
    const [x, y] = viewport(c, size.width, size.height).project(p.at[0], p.at[1]);
    return x >= EDGE - 0.5 && x <= size.width - EDGE + 0.5 && y >= EDGE && y <= size.height - EDGE;
  });

describe('fitCamera', () => {
  it('keeps a camera whose places all fit, with room for their labels', () => {
    expect(fitCamera(camera, [point(36.7, 35.9), point(36.75, 35.92)], size)).toBe(camera);
  });
  it('moves and, if need be, zooms out until every place fits', () => {
    const far = [point(36.7, 35.9), point(37.1, 35.9), point(36.7, 36.2)];
    expect(inside(camera, far)).toBe(false);
    const fitted = fitCamera(camera, far, size);
    expect(inside(fitted, far)).toBe(true);
    expect(fitted.zoom).toBeLessThan(camera.zoom);
  });
  it('moves the centre first when that is enough', () => {
    const east = [point(36.78, 35.9), point(36.92, 35.91)];
    expect(inside(camera, east)).toBe(false);
    const fitted = fitCamera(camera, east, size);
    expect(fitted.zoom).toBe(camera.zoom);
    expect(fitted.center[0]).toBeGreaterThan(camera.center[0]);
  });
});

describe('labelAnchors', () => {
  it('puts a label right of its point, unless it would run off the right edge', () => {
    expect(labelAnchors(100, 100, 80, 16, size)[0]).toBe('left');
    expect(labelAnchors(560, 100, 80, 16, size)[0]).toBe('right');
  });

  it('puts last the sides where the label would cover another place’s ring or a marker', () => {
    // The four sides straight out from the point, in their order among the eight.
    const straight = (...args: Parameters<typeof labelAnchors>) => labelAnchors(...args).filter((a) => SIDES.includes(a));
    // A called-out town's ring 60 px to the right: the label goes left, then above and below.
    expect(straight(100, 100, 80, 16, size, { obstacles: [{ x: 160, y: 100, r: 13 }], gap: 0 })).toEqual(['right', 'top', 'bottom', 'left']);
    // Rings on both sides: above, then below, then the covered sides in their usual order.
    const both = [
      { x: 160, y: 100, r: 13 },
      { x: 40, y: 100, r: 13 },
    ];
    expect(straight(100, 100, 80, 16, size, { obstacles: both, gap: 0 })).toEqual(['top', 'bottom', 'left', 'right']);
    // A name called out stands 14 px off its point: a marker 30 px below is under it when it goes below.
    const below = { obstacles: [{ x: 100, y: 130, r: 6 }], gap: 14 };
    expect(straight(100, 100, 80, 18, size, below)).toEqual(['left', 'right', 'bottom', 'top']);
    expect(straight(100, 100, 80, 18, size, { ...below, gap: 0 })).toEqual(['left', 'right', 'top', 'bottom']);
    // A name the map's edge would cut goes after one across a ring: the first can't be read at all.
    expect(straight(520, 100, 80, 16, size, { obstacles: [{ x: 450, y: 100, r: 13 }], gap: 6 })).toEqual(['top', 'bottom', 'right', 'left']);
    // Across an arrow before over a ring, and an arrow counts once however many of its discs a name covers.
    const arrow = Array.from({ length: 11 }, (_, i) => ({ x: 70, y: 60 + i * 8, r: 3, group: { id: 'a', cost: 1 } }));
    expect(straight(100, 100, 80, 16, size, { obstacles: [{ x: 160, y: 100, r: 13 }, ...arrow], gap: 0 })).toEqual(['right', 'top', 'bottom', 'left']);
    // Over another name is worse still: MapLibre would move this one to whatever side it finds free.
    const named = { obstacles: [{ x: 20, y: 100, r: 13 }], names: [[150, 95, 230, 111]] as [number, number, number, number][], gap: 0 };
    expect(straight(100, 100, 80, 16, size, named)).toEqual(['top', 'bottom', 'right', 'left']);
    // A name on an area (which MapLibre would hide) costs less than a ring, and an arrow's head
    // as much as one.
    const area = { obstacles: [{ x: 20, y: 100, r: 13 }], areaNames: [[150, 95, 230, 111]] as [number, number, number, number][], gap: 0 };
    expect(straight(100, 100, 80, 16, size, area)).toEqual(['top', 'bottom', 'left', 'right']);
    const head = { obstacles: [{ x: 170, y: 100, r: 6, group: { id: 'a head', cost: 2 } }, ...arrow.map((o) => ({ ...o, x: 40 }))], gap: 0 };
    expect(straight(100, 100, 80, 16, size, head)).toEqual(['top', 'bottom', 'right', 'left']);
    // One clear of every box changes nothing.
    expect(straight(100, 100, 80, 16, size, { obstacles: [{ x: 300, y: 300, r: 13 }], gap: 0 })).toEqual(['left', 'right', 'top', 'bottom']);
  });

  it('tries the corners after the four sides, and takes one only where every side is worse than a line across it', () => {
    // Nothing near: the sides first, then the corners, those on the right first.
    expect(labelAnchors(100, 100, 80, 16, size, { obstacles: [], gap: 6 })).toEqual([
      'left',
      'right',
      'top',
      'bottom',
      'bottom-left',
      'top-left',
      'bottom-right',
      'top-right',
    ]);
    // A corner stands 2 px nearer on each axis than a side, so its name's corner lies 4 px off the point each way.
    expect(labelBox(100, 100, 80, 16, 6, 'bottom-left')).toEqual([104, 80, 184, 96]);
    expect(labelBox(100, 100, 80, 16, 6, 'top-right')).toEqual([16, 104, 96, 120]);
    // A road through the point from lower left to upper right covers left, right, above and below
    // (and two corners), but a corner is no better than a side across a road: a side still wins.
    const line = (dx: number, dy: number, id: string) =>
      Array.from({ length: 21 }, (_, i) => ({ x: 100 + (i - 10) * dx, y: 100 + (i - 10) * dy, r: 3, group: { id, cost: 1 } }));
    const diagonal = line(8, -8, 'diagonal');
    expect(labelAnchors(100, 100, 60, 14, size, { obstacles: diagonal, gap: 6 })[0]).toBe('left');
    // With roads straight across it as well, as at a crossroads, every side costs two roads and
    // the free corners, below right and above left, come first.
    const crossroads = [...diagonal, ...line(8, 0, 'across'), ...line(0, 8, 'down')];
    const sides = labelSides(100, 100, 60, 14, size, { obstacles: crossroads, gap: 6 });
    expect(sides.slice(0, 2)).toEqual([
      { anchor: 'top-left', cost: 1 },
      { anchor: 'bottom-right', cost: 1 },
    ]);
    expect(sides[2]!.cost).toBe(2);
  });

  it('puts a name the page’s scale bar would cover with those the map’s edge cuts', () => {
    // The bar over where the name would go right of its point: left, above and below come first.
    const covered: [number, number, number, number][] = [[150, 90, 260, 110]];
    const sides = labelSides(100, 100, 80, 16, size, { obstacles: [], covered, gap: 6 });
    expect(sides.find((side) => side.anchor === 'left')!.cost).toBe(COVER_COST.edge);
    expect(sides[0]!.anchor).toBe('right');
  });

  it('counts a dot just past a name’s end, on its line, as covered, as a reader would take it for the name’s', () => {
    // The name right of its point spans x 100..180, y 92..108. A dot 8 px past its end:
    const after = (y: number, beside?: number) =>
      labelSides(100, 100, 80, 16, size, { obstacles: [{ x: 193, y, r: 5, ...(beside ? { beside } : {}) }], gap: 0 });
    const cost = (sides: ReturnType<typeof after>) => sides.find((side) => side.anchor === 'left')!.cost;
    expect(cost(after(100))).toBe(0);
    expect(cost(after(100, 12))).toBe(2);
    // Below the name's line, it is not on it.
    expect(cost(after(116, 12))).toBe(0);
  });

  it('charges a name that only comes into the room round a thing less than one over the thing itself', () => {
    // The name right of its point spans x 100..180, y 92..108; a marker's square reaches 6 px
    // from its point, with 3 px of room kept round it (r 9, core 6).
    const at = (y: number, core?: number) =>
      labelSides(100, 100, 80, 16, size, { obstacles: [{ x: 140, y, r: 9, ...(core === undefined ? {} : { core }) }], gap: 0 }).find(
        (side) => side.anchor === 'left',
      )!.cost;
    // Its point 8 px below the box: the square clears it, its room does not.
    expect(at(116, 6)).toBe(2 * GRAZE);
    // 5 px below: the square is under the name.
    expect(at(113, 6)).toBe(2);
    // Without a core, any touch is the whole cost, as before.
    expect(at(116)).toBe(2);
    // Clear of the room: nothing.
    expect(at(118, 6)).toBe(0);
  });

  it('counts a stretch of line across a name’s corner, though both its ends lie beyond reach', () => {
    // From 4 px left of the box [100, 92, 180, 108] to 3.5 px below it, cutting its corner at (100, 106).
    const stretch = { x: 96, y: 102, r: 3.25, core: 0, to: [105.5, 111.5] as [number, number], group: { id: 'road', cost: 1 } };
    const left = (o: typeof stretch | Omit<typeof stretch, 'to'>) =>
      labelSides(100, 100, 80, 16, size, { obstacles: [o], gap: 0 }).find((side) => side.anchor === 'left')!.cost;
    expect(left(stretch)).toBe(1);
    const { to: _, ...ends } = stretch;
    expect(left(ends)).toBe(0);
  });
});
