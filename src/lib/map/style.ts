import type { FeatureCollection, Position } from 'geojson';
import type { ExpressionSpecification, FilterSpecification, GeoJSONSourceSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { AREA_LAYER_KINDS, MARKER_STATES, type AreaKind, type AreaLayer, type LayerId, type PathKind } from '../cartography/layers.ts';
import type { Palette } from '../cartography/palette.ts';
import { BASE_LABEL, CONTEXT, FONTS, LINES, MARKER, PLACE, ROADS, SHIELD, areaDashed, areaFill, roadStyle } from '../cartography/symbols.ts';
import type { PathSamples } from '../frame/paths.ts';
import { MAP_SOURCES, type MapSources } from './sources.ts';

/**
 * The style layers whose filters the renderer sets from each frame's decisions, by what they
 * draw. Story layers a section switches on map to the style layers below (`STYLE_LAYERS`).
 */
export const AREA_STYLE: Record<AreaKind, readonly string[]> = {
  control: ['control-fill'],
  'front-line': ['front-line'],
  taken: ['taken-fill'],
  strikes: ['strikes-fill', 'strikes-line'],
  front: ['front-fill', 'front-line-band'],
  contested: ['contested-fill', 'contested-line'],
};
export const STYLE_LAYERS: Record<LayerId, readonly string[]> = {
  ...(Object.fromEntries(Object.entries(AREA_LAYER_KINDS).map(([layer, kinds]) => [layer, kinds.flatMap((k) => AREA_STYLE[k])])) as Record<
    AreaLayer,
    string[]
  >),
  border: ['turkish-border'],
  idlib: ['idlib-line'],
  posts: ['markers-post'],
};
/** The kind of area each area style layer of AREA_STYLE draws. */
const FAMILY_KIND = Object.fromEntries(Object.entries(AREA_STYLE).flatMap(([kind, families]) => families.map((family) => [family, kind as AreaKind])));

/**
 * One area feature drawn by one style layer of its kind (AREA_STYLE), in a layer of its own,
 * shown by `opacity` and hidden at 0: a front that moves with the story's date changes paint
 * properties on the main thread, where a filter would send every tile of the areas back through
 * MapLibre's worker and draw the map again as each returns. A layer at opacity 0 is not drawn.
 */
export interface AreaPart {
  id: string;
  kind: AreaKind;
  /** The style layer of AREA_STYLE it belongs to. */
  family: string;
  layer: string;
  property: 'fill-opacity' | 'line-opacity';
  opacity: number;
}
export const areaLayerId = (family: string, id: string) => `${family}/${id}`;

/** The area layers of every feature of `areas` (areas.geojson), each family's in feature order. */
export function areaParts(areas: FeatureCollection): AreaPart[] {
  return Object.entries(FAMILY_KIND).flatMap(([family, kind]) =>
    areas.features
      .filter((f) => f.properties?.kind === kind)
      .map((f) => {
        const id = String(f.properties!.id);
        const fill = family.endsWith('-fill');
        const story = (Object.entries(AREA_LAYER_KINDS) as [AreaLayer, readonly AreaKind[]][]).find(([, kinds]) => kinds.includes(kind))![0];
        // The hatching of the ground taken carries its own opacity; the other fills are washes.
        return {
          id,
          kind,
          family,
          layer: areaLayerId(family, id),
          property: fill ? 'fill-opacity' : 'line-opacity',
          opacity: fill && kind !== 'taken' ? areaFill(story) : 1,
        } as const;
      }),
  );
}

/** The style layers that draw story layer `id`: its area families' layers feature by feature. */
export const styleLayersOf = (id: LayerId, areas: readonly AreaPart[]) =>
  STYLE_LAYERS[id].flatMap((family) => (family in FAMILY_KIND ? areas.filter((a) => a.family === family).map((a) => a.layer) : [family]));

export const PLACE_LAYERS = {
  dot: 'places-dot',
  ring: 'places-ring',
  label: 'places-label',
  highlightedLabel: 'places-label-highlighted',
  clearance: 'places-clearance',
} as const;
export const MARKER_LAYERS = { post: 'markers-post', event: 'markers-event', label: 'markers-label' } as const;
export const BASE_LABEL_LAYER = 'base-labels';
/** The roads, movements and arrow heads (a custom layer, `pathsLayer.ts`), under the shields. */
export const PATHS_LAYER = 'paths';
export const SHIELDS_LAYER = 'road-shields';
export const CONTEXT_LAYERS = ['context-dot', 'context-label'] as const;

/** Icon names: a marker symbol per state, a shield per road, the hatching. */
export const MARKER_ICON = (state: string) => `marker-${state}`;
export const SHIELD_ICON = (road: string) => `shield-${road}`;
export const HATCH_ICON = 'hatch';
/** An empty square as wide as a place's ring: what keeps the road shields off the places (`PLACE_LAYERS.clearance`). */
export const CLEARANCE_ICON = 'place-clearance';
/** An empty box the size of a phone's scale bar, and the layer that lays it where the frame put the bar. */
export const SCALE_BAR_ICON = 'scale-bar-clearance';
export const SCALE_BAR_LAYER = 'scale-bar-clearance';

/**
 * A road or movement as the paths layer (`pathsLayer.ts`) draws it: a casing under a line, each
 * in its colour and width, over its whole length uploaded once and cut where the frame says.
 */
export interface PathLayer {
  id: string;
  kind: PathKind;
  /** The whole path, as uploaded, and the fraction along the ground at each vertex. */
  points: Position[];
  along: number[];
  casing: { colour: string };
  line: { colour: string };
  /** Line widths in px. */
  widths: { casing: number; line: number };
}

/** Every path in `paths`, roads first (drawn under movements), each in its colours. */
export function pathLayers(paths: Readonly<Record<string, PathSamples>>, colours: Palette): PathLayer[] {
  const all = Object.values(paths);
  return [...all.filter((p) => p.kind === 'road'), ...all.filter((p) => p.kind !== 'road')].map(({ id, kind, points, along }) => {
    const road = kind === 'road' ? roadStyle(id) : undefined;
    return {
      id,
      kind,
      points,
      along,
      casing: { colour: colours.halo },
      line: { colour: road ? colours[road.colour] : colours[kind as Exclude<PathKind, 'road'>] },
      widths: road ? { casing: road.casing, line: road.line } : LINES.movement,
    };
  });
}

/**
 * The fixed sources are tiled up to zoom 8 and drawn overzoomed beyond, simplified no more than
 * a native tile at the story's closest zoom (11) would be. A close-up then needs one or two tiles
 * of each source instead of six or nine: fewer draw calls per frame, and a filter change re-lays
 * out two tiles, which arrive in one frame rather than several.
 */
const TILING = { maxzoom: 8, tolerance: 0.375 / 2 ** (11 - 8) } as const;

const hidden = { visibility: 'none' } as const;
/**
 * A place's name on one line, as the still maps draw it and `frame()` measures it to choose its
 * side: MapLibre's default wraps at 10 ems, which broke "Bab al-Hawa crossing" in two, a box
 * twice as tall as the one the frame kept clear.
 */
const ONE_LINE = { 'text-max-width': 30 } as const;
/** How the strike areas fade in as their section opens. */
const STRIKE_FADE = { duration: 300, delay: 0 } as const;
/** Matches nothing until the renderer says which features to draw. */
export const NONE: FilterSpecification = ['in', ['get', 'id'], ['literal', []]];
/** A dash in pixels as MapLibre wants it: in line widths. */
const inWidths = (dash: readonly number[], width: number) => dash.map((d) => d / width);
const shieldText = [
  'match',
  ['get', 'id'],
  ...Object.entries(ROADS).flatMap(([id, road]) => [id, road.shield]),
  ROADS.m4.shield,
] as unknown as ExpressionSpecification;

/**
 * The map's whole look, with no URL outside the site: sources are the site's own GeoJSON, and
 * labels draw with font files the site ships (`font-faces`), so no glyph server is needed.
 * Colours, sizes and the drawing order come from the cartography vocabulary the still maps use
 * too. Story layers start hidden and filtered to nothing (each area feature in layers of its
 * own at opacity 0, `areaParts`); the renderer shows what each frame decided. The `shields`
 * source (the drawn part of each road) starts empty and is filled from the frame. The roads,
 * movements and arrow heads are a custom layer added under the shields (`pathsLayer.ts`).
 * Symbols in higher layers are placed first: the story's labels win every collision, then the
 * markers, then the context towns and the names on areas.
 */
export function buildStyle(data: MapSources, fonts: { regular: string; bold: string }, colours: Palette): StyleSpecification {
  const source = (collection: FeatureCollection): GeoJSONSourceSpecification => ({ type: 'geojson', data: collection });
  const empty = () => source({ type: 'FeatureCollection', features: [] });

  const parts = areaParts(data.areas);
  /** An area family's layer for each of its features, hidden (opacity 0) until the renderer shows it. */
  const perFeature = (family: string, type: 'fill' | 'line', paint: Record<string, unknown>): LayerSpecification[] =>
    parts
      .filter((p) => p.family === family)
      .map(
        (p) =>
          ({
            id: p.layer,
            type,
            source: 'areas',
            filter: ['==', ['get', 'id'], p.id],
            layout: hidden,
            // Only the strike areas fade in (the storyboard's cue); a front that moves with the
            // date is drawn on its day at once, in one frame instead of 300 ms of them.
            paint: { ...paint, [p.property]: 0, ...(p.kind === 'strikes' ? { [`${p.property}-transition`]: STRIKE_FADE } : {}) },
          }) as LayerSpecification,
      );
  const areaFillLayer = (family: string, layer: AreaLayer) => perFeature(family, 'fill', { 'fill-color': colours[layer === 'taken' ? 'government' : layer] });
  const areaLineLayer = (family: string, layer: AreaLayer) =>
    perFeature(family, 'line', {
      'line-color': colours[layer === 'taken' ? 'government' : layer],
      'line-width': LINES.area.width,
      ...(areaDashed(layer) ? { 'line-dasharray': inWidths(LINES.area.dash, LINES.area.width) } : {}),
    });
  const halo = { 'text-halo-color': colours.halo, 'text-halo-width': PLACE.halo };

  return {
    version: 8,
    // No paint property eases unless its layer says so (the strike areas): MapLibre's default
    // 300 ms transition would draw the whole map on every frame of it.
    transition: { duration: 0, delay: 0 },
    'font-faces': { [FONTS.regular]: fonts.regular, [FONTS.bold]: fonts.bold },
    sources: {
      ...(Object.fromEntries(
        MAP_SOURCES.map((name) => [name, { ...source(data[name]), ...(['areas', 'countries', 'borders', 'idlib'].includes(name) ? TILING : {}) }]),
      ) as Record<keyof MapSources, GeoJSONSourceSpecification>),
      shields: empty(),
      furniture: empty(),
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': colours.sea } },
      // Land and Syria in two layers of one colour each: MapLibre draws an opaque fill of one
      // colour in its opaque pass, front to back, so the sea under them is never shaded.
      { id: 'countries', type: 'fill', source: 'countries', filter: ['!=', ['get', 'focus'], true], paint: { 'fill-color': colours.land } },
      { id: 'countries-focus', type: 'fill', source: 'countries', filter: ['==', ['get', 'focus'], true], paint: { 'fill-color': colours.syria } },
      ...areaFillLayer('control-fill', 'control'),
      ...perFeature('taken-fill', 'fill', { 'fill-pattern': HATCH_ICON }),
      ...areaFillLayer('strikes-fill', 'strikes'),
      ...areaLineLayer('strikes-line', 'strikes'),
      ...areaFillLayer('front-fill', 'front'),
      ...areaLineLayer('front-line-band', 'front'),
      ...areaFillLayer('contested-fill', 'contested'),
      ...areaLineLayer('contested-line', 'contested'),
      {
        id: 'borders',
        type: 'line',
        source: 'borders',
        filter: ['==', ['get', 'kind'], 'border'],
        paint: { 'line-color': colours.border, 'line-width': LINES.border },
      },
      {
        id: 'turkish-border',
        type: 'line',
        source: 'borders',
        filter: ['==', ['get', 'kind'], 'turkish-border'],
        layout: { ...hidden, 'line-join': 'round' },
        paint: { 'line-color': colours.border, 'line-width': LINES.turkishBorder, 'line-opacity': 0.9 },
      },
      {
        id: 'idlib-line',
        type: 'line',
        source: 'idlib',
        layout: { ...hidden, 'line-cap': 'round' },
        paint: { 'line-color': colours.idlib, 'line-width': LINES.idlib.width, 'line-dasharray': inWidths(LINES.idlib.dash, LINES.idlib.width) },
      },
      ...perFeature('front-line', 'line', {
        'line-color': colours.frontLine,
        'line-width': LINES.front.width,
        'line-dasharray': inWidths(LINES.front.dash, LINES.front.width),
      }),
      // Here, under the shields, the paths layer draws the roads, movements and arrow heads (loadMap.ts).
      {
        id: SHIELDS_LAYER,
        type: 'symbol',
        source: 'shields',
        layout: {
          'symbol-placement': 'line',
          'symbol-spacing': SHIELD.spacing,
          'text-field': shieldText,
          'text-font': [FONTS.bold],
          'text-size': SHIELD.size,
          'text-rotation-alignment': 'viewport',
          'icon-image': ['concat', SHIELD_ICON(''), ['get', 'id']],
          'icon-text-fit': 'both',
          'icon-text-fit-padding': [SHIELD.padY, SHIELD.padX, SHIELD.padY, SHIELD.padX],
          'icon-rotation-alignment': 'viewport',
        },
        paint: { 'text-color': ['match', ['get', 'id'], 'm5', colours.shieldText, colours.m4] },
      },
      // Dots and rings are circles, which MapLibre's label placement does not see: an empty icon
      // on every shown place, placed just before the shields (MapLibre places symbols top first),
      // keeps a shield off a place's ring and dot, as the still maps do. Nothing else is placed
      // after it, so it moves no name.
      {
        id: PLACE_LAYERS.clearance,
        type: 'symbol',
        source: 'places',
        filter: NONE,
        layout: { 'icon-image': CLEARANCE_ICON, 'icon-allow-overlap': true, 'icon-padding': 0 },
      },
      // The same for the scale bar a phone lays over a corner of the map (`Frame.scaleBar`).
      {
        id: SCALE_BAR_LAYER,
        type: 'symbol',
        source: 'furniture',
        layout: { 'icon-image': SCALE_BAR_ICON, 'icon-allow-overlap': true, 'icon-padding': 0 },
      },
      {
        id: BASE_LABEL_LAYER,
        type: 'symbol',
        source: 'labels',
        filter: NONE,
        layout: {
          'text-field': ['get', 'text'],
          'text-font': [FONTS.regular],
          'text-size': ['match', ['get', 'kind'], 'country', BASE_LABEL.country, 'sea', BASE_LABEL.sea, BASE_LABEL.governorate],
          'text-letter-spacing': BASE_LABEL.spacing,
          'text-max-width': 8,
          'symbol-sort-key': ['match', ['get', 'kind'], 'country', 0, 'sea', 1, 2],
        },
        paint: {
          'text-color': colours.labelMinor,
          'text-halo-color': colours.halo,
          'text-halo-width': 1.2,
          'text-opacity': ['match', ['get', 'kind'], 'sea', 0.85, 1],
        },
      },
      {
        id: CONTEXT_LAYERS[0],
        type: 'circle',
        source: 'context',
        filter: NONE,
        paint: { 'circle-radius': CONTEXT.radius, 'circle-color': colours.labelMinor, 'circle-opacity': 0.7 },
      },
      {
        id: CONTEXT_LAYERS[1],
        type: 'symbol',
        source: 'context',
        filter: NONE,
        layout: {
          'text-field': ['get', 'name'],
          'text-font': [FONTS.regular],
          'text-size': CONTEXT.labelSize,
          'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
          'text-radial-offset': 0.4,
          'symbol-sort-key': ['-', 0, ['get', 'population']],
        },
        paint: { 'text-color': colours.labelMinor, 'text-halo-color': colours.halo, 'text-halo-width': 1.2 },
      },
      // Under the symbols it names: MapLibre places symbols top first, so the name keeps clear of them.
      {
        id: MARKER_LAYERS.label,
        type: 'symbol',
        source: 'markers',
        filter: NONE,
        layout: {
          'text-field': ['get', 'label'],
          'text-font': [FONTS.regular],
          'text-size': MARKER.labelSize,
          'text-variable-anchor-offset': markerLabelSides([0, 0]),
          'text-max-width': MARKER.labelWidth / MARKER.labelSize,
        },
        paint: { 'text-color': colours.labelMinor, ...halo, 'text-halo-width': 1.6 },
      },
      ...(['post', 'event'] as const).map((group): LayerSpecification => ({
        id: MARKER_LAYERS[group],
        type: 'symbol',
        source: 'markers',
        filter: NONE,
        layout: {
          // Posts are a layer a section switches on; events show whenever a section lists them.
          ...(group === 'post' ? hidden : {}),
          'icon-image': ['concat', MARKER_ICON(''), ['get', 'kind']],
          'icon-allow-overlap': true,
          'icon-size': 1,
          'icon-offset': ['literal', [0, 0]],
        },
      })),
      {
        id: PLACE_LAYERS.dot,
        type: 'circle',
        source: 'places',
        filter: NONE,
        paint: {
          'circle-radius': ['match', ['get', 'kind'], 'capital', PLACE.radius('capital'), 'city', PLACE.radius('city'), PLACE.radius('town')],
          'circle-color': colours.label,
          'circle-stroke-color': colours.halo,
          'circle-stroke-width': PLACE.stroke,
        },
      },
      {
        id: PLACE_LAYERS.ring,
        type: 'circle',
        source: 'places',
        filter: NONE,
        paint: { 'circle-radius': PLACE.ring, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': colours.label, 'circle-stroke-width': PLACE.ringStroke },
      },
      {
        id: PLACE_LAYERS.label,
        type: 'symbol',
        source: 'places',
        filter: NONE,
        layout: {
          'text-field': ['get', 'name'],
          'text-font': [FONTS.regular],
          'text-size': ['match', ['get', 'kind'], ['capital', 'city'], PLACE.labelSize('city', false), PLACE.labelSize('town', false)],
          'text-variable-anchor-offset': ['literal', ['left', [0.6, 0], 'right', [-0.6, 0], 'top', [0, 0.6], 'bottom', [0, -0.6]]],
          ...ONE_LINE,
          // The story's labels are always drawn: where no side is free they overlap rather than vanish.
          'text-overlap': 'always',
        },
        paint: { 'text-color': colours.label, ...halo },
      },
      {
        id: PLACE_LAYERS.highlightedLabel,
        type: 'symbol',
        source: 'places',
        filter: NONE,
        layout: {
          'text-field': ['get', 'name'],
          'text-font': [FONTS.bold],
          'text-size': PLACE.labelSize('town', true),
          'text-variable-anchor-offset': ['literal', ['left', [1, 0], 'right', [-1, 0], 'top', [0, 1], 'bottom', [0, -1]]],
          ...ONE_LINE,
          'text-overlap': 'always',
        },
        paint: { 'text-color': colours.label, ...halo, 'text-halo-width': 2 },
      },
    ],
  };
}

/**
 * Where a called-out marker's name may go, in order: right of the symbol, left, above, below
 * (MapLibre's `text-variable-anchor-offset`, in ems), around a symbol moved `offset` px.
 */
export function markerLabelSides([x, y]: readonly [number, number]): ExpressionSpecification {
  const em = (px: number) => Math.round((px / MARKER.labelSize) * 100) / 100;
  const gap = MARKER.highlighted + 4;
  return [
    'literal',
    ['left', [em(x + gap), em(y)], 'right', [em(x - gap), em(y)], 'bottom', [em(x), em(y - gap)], 'top', [em(x), em(y + gap)]],
  ] as ExpressionSpecification;
}

/** Marker states drawn by each of the two marker layers. */
export const MARKER_GROUP = (state: (typeof MARKER_STATES)[number]) => (state === 'post' || state === 'post-encircled' ? 'post' : 'event');
