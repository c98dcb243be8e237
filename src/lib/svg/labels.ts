import { textWidth } from '../cartography/symbols.ts';
import { anchorDirection, crosses, overlaps, type Anchor, type Box, type Segment } from '../frame/camera.ts';

/** A rectangle in pixels: left, top, right, bottom (the frame's `Box`). */
export type Rect = Box;
const within = (a: Rect, b: Rect) => a[0] >= b[0] && a[2] <= b[2] && a[1] >= b[1] && a[3] <= b[3];

export interface LabelRequest {
  id: string;
  /** One or more lines, drawn one under the other. */
  lines: string[];
  /** The labelled point and the radius of its dot. */
  x: number;
  y: number;
  radius: number;
  size: number;
  bold: boolean;
  /** Drawn even where it overlaps other labels (a place the story names must be named). */
  required: boolean;
  /** Where to try first, as the frame decided (`frame/camera.ts`); the diagonals follow. */
  anchors?: readonly Anchor[];
}

export interface PlacedLabel extends LabelRequest {
  /** Where the text is anchored: the first line's baseline. */
  tx: number;
  ty: number;
  anchor: 'start' | 'middle' | 'end';
  box: Rect;
}

export const LINE_HEIGHT = 1.2;

/** Right, left, above, below, then the diagonals: the cartographer's usual order. */
const POSITIONS: [number, number][] = [
  [1, 0],
  [-1, 0],
  [0, -1],
  [0, 1],
  [1, -1],
  [1, 1],
  [-1, -1],
  [-1, 1],
];
const positionsFor = (anchors: readonly Anchor[] | undefined): [number, number][] => {
  if (!anchors) return POSITIONS;
  const first = anchors.map(anchorDirection);
  return [...first, ...POSITIONS.filter(([x, y]) => !first.some(([fx, fy]) => fx === x && fy === y))];
};

function candidate(label: LabelRequest, [dx, dy]: [number, number]): PlacedLabel {
  const w = Math.max(...label.lines.map((line) => textWidth(line, label.size, label.bold)));
  const h = label.size * LINE_HEIGHT * label.lines.length;
  // Beside the dot and clear of it, straight out or diagonally off the corner of its box.
  const gap = dx !== 0 && dy !== 0 ? label.radius + 1 : label.radius + 3;
  const cx = label.x + dx * gap;
  const cy = label.y + dy * (gap + h / 2);
  const left = dx > 0 ? cx : dx < 0 ? cx - w : cx - w / 2;
  const anchor = dx > 0 ? 'start' : dx < 0 ? 'end' : 'middle';
  // A baseline 0.35 em below a line's middle centres its lower-case letters there.
  const ty = cy - h / 2 + label.size * (LINE_HEIGHT / 2 + 0.35);
  return { ...label, tx: cx, ty, anchor, box: [left, cy - h / 2, left + w, cy + h / 2] };
}

export interface Obstacles {
  /** Never covered: dots, symbols, the legend, the credits. */
  hard: Rect[];
  /** Avoided where a clear position exists: roads and movements, their arrow heads. */
  soft: Segment[];
}

/**
 * Places labels in priority order beside their points, in the first position that stays in the
 * picture and clear of everything placed before it, and of lines too where it can. A label with
 * no clear position is dropped, as MapLibre drops colliding labels, unless it is `required`:
 * then it takes its first position inside the picture.
 */
export function placeLabels(requests: LabelRequest[], obstacles: Obstacles, width: number, height: number): PlacedLabel[] {
  const view: Rect = [4, 4, width - 4, height - 4];
  const hard = [...obstacles.hard];
  const placed: PlacedLabel[] = [];
  for (const request of requests) {
    const options = positionsFor(request.anchors)
      .map((p) => candidate(request, p))
      .filter(({ box }) => within(box, view));
    const free = options.filter(({ box }) => !hard.some((t) => overlaps(box, t)));
    const chosen = free.find(({ box }) => !obstacles.soft.some((s) => crosses(s, box))) ?? free[0] ?? (request.required ? options[0] : undefined);
    if (!chosen) continue;
    placed.push(chosen);
    hard.push(chosen.box);
  }
  return placed;
}

/** Breaks text into lines no wider than `maxWidth` px, at spaces, as MapLibre's `text-max-width`. */
export function wrap(text: string, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && textWidth(`${last} ${word}`, size) <= maxWidth) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}
