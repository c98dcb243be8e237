import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, GeoJSONSourceSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { ACTORS, AREA_LAYERS, LAYER_KINDS, MARKER_LAYERS, type AreaLayer, type LayerId, type MarkerLayer } from '../cartography/layers.ts';
import type { Palette } from '../cartography/palette.ts';
import { FONTS, LINES, MARKER, PLACE, areaDashed, areaFill } from '../cartography/symbols.ts';

/** Which style layers make up each story layer a section can switch on. */
export const STYLE_LAYERS: Record<LayerId, readonly string[]> = {
  idlib: ['idlib-line'],
  ...(Object.fromEntries(AREA_LAYERS.map((id) => [id, [`${id}-fill`, `${id}-line`]])) as Record<AreaLayer, string[]>),
  ...(Object.fromEntries(MARKER_LAYERS.map((id) => [id, [`${id}-circle`, `${id}-label`]])) as Record<MarkerLayer, string[]>),
};

/** The layers whose filters `frame()`'s decisions set (`renderer.ts`). */
export const PLACE_LAYERS = { dot: 'places-dot', ring: 'places-highlight', label: 'places-label', highlightedLabel: 'places-label-highlight' } as const;
export const MARKER_CIRCLES = MARKER_LAYERS.map((id) => `${id}-circle`);
export const ARROW_ICON = (kind: string) => `arrow-${kind}`;

const hidden = { visibility: 'none' } as const;
const byKind = (layer: AreaLayer | MarkerLayer): ExpressionSpecification => ['in', ['get', 'kind'], ['literal', [...LAYER_KINDS[layer]]]];
const none: ExpressionSpecification = ['in', ['get', 'id'], ['literal', []]];
/** A dash in pixels as MapLibre wants it: in line widths. */
const inWidths = (dash: readonly number[], width: number) => dash.map((d) => d / width);

/** The site's GeoJSON files the map draws (`dist/data/<name>.geojson`), fetched and checked first (`controller.ts`). */
export const MAP_SOURCES = ['countries', 'borders', 'idlib', 'areas', 'places', 'markers'] as const;
export type MapSources = Record<(typeof MAP_SOURCES)[number], FeatureCollection>;

/**
 * The map's whole look, with no URL outside the site: sources are the site's own GeoJSON,
 * and labels draw with font files the site ships (`font-faces`), so no glyph server is needed.
 * Colours, sizes and the drawing order come from the cartography vocabulary the still maps use
 * too. Story layers start hidden; the renderer shows what each frame needs. The `paths` and
 * `heads` sources start empty and are filled from the frame as the reader scrolls.
 */
export function buildStyle(data: MapSources, fonts: { regular: string; bold: string }, colours: Palette): StyleSpecification {
  const source = (collection: FeatureCollection): GeoJSONSourceSpecification => ({ type: 'geojson', data: collection });
  const empty = () => source({ type: 'FeatureCollection', features: [] });
  const pathColour = ['match', ['get', 'kind'], ...ACTORS.flatMap((actor) => [actor, colours[actor]]), colours.road] as unknown as ExpressionSpecification;
  const byPathKind = (road: number, movement: number): ExpressionSpecification => ['match', ['get', 'kind'], 'road', road, movement];

  const area = (id: AreaLayer): LayerSpecification[] => [
    { id: `${id}-fill`, type: 'fill', source: 'areas', filter: byKind(id), layout: hidden, paint: { 'fill-color': colours[id], 'fill-opacity': areaFill(id) } },
    {
      id: `${id}-line`,
      type: 'line',
      source: 'areas',
      filter: byKind(id),
      layout: hidden,
      paint: { 'line-color': colours[id], 'line-width': LINES.area.width, ...(areaDashed(id) ? { 'line-dasharray': inWidths(LINES.area.dash, LINES.area.width) } : {}) },
    },
  ];

  const marker = (id: MarkerLayer): LayerSpecification[] => [
    {
      id: `${id}-circle`,
      type: 'circle',
      source: 'markers',
      filter: byKind(id),
      layout: hidden,
      paint: { 'circle-radius': MARKER.radius, 'circle-color': colours[id], 'circle-stroke-color': colours.halo, 'circle-stroke-width': MARKER.stroke },
    },
    {
      id: `${id}-label`,
      type: 'symbol',
      source: 'markers',
      filter: byKind(id),
      layout: {
        ...hidden,
        'text-field': ['get', 'label'],
        'text-font': [FONTS.regular],
        'text-size': MARKER.labelSize,
        'text-anchor': 'top-left',
        'text-offset': [0.7, 0.5],
        'text-max-width': MARKER.labelWidth / MARKER.labelSize,
      },
      paint: { 'text-color': colours[id], 'text-halo-color': colours.halo, 'text-halo-width': 1.6 },
    },
  ];

  return {
    version: 8,
    'font-faces': { [FONTS.regular]: fonts.regular, [FONTS.bold]: fonts.bold },
    sources: {
      ...(Object.fromEntries(MAP_SOURCES.map((name) => [name, source(data[name])])) as Record<keyof MapSources, GeoJSONSourceSpecification>),
      paths: empty(),
      heads: empty(),
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': colours.sea } },
      { id: 'countries', type: 'fill', source: 'countries', paint: { 'fill-color': ['case', ['==', ['get', 'focus'], true], colours.syria, colours.land] } },
      ...AREA_LAYERS.flatMap(area),
      { id: 'borders', type: 'line', source: 'borders', paint: { 'line-color': colours.border, 'line-width': LINES.border } },
      {
        id: 'idlib-line',
        type: 'line',
        source: 'idlib',
        layout: hidden,
        paint: { 'line-color': colours.idlib, 'line-width': LINES.idlib.width, 'line-dasharray': inWidths(LINES.idlib.dash, LINES.idlib.width) },
      },
      {
        id: 'paths-casing',
        type: 'line',
        source: 'paths',
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: { 'line-color': colours.halo, 'line-width': byPathKind(LINES.road.casing, LINES.movement.casing) },
      },
      {
        id: 'paths-line',
        type: 'line',
        source: 'paths',
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: { 'line-color': pathColour, 'line-width': byPathKind(LINES.road.line, LINES.movement.line) },
      },
      {
        id: 'heads',
        type: 'symbol',
        source: 'heads',
        layout: {
          'icon-image': ['concat', ARROW_ICON(''), ['get', 'kind']],
          // The arrow's tip, not its middle, sits on the end of the drawn line.
          'icon-anchor': 'top',
          'icon-rotate': ['get', 'bearing'],
          'icon-rotation-alignment': 'map',
          'icon-allow-overlap': true,
          'icon-ignore-placement': true,
        },
      },
      ...MARKER_LAYERS.flatMap(marker),
      {
        id: PLACE_LAYERS.dot,
        type: 'circle',
        source: 'places',
        filter: none,
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
        filter: none,
        paint: { 'circle-radius': PLACE.ring, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': colours.label, 'circle-stroke-width': PLACE.ringStroke },
      },
      {
        id: PLACE_LAYERS.label,
        type: 'symbol',
        source: 'places',
        filter: none,
        layout: {
          'text-field': ['get', 'name'],
          'text-font': [FONTS.regular],
          'text-size': ['match', ['get', 'kind'], ['capital', 'city'], PLACE.labelSize('city', false), PLACE.labelSize('town', false)],
          'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
          'text-radial-offset': 0.6,
          'symbol-sort-key': ['get', 'rank'],
        },
        paint: { 'text-color': colours.label, 'text-halo-color': colours.halo, 'text-halo-width': PLACE.halo },
      },
      {
        id: PLACE_LAYERS.highlightedLabel,
        type: 'symbol',
        source: 'places',
        filter: none,
        layout: {
          'text-field': ['get', 'name'],
          'text-font': [FONTS.bold],
          'text-size': PLACE.labelSize('town', true),
          'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
          'text-radial-offset': 1.1,
          'text-allow-overlap': true,
        },
        paint: { 'text-color': colours.label, 'text-halo-color': colours.halo, 'text-halo-width': 2 },
      },
    ],
  };
}
