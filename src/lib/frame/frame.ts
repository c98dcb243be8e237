import {
  AREA_LAYERS,
  AREA_LAYER_KINDS,
  LAYER_IDS,
  type AreaKind,
  type BaseLabelKind,
  type EventKind,
  type LayerId,
  type MarkerState,
  type PlaceKind,
} from '../cartography/layers.ts';
import { ARROW, BASE_LABEL, CONTEXT_MIN_ZOOM, LINES, MARKER, PLACE, textWidth } from '../cartography/symbols.ts';
import type { Camera, SectionMap } from '../story/section.ts';
import { COVER_COST, fitCamera, labelAnchors, labelBox, labelSides, type Anchor, type Box, type MustShow, type Obstacle, type Viewport } from './camera.ts';
import { dayShown, happens, reachAt, timeAt } from './clock.ts';
import { viewport as projection } from './mercator.ts';
import { slicePath, type PathSamples, type PathSlice } from './paths.ts';

/**
 * What a renderer draws for one moment of the story, every drawing decision already made. The
 * moment's date comes first and decides everything dated: how far each arrow has reached, which
 * front and held ground show, which Turkish posts stand and whether they are cut off, which
 * events have happened. Then what is drawn how: places labelled and called out (and on which side
 * their labels go), markers moved off the dots they would hide, paths in drawing order. The live
 * renderer (`src/lib/map/renderer.ts`) and the still one (`src/lib/svg/renderSvg.ts`) only draw it.
 */
export interface Frame {
  camera: Camera;
  /** The day the timeline shows, ISO `YYYY-MM-DD`. */
  date: string;
  /** Story layers shown, bottom to top. */
  layers: LayerId[];
  /** Area features shown (their ids in `areas.geojson`), across all area layers. */
  areas: AreaMark[];
  /** The front snapshot in force, when the section shows control. */
  front: { id: string; date: string } | undefined;
  /** Places labelled, called-out ones first (they win where labels collide). */
  places: PlaceMark[];
  /** Posts and events shown, in their state on the day; with a viewport, only those inside the map. */
  markers: MarkerMark[];
  /** Roads, then movements over them. */
  paths: PathSlice[];
  /** Names of countries, the sea and governorates written at this zoom (anchor ids of `labels.geojson`). */
  baseLabels: string[];
  /** Close-ups also name the towns around the story's places, small and grey. */
  contextTowns: boolean;
}

export interface AreaMark {
  id: string;
  kind: AreaKind;
}

export interface PlaceMark {
  id: string;
  highlighted: boolean;
  /** Where its label goes, in order of preference. */
  anchors: Anchor[];
  /**
   * The frame chose the first side for a map of known size, clear of the other names as far as
   * it can: draw the name there. Without a size (embeds) `anchors` is only an order of
   * preference, and the live map offers MapLibre every side in that order (it then keeps a name
   * on the side it had before while that stays free, else takes the first free).
   */
  decided: boolean;
}

export interface MarkerMark {
  id: string;
  state: MarkerState;
  highlighted: boolean;
  /** Moved this far (px) off the point, so it does not hide the place dot it shares. */
  offset: [number, number];
  /** Drawn at its town's point: the thing itself was not located (the key says so). */
  approximate?: true;
}

/** A labelled place, as the frame needs it to keep it in view and its label inside the map. */
export interface WorldPlace {
  name: string;
  lon: number;
  lat: number;
  kind: PlaceKind;
}

/** What `frame()` needs beyond a section's state, from `story.json` (`src/build/payload.ts`). */
export interface StoryWorld {
  paths: Readonly<Record<string, PathSamples>>;
  places: Readonly<Record<string, WorldPlace>>;
  /** The front snapshots in date order, each with its held ground and the ground taken since the first. */
  fronts: readonly { id: string; date: string; heldId: string; takenId?: string }[];
  /** Dated areas other than the fronts' (contested ground, strikes), shown from their day. */
  areas: readonly { id: string; kind: AreaKind; date: string }[];
  posts: readonly { id: string; lon: number; lat: number; established?: string; encircled?: string; approximate?: true }[];
  events: readonly { id: string; kind: EventKind; lon: number; lat: number; date: string; approximate?: true }[];
  /** Anchors of the names written on areas (countries, the sea, governorates), each for a range of zoom [from, to). */
  baseLabels: readonly { id: string; zoom: [number, number]; text: string; kind: BaseLabelKind; lon: number; lat: number }[];
}

export interface FrameOptions {
  /** Phones use the section's `narrow` camera overrides. */
  narrow?: boolean;
  /** Cuts instead of flights, end states instead of drawing: progress counts as 1. */
  reducedMotion?: boolean;
  /** The map's size: with it, the camera keeps every labelled place in view and labels inside the map. */
  viewport?: Viewport;
}

/**
 * Within a section, drawing happens while the reader moves through this part of it, so the
 * section's end state is complete well before the next one takes over.
 */
export const ANIMATION_WINDOW: readonly [number, number] = [0.1, 0.7];

/** Animation time moves in steps this fine: finer than the eye can follow, coarse enough that
 * most scroll events change nothing and cost nothing. */
const TIME_STEP = 1 / 400;

/** Progress through a section (0..1) mapped to animation time (0..1), eased at both ends. */
export function animationTime(progress: number): number {
  const [start, end] = ANIMATION_WINDOW;
  const t = Math.min(1, Math.max(0, (progress - start) / (end - start)));
  return Math.round((t * t * (3 - 2 * t)) / TIME_STEP) * TIME_STEP;
}

/** The section's camera, with its `narrow` overrides on phones. */
export function cameraFor(state: SectionMap, narrow: boolean): Camera {
  if (!narrow || !state.narrow) return state.camera;
  const overrides = Object.entries(state.narrow).filter(([, value]) => value !== undefined);
  return { ...state.camera, ...Object.fromEntries(overrides) };
}

/** The story layer that draws an area kind. */
const areaLayer = (kind: AreaKind) => AREA_LAYERS.find((layer) => AREA_LAYER_KINDS[layer].includes(kind));

/** Roads under movements; otherwise the section's own order. */
const drawingOrder = (a: PathSlice, b: PathSlice) => Number(a.kind !== 'road') - Number(b.kind !== 'road');

/** How far apart (px) a marker and a dot must be for neither to hide the other. */
const CLEAR = MARKER.highlighted + PLACE.ring;

/** The diagonal steps (px) off a taken dot, in the order tried when they have equal room. */
const STEPS: [number, number][] = [
  [CLEAR, -CLEAR],
  [-CLEAR, -CLEAR],
  [CLEAR, CLEAR],
  [-CLEAR, CLEAR],
];

/** How far (px) a name keeps off another place's dot or a marker, to read as not theirs. */
const CLEARANCE = 3;

/** How far apart (px) the discs that stand for an arrow's shaft are: less than a name is tall. */
const ARROW_STEP = 8;

/** Discs every `step` px or less along a line on screen (px), each `r` px across its centre. */
function discsAlong(points: [number, number][], step: number, r: number): Obstacle[] {
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
function headDiscs(points: [number, number][]): Obstacle[] {
  const [tx, ty] = points.at(-1)!;
  // The way back from the tip: along the last stretch of the line at least a few px long.
  const from = points.findLast(([x, y]) => Math.hypot(x - tx, y - ty) > 1) ?? [tx, ty + 1];
  const d = Math.hypot(from[0] - tx, from[1] - ty);
  const [bx, by] = [(from[0] - tx) / d, (from[1] - ty) / d];
  const at = (back: number, side: number, r: number): Obstacle => ({ x: tx + bx * back - by * side, y: ty + by * back + bx * side, r });
  const [, [wing, length]] = ARROW.points;
  return [at(0, 0, 3), at(length / 2, 0, wing * 0.6), at(length, wing, 3), at(length, -wing, 3)];
}

/** The last arrows worked out for each section, with the map they were for: the same on every frame of it. */
const arrowCache = new WeakMap<SectionMap, { key: string; world: StoryWorld; arrows: Obstacle[] }>();

/** A section's movements as it leaves them, on screen, as discs (`discsAlong`, `headDiscs`). */
function arrowsOnScreen(state: SectionMap, world: StoryWorld, view: { project(lon: number, lat: number): [number, number] }, key: string): Obstacle[] {
  const cached = arrowCache.get(state);
  if (cached && cached.key === key && cached.world === world) return cached.arrows;
  const arrows = state.paths.flatMap(({ id, drawn: [, atEnd] = [1, 1] }) => {
    const samples = world.paths[id]!;
    if (samples.kind === 'road') return [];
    const { line, head } = slicePath(samples, samples.schedule ? reachAt(samples.schedule, timeAt(state.date, 1)) : atEnd);
    const onScreen = line.map(([lon, lat]) => view.project(lon!, lat!));
    const shaft = { id, cost: COVER_COST.shaft };
    const tip = { id: `${id} head`, cost: COVER_COST.point };
    return [
      ...discsAlong(onScreen, ARROW_STEP, LINES.movement.casing / 2).map((o) => ({ ...o, group: shaft })),
      ...(head ? headDiscs(onScreen).map((o) => ({ ...o, group: tip })) : []),
    ];
  });
  arrowCache.set(state, { key, world, arrows });
  return arrows;
}

/**
 * The map at `progress` (0..1) through a section: a pure function of the section's state, so
 * scrolling down, scrolling back up, reloading and deep-linking all show the same picture.
 */
export function frame(state: SectionMap, progress: number, world: StoryWorld, options: FrameOptions = {}): Frame {
  const t = options.reducedMotion ? 1 : animationTime(progress);
  const time = timeAt(state.date, t);
  const shown = (iso: string | undefined) => iso === undefined || iso === 'before' || happens(iso) <= time;
  const layers = LAYER_IDS.filter((id) => state.layers.includes(id));
  const on = (id: LayerId) => layers.includes(id);

  // 1. The clock: everything dated.
  const paths = state.paths
    .map(({ id, drawn: [atStart, atEnd] = [1, 1] }) => {
      const samples = world.paths[id];
      if (!samples) throw new Error(`frame: no samples for path "${id}"`);
      // Movements reach as far as their dated stops say; roads draw with the reader.
      const fraction = samples.schedule ? reachAt(samples.schedule, time) : atStart + (atEnd - atStart) * t;
      return slicePath(samples, fraction);
    })
    .sort(drawingOrder);
  const fronts = world.fronts.filter((f) => shown(f.date));
  const front = fronts.at(-1) ?? world.fronts[0];
  const areas: AreaMark[] = [
    ...(front && on('control')
      ? [
          { id: front.heldId, kind: 'control' as const },
          { id: front.id, kind: 'front-line' as const },
        ]
      : []),
    ...(front?.takenId && on('taken') ? [{ id: front.takenId, kind: 'taken' as const }] : []),
    ...world.areas.filter((a) => areaLayer(a.kind) !== undefined && on(areaLayer(a.kind)!) && shown(a.date)).map(({ id, kind }) => ({ id, kind })),
  ];
  const highlight = new Set(state.highlight);
  type Located = Omit<MarkerMark, 'offset'> & { lon: number; lat: number };
  const located: Located[] = [
    ...(on('posts') ? world.posts : [])
      .filter((p) => shown(p.established))
      .map((p) => ({
        id: p.id,
        lon: p.lon,
        lat: p.lat,
        highlighted: highlight.has(p.id),
        state: (p.encircled && shown(p.encircled) ? 'post-encircled' : 'post') as MarkerState,
        ...(p.approximate ? { approximate: true as const } : {}),
      })),
    // The events the section tells of, as they happen.
    ...world.events
      .filter((e) => state.events.includes(e.id) && shown(e.date))
      .map((e) => ({
        id: e.id,
        lon: e.lon,
        lat: e.lat,
        highlighted: highlight.has(e.id),
        state: e.kind,
        ...(e.approximate ? { approximate: true as const } : {}),
      })),
  ];

  // 2. The picture: camera, labels, markers.
  const labelled = state.places.map((id) => {
    const place = world.places[id];
    if (!place) throw new Error(`frame: no place "${id}"`);
    const highlighted = highlight.has(id);
    const size = PLACE.labelSize(place.kind, highlighted);
    return { id, place, highlighted, width: textWidth(place.name, size, highlighted) + PLACE.ring, height: size * 1.2 };
  });
  const base = cameraFor(state, !!options.narrow);
  const mustShow: MustShow[] = [
    ...labelled.map((l) => ({ at: [l.place.lon, l.place.lat] as [number, number], labelWidth: l.width, labelHeight: l.height })),
    // Markers called out must show too; the rest may lie beyond the frame.
    ...located.filter((m) => m.highlighted).map((m) => ({ at: [m.lon, m.lat] as [number, number], labelWidth: 0, labelHeight: MARKER.highlighted * 2 })),
  ];
  const camera = options.viewport ? fitCamera(base, mustShow, options.viewport) : base;
  const view = options.viewport ? projection(camera, options.viewport.width, options.viewport.height) : undefined;
  // A marker on a labelled place's dot, or on another marker, steps diagonally off it, to the
  // side with most room from every other dot and marker: a fixed side put Idlib city's air
  // strike against Binnish's dot, where it read as a strike on Binnish.
  const screen = view ?? projection(camera, 1, 1);
  // Where each dot and each marker placed so far is drawn, in px.
  const taken = labelled.map(({ place }) => screen.project(place.lon, place.lat));
  // Markers beyond the map's edges are left out, so the key never explains a symbol nobody can see.
  const inView = ({ lon, lat }: Located) => {
    if (!view || !options.viewport) return true;
    const [x, y] = view.project(lon, lat);
    return x >= 0 && y >= 0 && x <= options.viewport.width && y <= options.viewport.height;
  };
  const markers = located.filter(inView).map(({ lon, lat, ...mark }) => {
    const [x, y] = screen.project(lon, lat);
    // Room from everything drawn elsewhere: the dot underneath is as near whichever way it steps.
    const elsewhere = taken.filter(([tx, ty]) => Math.hypot(tx - x, ty - y) > 0.5);
    const room = ([dx, dy]: [number, number]) => Math.min(...elsewhere.map(([tx, ty]) => Math.hypot(x + dx - tx, y + dy - ty)));
    const onTaken = elsewhere.length < taken.length;
    const offset: [number, number] = onTaken ? STEPS.reduce((best, step) => (room(step) > room(best) ? step : best)) : [0, 0];
    taken.push([x + offset[0], y + offset[1]]);
    return { ...mark, offset };
  });
  // Each name on the side clear of the other places' dots and rings and of the markers where it
  // can. `taken` holds the dots, then each marker where it stepped to.
  const dots: (Obstacle & { id: string })[] = labelled.map(({ id, place, highlighted }, i) => {
    const [x, y] = taken[i]!;
    return { id, x, y, r: (highlighted ? PLACE.ring + PLACE.ringStroke : PLACE.radius(place.kind) + PLACE.stroke) + CLEARANCE };
  });
  const symbols: Obstacle[] = markers.map((m, i) => {
    const [x, y] = taken[labelled.length + i]!;
    return { x, y, r: (m.highlighted ? MARKER.highlighted : MARKER.radius) + CLEARANCE };
  });
  // And clear of the arrows, as the section leaves them: a name keeps one side for the whole
  // section rather than jumping across as an arrow's tip passes it.
  const arrows: Obstacle[] = view ? arrowsOnScreen(state, world, view, `${options.viewport!.width}×${options.viewport!.height} ${JSON.stringify(camera)}`) : [];
  // Names on areas (countries, the sea, governorates) written at this zoom, whole inside the map.
  const baseLabels = world.baseLabels
    .filter(({ zoom: [from, to] }) => camera.zoom >= from && camera.zoom < to)
    .filter((l) => !view || inside(view.project(l.lon, l.lat), baseLabelBox(l.text, l.kind), options.viewport!));
  // And clear of the names on areas where it can (MapLibre hides one that a place's name covers:
  // a "TURKEY" lost under "Bab al-Hawa crossing"), and of the names chosen before it. MapLibre
  // keeps names apart itself, but by moving one to its next side, which may cover a ring. Chosen
  // here, each name's first side is clear of the others' where it can be: called-out names first
  // (MapLibre places them first), then the names with the fewest sides clear of everything
  // else, so a crowded place is not left only bad sides by a neighbour that had a choice.
  const viewport = options.viewport;
  const anchorsOf = new Map<number, Anchor[]>();
  if (!view || !viewport)
    labelled.forEach(({ width, height }, i) => anchorsOf.set(i, labelAnchors(0, 0, width, height, { width: Infinity, height: Infinity })));
  else {
    const areaNames = baseLabels.map((l): Box => {
      const [x, y] = view.project(l.lon, l.lat);
      const { width, height } = baseLabelBox(l.text, l.kind);
      return [x - width / 2, y - height / 2, x + width / 2, y + height / 2];
    });
    const sideOf = labelled.map(({ id, highlighted, width, height }, i) => {
      const { x, y } = dots[i]!;
      const avoid = { obstacles: [...dots.filter((d) => d.id !== id), ...symbols, ...arrows], areaNames, gap: PLACE.labelGap(highlighted) };
      return {
        choose: (names: Box[]) => labelAnchors(x, y, width, height, viewport, { ...avoid, names }),
        box: (anchor: Anchor) => labelBox(x, y, width, height, avoid.gap, anchor),
        clear: labelSides(x, y, width, height, viewport, avoid).filter((side) => side.cost === 0).length,
      };
    });
    const names: Box[] = [];
    const order = [...labelled.keys()].sort(
      (a, b) => Number(labelled[b]!.highlighted) - Number(labelled[a]!.highlighted) || sideOf[a]!.clear - sideOf[b]!.clear,
    );
    for (const i of order) {
      const anchors = sideOf[i]!.choose(names);
      names.push(sideOf[i]!.box(anchors[0]!));
      anchorsOf.set(i, anchors);
    }
  }
  const places = labelled.map(({ id, highlighted }, i) => ({ id, highlighted, anchors: anchorsOf.get(i)!, decided: !!view }));

  return {
    camera,
    date: dayShown(time),
    layers,
    areas,
    front: front && on('control') ? { id: front.id, date: front.date } : undefined,
    places: [...places.filter((p) => p.highlighted), ...places.filter((p) => !p.highlighted)],
    markers,
    paths,
    baseLabels: baseLabels.map((l) => l.id),
    contextTowns: camera.zoom >= CONTEXT_MIN_ZOOM,
  };
}

/**
 * The box (px) MapLibre draws a name on an area in, centred on its anchor: the style's size and
 * letter spacing, wrapped at its text-max-width of 8 ems into lines of about equal length.
 */
export function baseLabelBox(text: string, kind: BaseLabelKind): { width: number; height: number } {
  const size = BASE_LABEL[kind];
  const width = (t: string) => textWidth(t, size) + BASE_LABEL.spacing * size * Math.max(0, [...t].length - 1);
  const lines = Math.max(1, Math.ceil(width(text) / (8 * size)));
  const longestWord = Math.max(...text.split(/\s+/).map(width));
  return { width: lines === 1 ? width(text) : Math.max(longestWord, width(text) / lines), height: lines * size * 1.2 };
}

/**
 * Whether a box centred at `at` lies whole inside the map: a name on an area cut by the map's
 * edge ("…erranean", "SYRI") is dropped rather than drawn in part.
 */
const inside = ([x, y]: [number, number], { width, height }: { width: number; height: number }, map: Viewport) =>
  x - width / 2 >= 0 && x + width / 2 <= map.width && y - height / 2 >= 0 && y + height / 2 <= map.height;

/** The section as the reader leaves it: what still maps, embeds' posters and share cards show. */
export const endFrame = (state: SectionMap, world: StoryWorld, options: Omit<FrameOptions, 'reducedMotion'> = {}) => frame(state, 1, world, options);
