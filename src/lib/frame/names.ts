import { ARROW, LINES } from '../cartography/symbols.ts';
import { COVER_COST, labelBox, labelSides, namesTouch, type Anchor, type Box, type Obstacle, type Viewport } from './camera.ts';

/**
 * Which side of its dot each place's name goes on, for a map of known size: `frame()` decides it
 * once per section and map (`frame.ts`), against everything drawn round the names as the section
 * leaves it, so a name keeps one side while arrows grow and markers appear.
 */

/** How far (px) a name keeps off another place's dot or a marker, to read as not theirs. */
export const CLEARANCE = 3;

/** How far apart (px) the discs that stand for an arrow's shaft are: less than a name is tall. */
const ARROW_STEP = 8;

/** Discs every `step` px or less along a line on screen (px), each `r` px across its centre. */
function discsAlong(points: readonly [number, number][], step: number, r: number): Obstacle[] {
  const discs: Obstacle[] = points.length ? [{ x: points[0]![0], y: points[0]![1], r }] : [];
  for (let i = 1; i < points.length; i++) {
    const [x0, y0] = points[i - 1]!;
    const [x1, y1] = points[i]!;
    const n = Math.ceil(Math.hypot(x1 - x0, y1 - y0) / step);
    for (let k = 1; k <= n; k++) discs.push({ x: x0 + ((x1 - x0) * k) / n, y: y0 + ((y1 - y0) * k) / n, r });
  }
  return discs;
}

/**
 * The arrow head at the end of a line on screen, as discs over its tip, its middle and its two
 * barbs (`ARROW`, drawn pointing the way the line's last stretch runs).
 */
function headDiscs(points: readonly [number, number][]): Obstacle[] {
  const [tx, ty] = points.at(-1)!;
  // The way back from the tip: along the last stretch of the line at least a few px long.
  const from = points.findLast(([x, y]) => Math.hypot(x - tx, y - ty) > 1) ?? [tx, ty + 1];
  const d = Math.hypot(from[0] - tx, from[1] - ty);
  const [bx, by] = [(from[0] - tx) / d, (from[1] - ty) / d];
  const at = (back: number, side: number, r: number): Obstacle => ({ x: tx + bx * back - by * side, y: ty + by * back + bx * side, r });
  const [, [wing, length]] = ARROW.points;
  return [at(0, 0, 3), at(length / 2, 0, wing * 0.6), at(length, wing, 3), at(length, -wing, 3)];
}

/**
 * An arrow or a road drawn along `line` (px) as the discs a name must keep off: its shaft, which
 * costs a name once however many of its discs the name covers (in full where the line runs
 * through the name's box, `GRAZE` of it where it only runs along its edge), and an arrow's head,
 * if drawn, which costs as a dot.
 */
export function lineDiscs(id: string, line: readonly [number, number][], head: boolean): Obstacle[] {
  const shaft = { id, cost: COVER_COST.shaft };
  const tip = { id: `${id} head`, cost: COVER_COST.point };
  return [
    // Under a name only where the line itself runs through its box; along its edge, a graze.
    ...discsAlong(line, ARROW_STEP, LINES.movement.casing / 2).map((o, i, all) => ({
      ...o,
      core: 0,
      ...(all[i + 1] ? { to: [all[i + 1]!.x, all[i + 1]!.y] as [number, number] } : {}),
      group: shaft,
    })),
    ...(head && line.length ? headDiscs(line).map((o) => ({ ...o, group: tip })) : []),
  ];
}

/** A place's name to put beside its dot at `x`, `y` (px): its box's size and its gap off the dot. */
export interface NameToPlace {
  x: number;
  y: number;
  width: number;
  height: number;
  gap: number;
  highlighted: boolean;
  /** The dot or ring it names, as the other names must keep off it. */
  dot: Obstacle;
}

export interface PlacedName {
  /** Its sides, the chosen one first. */
  anchors: Anchor[];
  /**
   * False where the chosen side still touches another name: MapLibre may then move it to a side
   * free of other names (it sees no dots or rings) rather than draw the two across each other.
   */
  decided: boolean;
}

/** Work allowed the search for the best sides (nodes visited): far more than the story's maps need. */
const SEARCH_LIMIT = 200_000;

/**
 * Every name's side, each as clear as it can be of the other places' dots, of `obstacles`
 * (markers, arrows), of `areaNames` and of each other (costs in `COVER_COST`): the sides with
 * the least cost over all the names, counting two names that touch once.
 *
 * A search over every choice, cut short where what is already chosen costs as much as the best
 * found so far. It starts from a greedy pass (called-out names first, as MapLibre places them,
 * then those with the fewest free sides, each on its cheapest side given those before it), so
 * that bound is tight from the start; a greedy pass alone can leave a name on a ring that a
 * neighbour with other free sides could have made room for. Where totals tie, the greedy pass's
 * choice stands. A side the map's edge cuts, or that the page's furniture covers (`covered`), costs
 * more than all else together (`COVER_COST.edge`), so a name with no other side still leaves the
 * search to do its work for the rest.
 */
export function placeNames(
  names: readonly NameToPlace[],
  obstacles: readonly Obstacle[],
  areaNames: readonly Box[],
  viewport: Viewport,
  covered: readonly Box[] = [],
): PlacedName[] {
  const n = names.length;
  // Each name's sides, cheapest first, costed without the other names; then each side's box.
  const sides = names.map((name, i) => {
    const avoid = { obstacles: [...names.filter((_, j) => j !== i).map((o) => o.dot), ...obstacles], areaNames, covered, gap: name.gap };
    return labelSides(name.x, name.y, name.width, name.height, viewport, avoid).map(({ anchor, cost }) => ({
      anchor,
      cost,
      box: labelBox(name.x, name.y, name.width, name.height, name.gap, anchor),
    }));
  });
  const free = sides.map((list) => list.filter((side) => side.cost === 0).length);
  const order = [...names.keys()].sort((a, b) => Number(names[b]!.highlighted) - Number(names[a]!.highlighted) || free[a]! - free[b]!);
  const touching = (i: number, s: number, chosen: readonly number[]) =>
    order.filter((j) => j !== i && chosen[j] !== undefined && namesTouch(sides[i]![s]!.box, sides[j]![chosen[j]!]!.box)).length;
  const costOf = (i: number, s: number, chosen: readonly number[]) => sides[i]![s]!.cost + touching(i, s, chosen) * COVER_COST.name;

  // The greedy pass.
  const best: number[] = [];
  let bestCost = 0;
  for (const i of order) {
    const costs = sides[i]!.map((_, s) => costOf(i, s, best));
    best[i] = costs.indexOf(Math.min(...costs));
    bestCost += costs[best[i]!]!;
  }
  // What the names not yet chosen cost at least: each its cheapest side, touching nothing.
  const floor = [...order, n].map((_, k) => order.slice(k).reduce((sum, i) => sum + sides[i]![0]!.cost, 0));
  const chosen: number[] = [];
  let visits = 0;
  const search = (k: number, cost: number): void => {
    if (++visits > SEARCH_LIMIT || cost + floor[k]! >= bestCost) return;
    if (k === n) {
      bestCost = cost;
      order.forEach((i) => (best[i] = chosen[i]!));
      return;
    }
    const i = order[k]!;
    sides[i]!.forEach((_, s) => {
      chosen[i] = s;
      search(k + 1, cost + costOf(i, s, chosen));
    });
    delete chosen[i];
  };
  search(0, 0);

  return names.map((_, i) => {
    const mine = sides[i]![best[i]!]!;
    const others = sides[i]!.map((side, s) => ({ side, cost: costOf(i, s, best) })).filter(({ side }) => side !== mine);
    return {
      anchors: [mine.anchor, ...others.sort((a, b) => a.cost - b.cost).map(({ side }) => side.anchor)],
      decided: touching(i, best[i]!, best) === 0,
    };
  });
}
