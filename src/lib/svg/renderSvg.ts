import type { Feature, FeatureCollection } from 'geojson';
import { LAYER_KINDS, MARKER_LAYERS, isAreaLayer, type AreaLayer, type MarkerLayer, type PlaceKind } from '../cartography/layers.ts';
import { legendFor, type LegendEntry } from '../cartography/legend.ts';
import { LIGHT, type Palette } from '../cartography/palette.ts';
import { ARROW, FONTS, LINES, MARKER, PLACE, areaDashed, areaFill } from '../cartography/symbols.ts';
import type { Frame } from '../frame/frame.ts';
import { viewport } from '../frame/mercator.ts';
import type { PathSlice } from '../frame/paths.ts';
import { geometryPath, geometryPoints, px, screenLinePath } from './geometry.ts';
import { LINE_HEIGHT, overlaps, placeLabels, textWidth, wrap, type LabelRequest, type PlacedLabel, type Rect, type Segment } from './labels.ts';

/** What a picture needs of a place: capitals and cities get bigger dots and type, lower ranks are labelled first. */
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
  places: ReadonlyMap<string, MapPlace>;
}

export interface SvgOptions {
  width: number;
  height: number;
  /** The picture's accessible name: its `<title>` and `aria-label`. */
  title?: string;
  /** A longer plain-language account of the map (`<desc>`), such as the section's alt text. */
  description?: string;
  /** Draw the key to what is on the map (`legendFor(frame)`). */
  legend?: boolean;
  /** The colours (the light palette unless given). */
  palette?: Palette;
  /**
   * Return the picture's content without the outer `<svg>` element, for a picture that places
   * the map inside itself (the share cards): its ids stay unique, its title becomes a `<title>`.
   */
  fragment?: boolean;
}

export const SCHEMATIC_NOTE = 'Lines and areas are schematic';
export const SOURCE_LINE = 'Natural Earth · GeoNames · schematic layers: this project';

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
const tag = (name: string, a: Attrs, children?: string) =>
  children === undefined ? `<${name}${attrs(a)}/>` : `<${name}${attrs(a)}>${children}</${name}>`;
const dash = (d: readonly number[] | undefined) => d?.join(' ');

/** FNV-1a: a stable id for the clip path, distinct between maps inlined on one page. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

const prop = (f: Feature, key: string) => f.properties?.[key] as unknown;
const idOf = (f: Feature) => String(prop(f, 'id') ?? f.id ?? '');
/** The features a story layer draws: those of its kinds, as the live style filters them. */
const ofLayer = (features: Feature[], layer: AreaLayer | MarkerLayer) =>
  features.filter((f) => (LAYER_KINDS[layer] as readonly unknown[]).includes(prop(f, 'kind')));

const ARROW_PATH = `M${ARROW.points.map(([x, y]) => `${x},${y}`).join('L')}Z`;
/** The arrow head's outline (its three outer corners), for keeping labels off it. */
const ARROW_CORNERS = ARROW.points.filter(([x, y]) => !(x === 0 && y > 0));

/**
 * The picture of one frame as a self-contained SVG document: the same projection, colours and
 * sizes as the live map (`viewport`, the cartography vocabulary), no external references, and
 * the same bytes for the same input, so it can be built, cached and compared.
 */
export function renderSvg(frame: Frame, data: MapData, options: SvgOptions): string {
  const { width, height } = options;
  if (!(width > 0 && height > 0)) throw new Error(`renderSvg: bad size ${width}×${height}`);
  const colours = options.palette ?? LIGHT;
  const view = viewport(frame.camera, width, height);
  const inView = ([x, y]: [number, number]) => x >= 0 && x <= width && y >= 0 && y <= height;
  const highlightedMarkers = new Set(frame.highlightedMarkers);
  const title = options.title ?? `Map of north-west Syria, ${frame.date}`;
  const clipId = `view-${hash(JSON.stringify([frame, width, height, title]))}`;
  const pathOf = (features: Feature[]) => features.map((f) => geometryPath(f.geometry, view)).join('');

  /** Polygons filled and outlined, lines stroked, points as dots: whatever shape an area has. */
  function drawArea(features: Feature[], layer: AreaLayer): string {
    const pathOfType = (type: RegExp) => pathOf(features.filter((f) => type.test(f.geometry.type)));
    const colour = colours[layer];
    const fill = areaFill(layer);
    const stroke = { stroke: colour, 'stroke-width': LINES.area.width, 'stroke-dasharray': dash(areaDashed(layer) ? LINES.area.dash : undefined), 'stroke-linejoin': 'round' };
    const polygons = pathOfType(/Polygon/);
    const lines = pathOfType(/LineString/);
    return [
      polygons && tag('path', { d: polygons, fill: colour, 'fill-opacity': fill, 'fill-rule': 'evenodd', ...stroke }),
      lines && tag('path', { d: lines, fill: 'none', ...stroke, 'stroke-width': LINES.area.width * 2 }),
      ...features.flatMap((f) => geometryPoints(f.geometry, view)).map(([x, y]) => tag('circle', { cx: x, cy: y, r: MARKER.radius, fill: colour, 'fill-opacity': fill, ...stroke })),
    ].join('');
  }

  const markerDot = (x: number, y: number, r: number, colour: string) =>
    tag('circle', { cx: x, cy: y, r, fill: colour, stroke: colours.halo, 'stroke-width': MARKER.stroke });

  /** The arrow head with its tip at `(x, y)`, pointing along a compass bearing (the map is north up). */
  const arrowHead = (x: number, y: number, bearing: number, colour: string) =>
    tag('path', { d: ARROW_PATH, fill: colour, stroke: colours.halo, 'stroke-width': ARROW.stroke, 'stroke-linejoin': 'round', transform: `translate(${px(x)} ${px(y)}) rotate(${Math.round(bearing)})` });

  /**
   * A road or movement as drawn, with what labels should keep clear of: its line and arrow head.
   * An arrow stops short of a dot or ring drawn where it ends (`clearance` gives its radius), so
   * both stay visible.
   */
  function drawPath(slice: PathSlice, clearance: (x: number, y: number) => number): { svg: string; segments: Segment[] } {
    const points = slice.line.map(([lon, lat]) => view.project(lon!, lat!));
    const segments = points.slice(1).map(([x, y], i): Segment => [points[i]![0], points[i]![1], x, y]);
    const colour = colours[slice.kind];
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
    if (!d && !head) return { svg: '', segments: [] };
    const widths = slice.kind === 'road' ? LINES.road : LINES.movement;
    const stroke = { d, fill: 'none', 'stroke-linecap': 'round', 'stroke-linejoin': 'round' };
    const lines = d ? tag('path', { ...stroke, stroke: colours.halo, 'stroke-width': widths.casing }) + tag('path', { ...stroke, stroke: colour, 'stroke-width': widths.line }) : '';
    return { svg: tag('g', { 'data-path': slice.id }, lines + head), segments };
  }

  function legendSwatch(entry: LegendEntry, x: number, y: number): string {
    const stroke = { stroke: entry.colour, fill: 'none' };
    switch (entry.swatch) {
      case 'line':
        return tag('path', { d: `M${px(x)},${px(y)}h30`, ...stroke, 'stroke-width': LINES.road.line });
      case 'arrow':
        return tag('path', { d: `M${px(x)},${px(y)}h18`, ...stroke, 'stroke-width': LINES.movement.line }) + arrowHead(x + 30, y, 90, entry.colour);
      case 'area': {
        const layer = entry.key as AreaLayer;
        return tag('rect', { x, y: y - 7, width: 30, height: 14, fill: entry.colour, 'fill-opacity': areaFill(layer), stroke: entry.colour, 'stroke-width': LINES.area.width, 'stroke-dasharray': dash(areaDashed(layer) ? LINES.area.dash : undefined) });
      }
      case 'outline':
        return tag('rect', { x, y: y - 7, width: 30, height: 14, ...stroke, 'stroke-width': LINES.idlib.width, 'stroke-dasharray': dash(LINES.idlib.dash) });
      case 'marker':
        return markerDot(x + 15, y, MARKER.radius, entry.colour);
    }
  }

  function drawLegend(entries: LegendEntry[], [x, y]: Rect, [w, h]: [number, number]): string {
    const rows = entries.map((e, i) => {
      const cy = y + LEGEND.pad + LEGEND.row * i + 9;
      const label = esc(e.label) + (e.schematic ? ' *' : '');
      return tag('g', { class: 'legend-entry', 'data-key': e.key }, legendSwatch(e, x + LEGEND.pad, cy) + tag('text', { x: x + LEGEND.pad + LEGEND.swatch + LEGEND.gap, y: cy + 5 }, label));
    });
    const footnote = entries.some((e) => e.schematic)
      ? tag('text', { x: x + LEGEND.pad, y: y + LEGEND.pad + LEGEND.row * entries.length + 8, 'font-size': LEGEND.note, fill: colours.labelMinor }, '* schematic')
      : '';
    return tag(
      'g',
      { class: 'legend', 'font-size': LEGEND.size, fill: colours.label },
      tag('rect', { x, y, width: w, height: h, rx: 3, fill: colours.halo, 'fill-opacity': 0.92, stroke: colours.border, 'stroke-width': 0.75 }) + rows.join('') + footnote,
    );
  }

  // The base (land, Syria, borders), the story's areas, then the roads under the movements.
  const isSyria = (f: Feature) => prop(f, 'focus') === true;
  const land = pathOf(data.countries.features.filter((f) => !isSyria(f)));
  const syria = pathOf(data.countries.features.filter(isSyria));
  const borders = pathOf(data.borders.features);
  const map: string[] = [
    tag('rect', { width, height, fill: colours.sea }),
    land && tag('path', { d: land, fill: colours.land }),
    syria && tag('path', { d: syria, fill: colours.syria }),
  ];
  for (const layer of frame.layers.filter(isAreaLayer)) map.push(drawArea(ofLayer(data.areas.features, layer), layer));
  if (borders) map.push(tag('path', { d: borders, fill: 'none', stroke: colours.border, 'stroke-width': LINES.border, 'stroke-linejoin': 'round' }));
  const idlib = frame.layers.includes('idlib') ? pathOf(data.idlib.features) : '';
  if (idlib) map.push(tag('path', { d: idlib, fill: 'none', stroke: colours.idlib, 'stroke-width': LINES.idlib.width, 'stroke-dasharray': dash(LINES.idlib.dash), 'stroke-linejoin': 'round' }));
  // Points first, so arrows know what they end on; drawn last, over the lines.
  const spots: Spot[] = [];
  const symbols: string[] = [];
  const placeNames: LabelRequest[] = [];
  const markerLabels: (LabelRequest & { fill: string })[] = [];
  for (const layer of MARKER_LAYERS.filter((l) => frame.layers.includes(l))) {
    for (const f of ofLayer(data.markers.features, layer)) {
      const on = highlightedMarkers.has(idOf(f));
      const r = on ? MARKER.highlighted : MARKER.radius;
      for (const [x, y] of geometryPoints(f.geometry, view)) {
        symbols.push(markerDot(x, y, r, colours[layer]));
        spots.push({ x, y, r, weight: on ? 10 : 3 });
        const label = prop(f, 'label') ?? prop(f, 'name');
        if (typeof label !== 'string') continue;
        const size = MARKER.labelSize;
        markerLabels.push({ id: idOf(f), lines: wrap(label, size, MARKER.labelWidth), x, y, radius: r, size, bold: false, required: false, fill: colours[layer] });
      }
    }
  }
  const places = frame.places.map(({ id, highlighted }) => {
    const place = data.places.get(id);
    if (!place) throw new Error(`renderSvg: unknown place "${id}"`);
    return { id, place, xy: view.project(place.lon, place.lat), highlighted };
  });
  for (const { id, place, xy, highlighted } of places.filter((p) => inView(p.xy))) {
    const [x, y] = xy;
    const r = PLACE.radius(place.kind);
    if (highlighted) symbols.push(tag('circle', { cx: x, cy: y, r: PLACE.ring, fill: 'none', stroke: colours.label, 'stroke-width': PLACE.ringStroke }));
    symbols.push(tag('circle', { cx: x, cy: y, r, fill: colours.label, stroke: colours.halo, 'stroke-width': PLACE.stroke }));
    spots.push({ x, y, r: highlighted ? PLACE.ring : r, weight: highlighted ? 10 : 3 });
    placeNames.push({ id, lines: [place.name], x, y, radius: 0, size: PLACE.labelSize(place.kind, highlighted), bold: highlighted, required: highlighted });
  }
  /** The radius of the largest thing drawn at a point, 0 if none. */
  const radiusAt = (x: number, y: number) => Math.max(0, ...spots.filter((p) => Math.hypot(p.x - x, p.y - y) < 1.5).map((p) => p.r));

  const segments: Segment[] = [];
  for (const slice of frame.paths) {
    const drawn = drawPath(slice, radiusAt);
    map.push(drawn.svg);
    segments.push(...drawn.segments);
  }
  map.push(...symbols);

  // A label stands clear of everything drawn on its point (a place with a marker on it, say).
  for (const label of [...placeNames, ...markerLabels]) label.radius = radiusAt(label.x, label.y);

  // Furniture: the credits bottom left, the legend in the emptiest other corner.
  const credits = [SCHEMATIC_NOTE, `Sources: ${SOURCE_LINE}`];
  const creditsW = Math.max(...credits.map((l) => textWidth(l, FOOTER_SIZE))) + 16;
  const creditsH = credits.length * 16 + 8;
  const creditsBox: Rect = [0, height - creditsH, creditsW, height];
  const hard: Rect[] = [creditsBox, ...spots.map(({ x, y, r }): Rect => [x - r, y - r, x + r, y + r])];
  const entries = options.legend ? legendFor(frame, colours) : [];
  let legend = '';
  if (entries.length > 0) {
    const size = legendSize(entries);
    const lineSpots = segments.map(([x, y]) => ({ x, y, r: 0, weight: 0.2 }));
    const box = legendCorner(size, width, height, creditsBox, [...spots, ...lineSpots]);
    hard.push(box);
    legend = drawLegend(entries, box, size);
  }
  // Called-out places first (the frame's order), then by rank; marker labels give way to place names.
  const rank = (id: string) => data.places.get(id)?.rank ?? 0;
  placeNames.sort((a, b) => Number(b.required) - Number(a.required) || rank(a.id) - rank(b.id));
  const fills = new Map(markerLabels.map((l) => [l.id, l.fill]));
  const labels = placeLabels([...placeNames, ...markerLabels], { hard, soft: segments }, width, height)
    .map((l) => drawLabel({ ...l, fill: fills.get(l.id) }))
    .join('');

  const content = [
    tag('title', {}, esc(title)),
    options.description ? tag('desc', {}, esc(options.description)) : '',
    tag('defs', {}, tag('clipPath', { id: clipId }, tag('rect', { width, height }))),
    tag('g', { 'clip-path': `url(#${clipId})` }, map.join('')),
    tag('g', { class: 'labels', fill: colours.label, stroke: colours.halo, 'stroke-width': 3, 'stroke-linejoin': 'round', 'paint-order': 'stroke' }, labels),
    legend,
    tag(
      'g',
      { class: 'credits', 'font-size': FOOTER_SIZE, fill: colours.labelMinor },
      tag('rect', { y: creditsBox[1], width: creditsW, height: creditsH, fill: colours.halo, 'fill-opacity': 0.8 }) +
        credits.map((line, i) => tag('text', { x: 8, y: creditsBox[1] + 19 + i * 16 }, esc(line))).join(''),
    ),
  ].join('');
  if (options.fragment) return tag('g', { 'font-family': FONTS.family }, content);
  return `<svg${attrs({ xmlns: 'http://www.w3.org/2000/svg', width: String(width), height: String(height), viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title, 'font-family': FONTS.family })}>${content}</svg>\n`;
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

const LEGEND = { pad: 12, row: 24, size: 14, swatch: 30, gap: 10, note: 12 } as const;
const MARGIN = 16;
const FOOTER_SIZE = 12;

/** The legend's size: a row per entry, and a footnote row when any entry is schematic. */
function legendSize(entries: LegendEntry[]): [number, number] {
  const widest = Math.max(...entries.map((e) => textWidth(e.label + (e.schematic ? ' *' : ''), LEGEND.size)), textWidth('* schematic', LEGEND.note));
  const rows = entries.length + (entries.some((e) => e.schematic) ? 0.8 : 0);
  return [LEGEND.pad * 2 + LEGEND.swatch + LEGEND.gap + widest, LEGEND.pad * 2 + rows * LEGEND.row - 6];
}

interface Spot {
  x: number;
  y: number;
  /** The radius of what is drawn there. */
  r: number;
  /** How much covering it with the legend would hide. */
  weight: number;
}

/** Top left, top right, bottom right or above the footer: whichever hides least of the story. */
function legendCorner([w, h]: [number, number], width: number, height: number, footer: Rect, spots: Spot[]): Rect {
  const corners = (
    [
      [MARGIN, MARGIN, MARGIN + w, MARGIN + h],
      [width - MARGIN - w, MARGIN, width - MARGIN, MARGIN + h],
      [width - MARGIN - w, height - MARGIN - h, width - MARGIN, height - MARGIN],
      [MARGIN, footer[1] - 8 - h, MARGIN + w, footer[1] - 8],
    ] as Rect[]
  ).filter((box) => !overlaps(box, footer));
  const cost = (box: Rect) => spots.reduce((sum, p) => sum + (p.x >= box[0] - 8 && p.x <= box[2] + 8 && p.y >= box[1] - 8 && p.y <= box[3] + 8 ? p.weight : 0), 0);
  return corners.reduce((best, box) => (cost(box) < cost(best) ? box : best), corners[0] ?? [MARGIN, MARGIN, MARGIN + w, MARGIN + h]);
}

function drawLabel(label: PlacedLabel & { fill: string | undefined }): string {
  const [first, ...rest] = label.lines.map(esc);
  const more = rest.map((line) => tag('tspan', { x: label.tx, dy: `${LINE_HEIGHT}em` }, line)).join('');
  return tag(
    'text',
    { x: label.tx, y: label.ty, 'text-anchor': label.anchor === 'start' ? undefined : label.anchor, 'font-size': label.size, 'font-weight': label.bold ? 700 : undefined, fill: label.fill },
    first + more,
  );
}
