import type { Feature, FeatureCollection } from 'geojson';
import type { AreaKind, MarkerState, PlaceKind } from '../cartography/layers.ts';
import { legendFor, type LegendEntry } from '../cartography/legend.ts';
import { LIGHT, type Palette } from '../cartography/palette.ts';
import {
  ARROW,
  BASE_LABEL,
  CONTEXT,
  FONTS,
  LINES,
  MARKER,
  MARKER_SHAPES,
  PLACE,
  ROADS,
  SHIELD,
  areaDashed,
  areaFill,
  markerOutline,
  markerRadius,
  roadStyle,
  textWidth,
} from '../cartography/symbols.ts';
import type { Segment } from '../frame/camera.ts';
import type { Frame } from '../frame/frame.ts';
import { scaleBar, viewport } from '../frame/mercator.ts';
import type { PathSlice } from '../frame/paths.ts';
import { geometryPath, geometryPoints, px, screenLinePath } from './geometry.ts';
import { LINE_HEIGHT, placeLabels, wrap, type LabelRequest, type PlacedLabel, type Rect } from './labels.ts';

/** What a picture needs of a place: capitals and cities get bigger dots and type. */
export interface MapPlace {
  name: string;
  lon: number;
  lat: number;
  kind: PlaceKind;
  rank: number;
}

/** What the still maps draw from, beyond the frame: the same datasets the live map loads (`src/build/mapData.ts`). */
export interface MapData {
  countries: FeatureCollection;
  borders: FeatureCollection;
  idlib: FeatureCollection;
  areas: FeatureCollection;
  markers: FeatureCollection;
  labels: FeatureCollection;
  context: FeatureCollection;
  places: ReadonlyMap<string, MapPlace>;
}

export interface SvgOptions {
  width: number;
  height: number;
  /** The picture's accessible name: its `<title>` and `aria-label`. */
  title?: string;
  /** A longer plain-language account of the map (`<desc>`), such as the section's alt text. */
  description?: string;
  /**
   * Draw the key to what is on the map (`legendFor(frame)`) and the credits in a band below it,
   * so nothing covers the map; the picture grows by `keyBandHeight` px.
   */
  legend?: boolean;
  /** Draw the credits and the scale bar (on by default; off for a picture that credits elsewhere). */
  furniture?: boolean;
  /** The colours (the light palette unless given). */
  palette?: Palette;
  /**
   * Return the picture's content without the outer `<svg>` element, for a picture that places
   * the map inside itself (the share cards): its ids stay unique, its title becomes a `<title>`.
   */
  fragment?: boolean;
}

export const SCHEMATIC_NOTE = 'Lines, arrows and areas are schematic';
export const SOURCE_LINE = 'Natural Earth · GeoNames (CC BY 4.0) · Wikipedia, Wikimapia (CC BY-SA) · schematic layers: this project';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
/** Escapes text for an element or a double-quoted attribute. */
export const esc = (text: string) => text.replace(/[&<>"]/g, (c) => ESCAPES[c]!);

type Attrs = Record<string, string | number | undefined>;
/** Positions and sizes to 0.1 px, like path data; opacities and widths to 0.01. */
const PIXEL_ATTRS = new Set(['x', 'y', 'cx', 'cy', 'r', 'width', 'height']);
const num = (key: string, v: number) => (PIXEL_ATTRS.has(key) ? px(v) : String(Math.round(v * 100) / 100));
const attrs = (a: Attrs) =>
  Object.entries(a)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => ` ${k}="${typeof v === 'number' ? num(k, v) : esc(v!)}"`)
    .join('');
const tag = (name: string, a: Attrs, children?: string) => (children === undefined ? `<${name}${attrs(a)}/>` : `<${name}${attrs(a)}>${children}</${name}>`);
const dash = (d: readonly number[] | undefined) => d?.join(' ');

/** FNV-1a: a stable id for the clip path and patterns, distinct between maps inlined on one page. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

const prop = (f: Feature, key: string) => f.properties?.[key] as unknown;
const idOf = (f: Feature) => String(prop(f, 'id') ?? f.id ?? '');

const ARROW_PATH = `M${ARROW.points.map(([x, y]) => `${x},${y}`).join('L')}Z`;
/** The arrow head's outline (its three outer corners), for keeping labels off it. */
const ARROW_CORNERS = ARROW.points.filter(([x, y]) => !(x === 0 && y > 0));

/**
 * The picture of one frame as a self-contained SVG document: the same projection, colours and
 * sizes as the live map (`viewport`, the cartography vocabulary), no external references, and
 * the same bytes for the same input, so it can be built, cached and compared. It draws what the
 * frame decided and decides nothing itself, but where to put labels in a picture no reader can
 * pan: as MapLibre does, story labels first, then markers', then the rest where there is room.
 */
export function renderSvg(frame: Frame, data: MapData, options: SvgOptions): string {
  const { width, height } = options;
  if (!(width > 0 && height > 0)) throw new Error(`renderSvg: bad size ${width}×${height}`);
  const colours = options.palette ?? LIGHT;
  const furniture = options.furniture ?? true;
  const view = viewport(frame.camera, width, height);
  const inView = ([x, y]: [number, number]) => x >= 0 && x <= width && y >= 0 && y <= height;
  const title = options.title ?? `Map of north-west Syria, ${frame.date}`;
  const uid = hash(JSON.stringify([frame, width, height, title]));
  const clipId = `view-${uid}`;
  const hatchId = `hatch-${uid}`;
  const pathOf = (features: Feature[]) => features.map((f) => geometryPath(f.geometry, view)).join('');
  const areaById = new Map(data.areas.features.map((f) => [idOf(f), f]));
  const areasOf = (kind: AreaKind) =>
    frame.areas
      .filter((a) => a.kind === kind)
      .map((a) => areaById.get(a.id))
      .filter((f): f is Feature => !!f);

  /** Polygons filled and outlined, whatever shape an area has. */
  function drawArea(kind: Exclude<AreaKind, 'front-line' | 'taken'>): string {
    const d = pathOf(areasOf(kind));
    if (!d) return '';
    const colour = colours[kind];
    return tag('path', {
      d,
      fill: colour,
      'fill-opacity': areaFill(kind),
      'fill-rule': 'evenodd',
      stroke: kind === 'control' ? undefined : colour,
      'stroke-width': kind === 'control' ? undefined : LINES.area.width,
      'stroke-dasharray': dash(areaDashed(kind) ? LINES.area.dash : undefined),
      'stroke-linejoin': 'round',
    });
  }

  const markerSymbol = (x: number, y: number, state: MarkerState, r: number) => {
    const shape = MARKER_SHAPES[state];
    const ring = shape.ring ? tag('circle', { cx: x, cy: y, r: r + 1, fill: 'none', stroke: colours.frontLine, 'stroke-width': 1.5 }) : '';
    return (
      ring +
      tag('path', {
        d: shape.d,
        transform: `translate(${px(x)} ${px(y)}) scale(${r})`,
        fill: colours[shape.fill],
        stroke: colours[markerOutline(state)],
        'stroke-width': Math.round((MARKER.stroke / r) * 1000) / 1000,
        'paint-order': 'stroke',
      })
    );
  };

  /** The arrow head with its tip at `(x, y)`, pointing along a compass bearing (the map is north up). */
  const arrowHead = (x: number, y: number, bearing: number, colour: string) =>
    tag('path', {
      d: ARROW_PATH,
      fill: colour,
      stroke: colours.halo,
      'stroke-width': ARROW.stroke,
      'stroke-linejoin': 'round',
      transform: `translate(${px(x)} ${px(y)}) rotate(${Math.round(bearing)})`,
    });

  /**
   * A road or movement as drawn, with what labels should keep clear of: its line and arrow head.
   * An arrow stops short of a dot or ring drawn where it ends (`clearance` gives its radius), so
   * both stay visible.
   */
  function drawPath(slice: PathSlice, clearance: (x: number, y: number) => number): { svg: string; segments: Segment[]; points: [number, number][] } {
    const points = slice.line.map(([lon, lat]) => view.project(lon!, lat!));
    const segments = points.slice(1).map(([x, y], i): Segment => [points[i]![0], points[i]![1], x, y]);
    const road = slice.kind === 'road' ? roadStyle(slice.id) : undefined;
    const colour = road ? colours[road.colour] : colours[slice.kind as Exclude<typeof slice.kind, 'road'>];
    let head = '';
    let line = points;
    const end = points[points.length - 1];
    if (slice.head && end && points.length >= 2 && inView(end)) {
      const gap = clearance(end[0], end[1]);
      const shaft = gap > 0 ? trimEnd(points, gap + 2) : points;
      const tip = shaft[shaft.length - 1];
      if (tip) {
        head = arrowHead(tip[0], tip[1], slice.head.bearing, colour);
        segments.push(...arrowOutline(tip[0], tip[1], slice.head.bearing));
        line = trimEnd(shaft, ARROW.inset);
      }
    }
    const d = screenLinePath(line, view);
    if (!d && !head) return { svg: '', segments: [], points };
    const widths = road ?? LINES.movement;
    const stroke = { d, fill: 'none', 'stroke-linecap': 'round', 'stroke-linejoin': 'round' };
    const lines = d
      ? tag('path', { ...stroke, stroke: colours.halo, 'stroke-width': widths.casing }) +
        tag('path', { ...stroke, stroke: colour, 'stroke-width': widths.line })
      : '';
    return { svg: tag('g', { 'data-path': slice.id }, lines + head), segments, points };
  }

  /** Route shields along a drawn road, every SHIELD.spacing px, inside the picture. */
  function shields(slice: PathSlice, points: [number, number][]): { svg: string; boxes: Rect[] } {
    const road = ROADS[slice.id as keyof typeof ROADS];
    if (!road || points.length < 2) return { svg: '', boxes: [] };
    const w = textWidth(road.shield, SHIELD.size, true) + SHIELD.padX * 2;
    const h = SHIELD.size + SHIELD.padY * 2;
    const out: string[] = [];
    const boxes: Rect[] = [];
    let walked = SHIELD.spacing / 2;
    let next = walked;
    for (let i = 1; i < points.length; i++) {
      const [ax, ay] = points[i - 1]!;
      const [bx, by] = points[i]!;
      const d = Math.hypot(bx - ax, by - ay);
      while (next <= walked + d - 0 && d > 0) {
        const t = (next - walked) / d;
        const x = ax + (bx - ax) * t;
        const y = ay + (by - ay) * t;
        const box: Rect = [x - w / 2, y - h / 2, x + w / 2, y + h / 2];
        const clear = spots.every((p) => Math.hypot(p.x - x, p.y - y) > p.r + w);
        if (clear && box[0] > 4 && box[2] < width - 4 && box[1] > 4 && box[3] < height - 4) {
          const fill = road.colour === 'm5' ? colours.m5 : colours.halo;
          const ink = road.colour === 'm5' ? colours.shieldText : colours.m4;
          out.push(
            tag('rect', {
              x: box[0],
              y: box[1],
              width: w,
              height: h,
              rx: SHIELD.radius,
              fill,
              stroke: road.colour === 'm5' ? colours.halo : colours.m4,
              'stroke-width': 1.5,
            }) + tag('text', { x, y: y + SHIELD.size * 0.35, 'text-anchor': 'middle', 'font-size': SHIELD.size, 'font-weight': 700, fill: ink }, road.shield),
          );
          boxes.push(box);
        }
        next += SHIELD.spacing;
      }
      walked += d;
    }
    return { svg: tag('g', { class: 'shields' }, out.join('')), boxes };
  }

  function legendSwatch(entry: LegendEntry, x: number, y: number): string {
    const stroke = { stroke: entry.colour, fill: 'none' };
    switch (entry.swatch) {
      case 'line': {
        const road = ROADS[entry.key as keyof typeof ROADS];
        const front = entry.key === 'front-line';
        return tag('path', {
          d: `M${px(x)},${px(y)}h30`,
          ...stroke,
          'stroke-width': road ? road.line : LINES.front.width,
          'stroke-dasharray': front ? dash(LINES.front.dash) : undefined,
        });
      }
      case 'arrow':
        return tag('path', { d: `M${px(x)},${px(y)}h18`, ...stroke, 'stroke-width': LINES.movement.line }) + arrowHead(x + 30, y, 90, entry.colour);
      case 'area': {
        const layer = entry.key as 'control' | 'contested' | 'front' | 'strikes';
        return tag('rect', {
          x,
          y: y - 7,
          width: 30,
          height: 14,
          fill: entry.colour,
          'fill-opacity': areaFill(layer),
          stroke: entry.colour,
          'stroke-width': LINES.area.width,
          'stroke-dasharray': dash(areaDashed(layer) ? LINES.area.dash : undefined),
        });
      }
      case 'hatch':
        return tag('rect', { x, y: y - 7, width: 30, height: 14, fill: `url(#${hatchId})`, stroke: entry.colour, 'stroke-width': 0.75 });
      case 'outline':
        return tag('rect', { x, y: y - 7, width: 30, height: 14, ...stroke, 'stroke-width': LINES.idlib.width, 'stroke-dasharray': dash(LINES.idlib.dash) });
      case 'border':
        return tag('path', { d: `M${px(x)},${px(y)}h30`, ...stroke, 'stroke-width': LINES.turkishBorder });
      case 'marker':
        return markerSymbol(x + 15, y, entry.symbol ?? 'post', MARKER.radius);
    }
  }

  /** The key in columns, then the credits, in a band under the map. */
  function drawKeyBand(entries: LegendEntry[], credits: string[]): string {
    const { columns, columnWidth } = keyLayout(entries, width);
    const rows = entries.map((e, i) => {
      const x = LEGEND.pad + (i % columns) * columnWidth;
      const cy = height + LEGEND.pad + LEGEND.row * Math.floor(i / columns) + 9;
      const label = esc(e.label) + (e.schematic ? ' *' : '');
      return tag(
        'g',
        { class: 'legend-entry', 'data-key': e.key },
        legendSwatch(e, x, cy) + tag('text', { x: x + LEGEND.swatch + LEGEND.gap, y: cy + 5 }, label),
      );
    });
    const top = height + LEGEND.pad + LEGEND.row * Math.ceil(entries.length / columns) + 4;
    const notes = keyNotes(entries, credits, width);
    return (
      tag('rect', { y: height, width, height: keyBandHeight(entries, width), fill: colours.paper }) +
      tag('path', { d: `M0,${height + 0.5}h${width}`, stroke: colours.rule, 'stroke-width': 1 }) +
      tag('g', { class: 'legend', 'font-size': LEGEND.size, fill: colours.label }, rows.join('')) +
      tag(
        'g',
        { class: 'credits', 'font-size': LEGEND.note, fill: colours.labelMinor },
        notes.map((line, i) => tag('text', { x: LEGEND.pad, y: top + 12 + i * 16 }, esc(line))).join(''),
      )
    );
  }

  // The base (land, Syria), the story's areas, the borders, then roads under movements.
  const isSyria = (f: Feature) => prop(f, 'focus') === true;
  const land = pathOf(data.countries.features.filter((f) => !isSyria(f)));
  const syria = pathOf(data.countries.features.filter(isSyria));
  const ofKind = (fc: FeatureCollection, kind: string) => fc.features.filter((f) => prop(f, 'kind') === kind);
  const map: string[] = [
    tag('rect', { width, height, fill: colours.sea }),
    land && tag('path', { d: land, fill: colours.land }),
    syria && tag('path', { d: syria, fill: colours.syria }),
    drawArea('control'),
  ];
  const taken = pathOf(areasOf('taken'));
  if (taken) map.push(tag('path', { d: taken, fill: `url(#${hatchId})`, 'fill-rule': 'evenodd' }));
  map.push(drawArea('strikes'), drawArea('front'), drawArea('contested'));
  const borders = pathOf(ofKind(data.borders, 'border'));
  if (borders) map.push(tag('path', { d: borders, fill: 'none', stroke: colours.border, 'stroke-width': LINES.border, 'stroke-linejoin': 'round' }));
  const turkish = frame.layers.includes('border') ? pathOf(ofKind(data.borders, 'turkish-border')) : '';
  if (turkish)
    map.push(
      tag('path', { d: turkish, fill: 'none', stroke: colours.border, 'stroke-width': LINES.turkishBorder, 'stroke-opacity': 0.9, 'stroke-linejoin': 'round' }),
    );
  const idlib = frame.layers.includes('idlib') ? pathOf(data.idlib.features) : '';
  if (idlib)
    map.push(
      tag('path', {
        d: idlib,
        fill: 'none',
        stroke: colours.idlib,
        'stroke-width': LINES.idlib.width,
        'stroke-dasharray': dash(LINES.idlib.dash),
        'stroke-linecap': 'round',
        'stroke-linejoin': 'round',
      }),
    );
  const frontLine = pathOf(areasOf('front-line'));
  if (frontLine)
    map.push(
      tag('path', {
        d: frontLine,
        fill: 'none',
        stroke: colours.frontLine,
        'stroke-width': LINES.front.width,
        'stroke-dasharray': dash(LINES.front.dash),
        'stroke-linejoin': 'round',
      }),
    );

  // Points first, so arrows know what they end on; drawn last, over the lines.
  const spots: Spot[] = [];
  const symbols: string[] = [];
  const placeNames: LabelRequest[] = [];
  const markerLabels: LabelRequest[] = [];
  const markerById = new Map(data.markers.features.map((f) => [idOf(f), f]));
  for (const mark of frame.markers) {
    const f = markerById.get(mark.id);
    if (!f) throw new Error(`renderSvg: unknown marker "${mark.id}"`);
    const r = markerRadius(mark.highlighted);
    for (const [px0, py0] of geometryPoints(f.geometry, view)) {
      const [x, y] = [px0 + mark.offset[0], py0 + mark.offset[1]];
      symbols.push(markerSymbol(x, y, mark.state, r));
      spots.push({ x, y, r: r + 1 });
      const label = prop(f, 'label');
      if (mark.highlighted && typeof label === 'string') {
        markerLabels.push({
          id: mark.id,
          lines: wrap(label, MARKER.labelSize, MARKER.labelWidth),
          x,
          y,
          radius: r + 2,
          size: MARKER.labelSize,
          bold: false,
          required: false,
          anchors: ['left', 'right'],
        });
      }
    }
  }
  for (const { id, highlighted, anchors } of frame.places) {
    const place = data.places.get(id);
    if (!place) throw new Error(`renderSvg: unknown place "${id}"`);
    const [x, y] = view.project(place.lon, place.lat);
    if (!inView([x, y])) continue;
    const r = PLACE.radius(place.kind);
    if (highlighted) symbols.push(tag('circle', { cx: x, cy: y, r: PLACE.ring, fill: 'none', stroke: colours.label, 'stroke-width': PLACE.ringStroke }));
    symbols.push(tag('circle', { cx: x, cy: y, r, fill: colours.label, stroke: colours.halo, 'stroke-width': PLACE.stroke }));
    spots.push({ x, y, r: highlighted ? PLACE.ring : r });
    placeNames.push({ id, lines: [place.name], x, y, radius: 0, size: PLACE.labelSize(place.kind, highlighted), bold: highlighted, required: true, anchors });
  }
  /** The radius of the largest thing drawn at a point, 0 if none. */
  const radiusAt = (x: number, y: number) => Math.max(0, ...spots.filter((p) => Math.hypot(p.x - x, p.y - y) < 1.5).map((p) => p.r));

  const segments: Segment[] = [];
  const shieldBoxes: Rect[] = [];
  const shieldSvg: string[] = [];
  for (const slice of frame.paths) {
    const drawn = drawPath(slice, radiusAt);
    map.push(drawn.svg);
    segments.push(...drawn.segments);
    if (slice.kind === 'road') {
      const s = shields(
        slice,
        drawn.points.map(([x, y]) => [x, y]),
      );
      shieldSvg.push(s.svg);
      shieldBoxes.push(...s.boxes);
    }
  }
  map.push(...shieldSvg, ...symbols);

  // A label stands clear of everything drawn on its point (a place with a marker on it, say).
  for (const label of [...placeNames, ...markerLabels]) label.radius = Math.max(label.radius, radiusAt(label.x, label.y));

  // Furniture: the scale bottom left; the credits there too, unless the key band below holds them.
  const sources = [`Sources: ${SOURCE_LINE}`];
  const entries = options.legend ? legendFor(frame, colours) : [];
  // Wrapped to the picture: a credit cut at its edge (a licence's attribution among them) is no credit.
  const credits = furniture && !options.legend ? [SCHEMATIC_NOTE, ...sources].flatMap((line) => wrap(line, FOOTER_SIZE, width - 16)) : [];
  const creditsW = credits.length ? Math.min(width, Math.max(...credits.map((l) => textWidth(l, FOOTER_SIZE))) + 16) : 0;
  const creditsH = credits.length * 16 + (credits.length ? 8 : 0);
  const scale = furniture ? scaleBar(frame.camera, Math.min(120, width / 4)) : undefined;
  const scaleBox: Rect = scale ? [MARGIN, height - creditsH - 30, MARGIN + scale.px + 60, height - creditsH - 6] : [0, height, 0, height];
  const creditsBox: Rect = [0, height - creditsH, creditsW, height];
  const hard: Rect[] = [creditsBox, scaleBox, ...shieldBoxes, ...spots.map(({ x, y, r }): Rect => [x - r, y - r, x + r, y + r])];
  const legend = options.legend ? drawKeyBand(entries, furniture ? sources : []) : '';
  const fullHeight = height + (options.legend ? keyBandHeight(entries, width) : 0);
  // Story labels first (called-out ones first, as the frame ordered them), then markers' names,
  // then the names on areas and the context towns, wherever room is left.
  const baseLabels = data.labels.features.filter((f) => frame.baseLabels.includes(idOf(f)));
  const baseRequests: LabelRequest[] = baseLabels.flatMap((f) => {
    const [x, y] = geometryPoints(f.geometry, view)[0] ?? [-1, -1];
    if (x < 0) return [];
    const kind = String(prop(f, 'kind')) as keyof typeof BASE_LABEL;
    return [
      {
        id: idOf(f),
        lines: [String(prop(f, 'text'))],
        x,
        y,
        radius: 0,
        size: BASE_LABEL[kind] as number,
        bold: false,
        required: false,
        anchors: ['top'] as const,
      },
    ];
  });
  const contextRequests: (LabelRequest & { at: [number, number] })[] = frame.contextTowns
    ? data.context.features.flatMap((f) =>
        geometryPoints(f.geometry, view).map(([x, y]) => ({
          id: idOf(f),
          lines: [String(prop(f, 'name'))],
          x,
          y,
          radius: CONTEXT.radius + 1,
          size: CONTEXT.labelSize,
          bold: false,
          required: false,
          at: [x, y] as [number, number],
        })),
      )
    : [];
  const placed = placeLabels([...placeNames, ...markerLabels], { hard, soft: segments }, width, height);
  const afterStory = [...hard, ...placed.map((l) => l.box)];
  const base = placeLabels(
    baseRequests.map((r) => ({ ...r, y: r.y - r.size * 0.6 })),
    { hard: afterStory, soft: [] },
    width,
    height,
  );
  const context = placeLabels(contextRequests, { hard: [...afterStory, ...base.map((l) => l.box)], soft: segments }, width, height);
  const contextDots = context.map((l) => tag('circle', { cx: l.x, cy: l.y, r: CONTEXT.radius, fill: colours.labelMinor, 'fill-opacity': 0.7 })).join('');
  const labelFill = new Map(markerLabels.map((l) => [l.id, colours.labelMinor]));
  const storyLabels = placed.map((l) => drawLabel(l, labelFill.get(l.id))).join('');
  const otherLabels = [
    ...base.map((l) => drawLabel(l, colours.labelMinor, { 'letter-spacing': `${BASE_LABEL.spacing}em` })),
    ...context.map((l) => drawLabel(l, colours.labelMinor)),
  ].join('');

  const scaleSvg = scale
    ? tag(
        'g',
        { class: 'scale', 'font-size': FOOTER_SIZE, fill: colours.labelMinor },
        tag('path', { d: `M${px(scaleBox[0])},${px(scaleBox[3] - 8)}v4h${px(scale.px)}v-4`, fill: 'none', stroke: colours.halo, 'stroke-width': 3.5 }) +
          tag('path', { d: `M${px(scaleBox[0])},${px(scaleBox[3] - 8)}v4h${px(scale.px)}v-4`, fill: 'none', stroke: colours.labelMinor, 'stroke-width': 1.2 }) +
          tag(
            'text',
            { x: scaleBox[0] + scale.px + 6, y: scaleBox[3] - 3, stroke: colours.halo, 'stroke-width': 3, 'paint-order': 'stroke' },
            `${scale.km} km`,
          ),
      )
    : '';
  const hatch = tag(
    'pattern',
    { id: hatchId, width: LINES.hatch.gap, height: LINES.hatch.gap, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
    tag('path', { d: `M0,0v${LINES.hatch.gap}`, stroke: colours.government, 'stroke-width': LINES.hatch.width, 'stroke-opacity': LINES.hatch.opacity }),
  );

  const content = [
    tag('title', {}, esc(title)),
    options.description ? tag('desc', {}, esc(options.description)) : '',
    tag('defs', {}, tag('clipPath', { id: clipId }, tag('rect', { width, height })) + (taken || entries.some((e) => e.swatch === 'hatch') ? hatch : '')),
    tag('g', { 'clip-path': `url(#${clipId})` }, map.join('') + contextDots),
    tag(
      'g',
      { class: 'labels', fill: colours.label, stroke: colours.halo, 'stroke-width': 3, 'stroke-linejoin': 'round', 'paint-order': 'stroke' },
      otherLabels + storyLabels,
    ),
    legend,
    scaleSvg,
    credits.length
      ? tag(
          'g',
          { class: 'credits', 'font-size': FOOTER_SIZE, fill: colours.labelMinor },
          tag('rect', { y: creditsBox[1], width: creditsW, height: creditsH, fill: colours.halo, 'fill-opacity': 0.8 }) +
            credits.map((line, i) => tag('text', { x: 8, y: creditsBox[1] + 19 + i * 16 }, esc(line))).join(''),
        )
      : '',
  ].join('');
  if (options.fragment) return tag('g', { 'font-family': FONTS.family }, content);
  return `<svg${attrs({ xmlns: 'http://www.w3.org/2000/svg', width: String(width), height: String(fullHeight), viewBox: `0 0 ${width} ${fullHeight}`, role: 'img', 'aria-label': title, 'font-family': FONTS.family })}>${content}</svg>\n`;
}

/** The outline of an arrow head drawn at `(x, y)` along `bearing`, as segments. */
function arrowOutline(x: number, y: number, bearing: number): Segment[] {
  const a = (Math.round(bearing) * Math.PI) / 180;
  const p = ARROW_CORNERS.map(([u, v]) => [x + u * Math.cos(a) - v * Math.sin(a), y + u * Math.sin(a) + v * Math.cos(a)] as const);
  return p.map(([x1, y1], i): Segment => [x1, y1, ...p[(i + 1) % p.length]!]);
}

/** A line in pixels without its last `length` px: what an arrow head covers. */
function trimEnd(points: [number, number][], length: number): [number, number][] {
  const out = [...points];
  let left = length;
  while (out.length >= 2) {
    const [bx, by] = out[out.length - 1]!;
    const [ax, ay] = out[out.length - 2]!;
    const d = Math.hypot(bx - ax, by - ay);
    if (d > left) {
      out[out.length - 1] = [bx + ((ax - bx) * left) / d, by + ((ay - by) * left) / d];
      return out;
    }
    left -= d;
    out.pop();
  }
  return [];
}

const LEGEND = { pad: 12, row: 22, size: 13, swatch: 30, gap: 8, note: 12 } as const;
const MARGIN = 16;
const FOOTER_SIZE = 12;

interface Spot {
  x: number;
  y: number;
  /** The radius of what is drawn there. */
  r: number;
}

/** The key's columns: as many as fit the picture's width, each as wide as the widest entry. */
function keyLayout(entries: LegendEntry[], width: number) {
  const widest = Math.max(0, ...entries.map((e) => textWidth(e.label + (e.schematic ? ' *' : ''), LEGEND.size)));
  const columnWidth = LEGEND.swatch + LEGEND.gap + widest + 3 * LEGEND.gap;
  const columns = Math.max(1, Math.min(entries.length, Math.floor((width - 2 * LEGEND.pad) / columnWidth)));
  return { columns, columnWidth };
}

const SCHEMATIC_KEY = '* Schematic: drawn by this project from cited facts, not surveyed.';

/** The lines under the key: what the asterisk means, then the credits, wrapped to the picture. */
const keyNotes = (entries: LegendEntry[], credits: string[], width: number) =>
  [...(entries.some((e) => e.schematic) ? [SCHEMATIC_KEY] : []), ...credits].flatMap((line) => wrap(line, LEGEND.note, width - 2 * LEGEND.pad));

/** How much taller a picture drawn with `legend` is: the key's rows, the notes and the credits. */
export function keyBandHeight(entries: LegendEntry[], width: number): number {
  const rows = Math.ceil(entries.length / keyLayout(entries, width).columns);
  return LEGEND.pad * 2 + rows * LEGEND.row + 4 + keyNotes(entries, [`Sources: ${SOURCE_LINE}`], width).length * 16 + 4;
}

function drawLabel(label: PlacedLabel, fill?: string, extra: Attrs = {}): string {
  const [first, ...rest] = label.lines.map(esc);
  const more = rest.map((line) => tag('tspan', { x: label.tx, dy: `${LINE_HEIGHT}em` }, line)).join('');
  return tag(
    'text',
    {
      x: label.tx,
      y: label.ty,
      'text-anchor': label.anchor === 'start' ? undefined : label.anchor,
      'font-size': label.size,
      'font-weight': label.bold ? 700 : undefined,
      fill,
      ...extra,
    },
    first + more,
  );
}
