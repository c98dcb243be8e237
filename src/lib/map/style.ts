import type { ExpressionSpecification, GeoJSONSourceSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { LayerId } from '../story/mapState.ts';
import { AREA_COLOURS, BASE, MARKER_COLOURS, PATH_COLOURS } from './palette.ts';

/** Which style layers make up each story layer a section can switch on. */
export const STYLE_LAYERS: Record<LayerId, string[]> = {
  idlib: ['idlib-line'],
  control: ['control-fill', 'control-line'],
  contested: ['contested-fill', 'contested-line'],
  front: ['front-fill', 'front-line'],
  strikes: ['strikes-fill', 'strikes-line'],
  posts: ['posts-circle', 'posts-label'],
  helicopter: ['helicopter-circle', 'helicopter-label'],
};

/** Area and marker features carry a `kind` (see data/README.md); these are the kinds each story layer draws. */
export const LAYER_KINDS: Record<Exclude<LayerId, 'idlib'>, string[]> = {
  control: ['control'],
  contested: ['contested'],
  front: ['front'],
  strikes: ['strikes'],
  posts: ['turkish-position', 'turkish-post-encircled'],
  helicopter: ['helicopter-down'],
};

export const FONTS = { regular: 'Noto Sans Regular', bold: 'Noto Sans Bold' } as const;

const pathColour: ExpressionSpecification = [
  'match',
  ['get', 'kind'],
  ...Object.entries(PATH_COLOURS).flat(),
  PATH_COLOURS.road,
] as unknown as ExpressionSpecification;

const hidden = { visibility: 'none' } as const;
const byKind = (kinds: string[]): ExpressionSpecification => ['in', ['get', 'kind'], ['literal', kinds]];

function area(id: keyof typeof AREA_COLOURS, dashed = false): LayerSpecification[] {
  const colour = AREA_COLOURS[id];
  return [
    {
      id: `${id}-fill`,
      type: 'fill',
      source: 'areas',
      filter: byKind(LAYER_KINDS[id]),
      layout: hidden,
      paint: { 'fill-color': colour, 'fill-opacity': id === 'control' ? 0.16 : 0.28 },
    },
    {
      id: `${id}-line`,
      type: 'line',
      source: 'areas',
      filter: byKind(LAYER_KINDS[id]),
      layout: hidden,
      paint: { 'line-color': colour, 'line-width': 1.2, ...(dashed ? { 'line-dasharray': [3, 2] } : {}) },
    },
  ];
}

function marker(id: 'posts' | 'helicopter'): LayerSpecification[] {
  return [
    {
      id: `${id}-circle`,
      type: 'circle',
      source: 'markers',
      filter: byKind(LAYER_KINDS[id]),
      layout: hidden,
      paint: {
        'circle-radius': 6,
        'circle-color': MARKER_COLOURS[id],
        'circle-stroke-color': BASE.halo,
        'circle-stroke-width': 2,
      },
    },
    {
      id: `${id}-label`,
      type: 'symbol',
      source: 'markers',
      filter: byKind(LAYER_KINDS[id]),
      layout: {
        ...hidden,
        'text-field': ['get', 'label'],
        'text-font': [FONTS.regular],
        'text-size': 12,
        'text-anchor': 'top-left',
        'text-offset': [0.7, 0.5],
        'text-max-width': 12,
      },
      paint: { 'text-color': MARKER_COLOURS[id], 'text-halo-color': BASE.halo, 'text-halo-width': 1.6 },
    },
  ];
}

/**
 * The map's whole look, with no URL outside the site: sources are the site's own GeoJSON files,
 * and labels draw with font files the site ships (`font-faces`), so no glyph server is needed.
 * Story layers start hidden; `applyFrame` shows what each section needs. The `paths` and
 * `heads` sources start empty and are filled from the frame as the reader scrolls.
 */
export function buildStyle(root: URL, fonts: { regular: string; bold: string }): StyleSpecification {
  const data = (name: string) => new URL(`data/${name}.geojson`, root).href;
  const empty = (): GeoJSONSourceSpecification => ({ type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  return {
    version: 8,
    'font-faces': { [FONTS.regular]: fonts.regular, [FONTS.bold]: fonts.bold },
    sources: {
      countries: { type: 'geojson', data: data('countries') },
      borders: { type: 'geojson', data: data('borders') },
      idlib: { type: 'geojson', data: data('idlib') },
      areas: { type: 'geojson', data: data('areas') },
      places: { type: 'geojson', data: data('places') },
      markers: { type: 'geojson', data: data('markers') },
      paths: empty(),
      heads: empty(),
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': BASE.sea } },
      {
        id: 'countries',
        type: 'fill',
        source: 'countries',
        paint: { 'fill-color': ['match', ['get', 'id'], '760', BASE.syria, BASE.land] },
      },
      ...area('control'),
      ...area('strikes'),
      ...area('front', true),
      ...area('contested', true),
      { id: 'borders', type: 'line', source: 'borders', paint: { 'line-color': BASE.border, 'line-width': 1 } },
      {
        id: 'idlib-line',
        type: 'line',
        source: 'idlib',
        layout: hidden,
        paint: { 'line-color': BASE.idlib, 'line-width': 1.4, 'line-dasharray': [4, 2] },
      },
      {
        id: 'paths-casing',
        type: 'line',
        source: 'paths',
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: { 'line-color': BASE.halo, 'line-width': ['match', ['get', 'kind'], 'road', 4.5, 6.5] },
      },
      {
        id: 'paths-line',
        type: 'line',
        source: 'paths',
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: { 'line-color': pathColour, 'line-width': ['match', ['get', 'kind'], 'road', 2.2, 4] },
      },
      {
        id: 'heads',
        type: 'symbol',
        source: 'heads',
        layout: {
          'icon-image': ['concat', 'arrow-', ['get', 'kind']],
          // The arrow's tip, not its middle, sits on the end of the drawn line.
          'icon-anchor': 'top',
          'icon-rotate': ['get', 'bearing'],
          'icon-rotation-alignment': 'map',
          'icon-allow-overlap': true,
          'icon-ignore-placement': true,
        },
      },
      ...marker('posts'),
      ...marker('helicopter'),
      {
        id: 'places-dot',
        type: 'circle',
        source: 'places',
        filter: ['in', ['get', 'id'], ['literal', []]],
        paint: {
          'circle-radius': ['match', ['get', 'kind'], 'capital', 4.5, 'city', 4, 3],
          'circle-color': BASE.label,
          'circle-stroke-color': BASE.halo,
          'circle-stroke-width': 1.5,
        },
      },
      {
        id: 'places-highlight',
        type: 'circle',
        source: 'places',
        filter: ['in', ['get', 'id'], ['literal', []]],
        paint: {
          'circle-radius': 11,
          'circle-color': 'rgba(0,0,0,0)',
          'circle-stroke-color': BASE.label,
          'circle-stroke-width': 2,
        },
      },
      {
        id: 'places-label',
        type: 'symbol',
        source: 'places',
        filter: ['in', ['get', 'id'], ['literal', []]],
        layout: {
          'text-field': ['get', 'name'],
          'text-font': [FONTS.regular],
          'text-size': ['match', ['get', 'kind'], ['capital', 'city'], 14, 12.5],
          'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
          'text-radial-offset': 0.6,
          'symbol-sort-key': ['get', 'rank'],
        },
        paint: { 'text-color': BASE.label, 'text-halo-color': BASE.halo, 'text-halo-width': 1.8 },
      },
      {
        id: 'places-label-highlight',
        type: 'symbol',
        source: 'places',
        filter: ['in', ['get', 'id'], ['literal', []]],
        layout: {
          'text-field': ['get', 'name'],
          'text-font': [FONTS.bold],
          'text-size': 15,
          'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
          'text-radial-offset': 1.1,
          'text-allow-overlap': true,
        },
        paint: { 'text-color': BASE.label, 'text-halo-color': BASE.halo, 'text-halo-width': 2 },
      },
    ],
  };
}
