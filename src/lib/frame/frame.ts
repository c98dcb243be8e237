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
import { BASE_LABEL, CONTEXT_MIN_ZOOM, MARKER, PLACE, markerRadius, textWidth } from '../cartography/symbols.ts';
import type { Camera, SectionMap } from '../story/section.ts';
import { fitCamera, labelAnchors, overlaps, type Anchor, type Box, type MustShow, type Obstacle, type Viewport } from './camera.ts';
import { dayShown, happens, reachAt, timeAt } from './clock.ts';
import { viewport as projection, zoomAcross } from './mercator.ts';
import { lineDiscs, CLEARANCE, placeNames, type NameToPlace, type PlacedName } from './names.ts';
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
  /**
   * When the page asked (`FrameOptions.scaleBar`): the bottom corner its scale bar goes in, and
   * the point on the ground under the bar's middle, where the live map keeps its shields off.
   */
  scaleBar?: { side: 'left' | 'right'; at: [number, number] };
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
   * The frame chose the first side for a map of known size, clear of the other names: draw the
   * name there. Without a size (embeds), or where the frame could not keep it off another name,
   * `anchors` is only an order of preference, and the live map offers MapLibre every side in
   * that order (it then keeps a name on the side it had before while that stays free, else
   * takes the first free).
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
  /**
   * The size (px) of a scale bar the page lays in a bottom corner of the map (phones): the frame
   * picks the corner with least under it (`Frame.scaleBar`), and no name goes under it.
   */
  scaleBar?: { width: number; height: number };
  /** Cuts instead of flights, end states instead of drawing: progress counts as 1. */
  reducedMotion?: boolean;
  /**
   * The map's size: with it, the camera keeps every labelled place in view (with `framedAs`, in
   * that picture's view) and names' sides are chosen inside the map.
   */
  viewport?: Viewport;
  /**
   * The picture this map takes over from (an embed's still, made at this size): the camera frames
   * what the picture frames, scaled to `viewport`'s width, so the live map replaces it without a
   * jump; names are still placed for the map's own size.
   */
  framedAs?: Viewport;
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

/** Room (px) left between a marker stepped off a dot or marker and what it stepped off. */
const STEP_GAP = 2;

/**
 * The diagonal directions a marker steps off a taken dot, in the order tried when they have equal
 * room. It steps as far as its own size and the size of what is under it ask, no farther: a fixed
 * step sized for the largest put a post 28 px off a small town's dot, where it read as somewhere else.
 */
const STEPS: [number, number][] = [
  [1, -1],
  [-1, -1],
  [1, 1],
  [-1, 1],
];

/** How far (px) past a name's ends another town's dot on its line still reads as the name's own: about an em. */
const BESIDE = 12;

/** What each section works out once for a map (its end state, names on areas, names' sides), with the map it was for: the same on every frame of it. */
const nameCache = new WeakMap<
  SectionMap,
  { key: string; world: StoryWorld; ends?: SectionEnd; baseLabels?: (StoryWorld['baseLabels'][number] & { box: Box | undefined })[]; names?: PlacedName[] }
>();

/** What the section leaves drawn round its names, px: the markers' symbols, arrows and roads, and the scale bar's corner. */
interface SectionEnd {
  obstacles: Obstacle[];
  scaleBar?: NonNullable<Frame['scaleBar']> & { box: Box };
}

/**
 * The map at `progress` (0..1) through a section: a pure function of the section's state, so
 * scrolling down, scrolling back up, reloading and deep-linking all show the same picture.
 */
export function frame(state: SectionMap, progress: number, world: StoryWorld, options: FrameOptions = {}): Frame {
  const t = options.reducedMotion ? 1 : animationTime(progress);
  const time = timeAt(state.date, t);
  /** Whether what is dated `iso` has happened by moment `when`. */
  const by = (when: number) => (iso: string | undefined) => iso === undefined || iso === 'before' || happens(iso) <= when;
  const shown = by(time);
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
  /** The posts and events standing at moment `when`. */
  const locatedAt = (when: number): Located[] => {
    const then = by(when);
    return [
      ...(on('posts') ? world.posts : [])
        .filter((p) => then(p.established))
        .map((p) => ({
          id: p.id,
          lon: p.lon,
          lat: p.lat,
          highlighted: highlight.has(p.id),
          state: (p.encircled && then(p.encircled) ? 'post-encircled' : 'post') as MarkerState,
          ...(p.approximate ? { approximate: true as const } : {}),
        })),
      // The events the section tells of, as they happen.
      ...world.events
        .filter((e) => state.events.includes(e.id) && then(e.date))
        .map((e) => ({
          id: e.id,
          lon: e.lon,
          lat: e.lat,
          highlighted: highlight.has(e.id),
          state: e.kind,
          ...(e.approximate ? { approximate: true as const } : {}),
        })),
    ];
  };
  const located = locatedAt(time);

  // 2. The picture: camera, labels, markers.
  const labelled = state.places.map((id) => {
    const place = world.places[id];
    if (!place) throw new Error(`frame: no place "${id}"`);
    const highlighted = highlight.has(id);
    const size = PLACE.labelSize(place.kind, highlighted);
    return { id, place, highlighted, width: textWidth(place.name, size, highlighted), height: size * 1.2 };
  });
  const base = cameraFor(state, !!options.narrow);
  const mustShow: MustShow[] = [
    // The name's box and the ring it may sit beside.
    ...labelled.map((l) => ({ at: [l.place.lon, l.place.lat] as [number, number], labelWidth: l.width + PLACE.ring, labelHeight: l.height })),
    // Markers called out must show too; the rest may lie beyond the frame.
    ...located.filter((m) => m.highlighted).map((m) => ({ at: [m.lon, m.lat] as [number, number], labelWidth: 0, labelHeight: MARKER.highlighted * 2 })),
  ];
  const fitTo = options.framedAs ?? options.viewport;
  const fitted = fitTo ? fitCamera(base, mustShow, fitTo) : base;
  const camera = options.framedAs && options.viewport ? { ...fitted, zoom: zoomAcross(fitted.zoom, options.framedAs.width, options.viewport.width) } : fitted;
  const view = options.viewport ? projection(camera, options.viewport.width, options.viewport.height) : undefined;
  // A marker on a labelled place's dot, or on another marker, steps diagonally off it, to the
  // side with most room from every other dot and marker: a fixed side put Idlib city's air
  // strike against Binnish's dot, where it read as a strike on Binnish.
  const screen = view ?? projection(camera, 1, 1);
  const dotAt = labelled.map(({ place }) => screen.project(place.lon, place.lat));
  /** What each dot's symbol reaches from its point, px: its ring where it is called out. */
  const dotReach = labelled.map(({ place, highlighted }) => (highlighted ? PLACE.ring + PLACE.ringStroke : PLACE.radius(place.kind) + PLACE.stroke));
  // Markers beyond the map's edges are left out, so the key never explains a symbol nobody can see.
  const inView = ({ lon, lat }: Located) => {
    if (!view || !options.viewport) return true;
    const [x, y] = view.project(lon, lat);
    return x >= 0 && y >= 0 && x <= options.viewport.width && y <= options.viewport.height;
  };
  /** The markers in view, each where it is drawn: stepped off the dots, and off the markers before it. */
  const placeMarkers = (list: Located[]) => {
    // Where each dot and each marker placed so far is drawn, in px, and how far its symbol reaches.
    const taken = dotAt.map(([x, y], i) => ({ x, y, r: dotReach[i]! }));
    // The side (-1 left, 1 right) the markers stepped off each dot went to: the next one off the
    // same dot goes there too, above or below it, and leaves the dot's other side to its name.
    // Stepping by size alone, the strike at Taftanaz air base went up-right of its dot and the
    // post down-left, and no side was left for "Taftanaz air base".
    const sideOff = new Map<(typeof taken)[number], number>();
    return list.filter(inView).map(({ lon, lat, ...mark }) => {
      const [x, y] = screen.project(lon, lat);
      const own = markerRadius(mark.highlighted);
      // Room from everything drawn elsewhere: the dot underneath is as near whichever way it steps.
      const under = taken.filter((t) => Math.hypot(t.x - x, t.y - y) <= 0.5);
      const elsewhere = taken.filter((t) => !under.includes(t));
      // Far enough along both axes for the marker's square to clear what is under it.
      const step = own + Math.max(0, ...under.map((t) => t.r)) + STEP_GAP;
      const room = ([dx, dy]: [number, number]) => Math.min(...elsewhere.map((t) => Math.hypot(x + dx * step - t.x, y + dy * step - t.y)));
      const side = under[0] && sideOff.get(under[0]);
      const ways = STEPS.filter(([dx]) => side === undefined || dx === side);
      const [dx, dy] = under.length ? ways.reduce((best, way) => (room(way) > room(best) ? way : best)) : [0, 0];
      if (under[0] && side === undefined) sideOff.set(under[0], dx);
      const offset: [number, number] = [dx * step, dy * step];
      taken.push({ x: x + offset[0], y: y + offset[1], r: own });
      return { mark: { ...mark, offset }, at: [x + offset[0], y + offset[1]] as const };
    });
  };
  const placed = placeMarkers(located);
  const markers: MarkerMark[] = placed.map(({ mark }) => mark);
  // Each name's side. On a map of known size, chosen (`names.ts`) clear of the other places' dots
  // and rings, of the markers and arrows, of the names on areas (MapLibre hides one that a
  // place's name covers: a "TURKEY" lost under "Bab al-Hawa crossing") and of each other,
  // where it can be: MapLibre keeps names apart itself, but by moving one to its next free side,
  // which may cover a ring. All as the section leaves them, so a name keeps one side for the
  // whole section (while its camera holds, as every section's does) rather than jumping across
  // as an arrow's tip or a new marker reaches it; the scale bar keeps one corner likewise.
  const viewport = options.viewport;
  const key = `${viewport?.width}×${viewport?.height} ${JSON.stringify(camera)} ${JSON.stringify(options.scaleBar ?? null)}`;
  let cached = nameCache.get(state);
  if (!cached || cached.key !== key || cached.world !== world) nameCache.set(state, (cached = { key, world }));
  /** Names on areas (countries, the sea, governorates) written at this zoom, with a view whole inside it and clear of `covered`. */
  const areaNamesIn = (view: ReturnType<typeof projection> | undefined, covered: readonly Box[]) =>
    world.baseLabels
      .filter(({ zoom: [from, to] }) => camera.zoom >= from && camera.zoom < to)
      .map((l) => ({ ...l, box: view && areaNameBox(l, view) }))
      .filter(({ box }) => !box || (inside(box, options.viewport!) && !covered.some((c) => overlaps(c, box))));
  const ends = view && viewport ? (cached.ends ??= sectionEnd(view, viewport)) : undefined;
  // The same for the whole section at this size and camera: worked out once, not on every scroll update.
  const baseLabels = (cached.baseLabels ??= areaNamesIn(view, ends?.scaleBar ? [ends.scaleBar.box] : []));
  let names: PlacedName[];
  if (!view || !viewport || !ends)
    names = labelled.map(({ width, height }) => ({ anchors: labelAnchors(0, 0, width, height, { width: Infinity, height: Infinity }), decided: false }));
  else {
    const areaNames = baseLabels.map((l) => l.box!);
    const toPlace = labelled.map(({ highlighted, width, height }, i): NameToPlace => {
      const [x, y] = dotAt[i]!;
      const r = dotReach[i]! + CLEARANCE;
      return { x, y, width, height, gap: PLACE.labelGap(highlighted), highlighted, dot: { x, y, r, beside: BESIDE } };
    });
    names = cached.names ??= placeNames(toPlace, ends.obstacles, areaNames, viewport, ends.scaleBar ? [ends.scaleBar.box] : []);
  }

  /** The markers and lines as the section leaves them, and the corner of the scale bar with least of them and of the dots under it. */
  function sectionEnd(view: ReturnType<typeof projection>, viewport: Viewport): SectionEnd {
    const end = timeAt(state.date, 1);
    const symbols: Obstacle[] = (end === time ? placed : placeMarkers(locatedAt(end))).map(({ mark, at: [x, y] }) => ({
      x,
      y,
      r: markerRadius(mark.highlighted) + CLEARANCE,
      core: markerRadius(mark.highlighted),
    }));
    // The arrows, and the roads too: a name across the M-5 is still read, but the road is lost under it.
    const lines = state.paths.flatMap(({ id, drawn: [, atEnd] = [1, 1] }) => {
      const samples = world.paths[id]!;
      const { line, head } = slicePath(samples, samples.schedule ? reachAt(samples.schedule, end) : atEnd);
      return lineDiscs(
        id,
        line.map(([lon, lat]) => view.project(lon!, lat!)),
        !!head,
      );
    });
    const obstacles = [...symbols, ...lines];
    const bar = options.scaleBar;
    if (!bar) return { obstacles };
    const { width: w, height: h } = viewport;
    const areaNames = areaNamesIn(view, []);
    const corners = (['right', 'left'] as const).map((side) => {
      const box: Box = side === 'left' ? [0, h - bar.height, bar.width, h] : [w - bar.width, h - bar.height, w, h];
      const under = (x: number, y: number, r: number) => x + r > box[0] && x - r < box[2] && y + r > box[1] && y - r < box[3];
      // A dot or a marker hidden is a place or an event lost; a name on an area ("SYRIA") is left
      // out; a road or an arrow only loses a stretch.
      const dots = dotAt.filter(([x, y], i) => under(x, y, dotReach[i]!)).length;
      const marks = symbols.filter((o) => under(o.x, o.y, o.r)).length;
      const hidden = areaNames.filter((l) => overlaps(l.box!, box)).length;
      const crossing = new Set(lines.filter((o) => under(o.x, o.y, o.r)).map((o) => o.group?.id)).size;
      return { side, box, cost: (dots + marks) * 10 + hidden * 3 + crossing };
    });
    const { side, box } = corners.sort((a, b) => a.cost - b.cost)[0]!;
    return { obstacles, scaleBar: { side, box, at: view.unproject((box[0] + box[2]) / 2, (box[1] + box[3]) / 2) } };
  }
  const places = labelled.map(({ id, highlighted }, i) => ({ id, highlighted, ...names[i]! }));

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
    ...(ends?.scaleBar ? { scaleBar: { side: ends.scaleBar.side, at: ends.scaleBar.at } } : {}),
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

/** The box (px) a name on an area takes on the map, centred on its anchor. */
function areaNameBox(l: StoryWorld['baseLabels'][number], view: ReturnType<typeof projection>): Box {
  const [x, y] = view.project(l.lon, l.lat);
  const { width, height } = baseLabelBox(l.text, l.kind);
  return [x - width / 2, y - height / 2, x + width / 2, y + height / 2];
}

/**
 * Whether a box lies whole inside the map: a name on an area cut by the map's edge
 * ("…erranean", "SYRI"), or half under the scale bar, is dropped rather than drawn in part.
 */
const inside = ([x0, y0, x1, y1]: Box, map: Viewport) => x0 >= 0 && x1 <= map.width && y0 >= 0 && y1 <= map.height;

/** The section as the reader leaves it: what still maps, embeds' posters and share cards show. */
export const endFrame = (state: SectionMap, world: StoryWorld, options: Omit<FrameOptions, 'reducedMotion'> = {}) => frame(state, 1, world, options);
