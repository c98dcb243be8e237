// The baseline's map, written as a template user would write it: the story's GeoJSON files as
// sources, one style layer per thing a chapter can show, every chapter layer present from the
// start at opacity 0, and chapters fading them in or out (the template's onChapterEnter). The
// places are a base layer, always on, like the labels of a template's base style. Shared by
// the page (main.js) and its builder (build.mjs), which must agree on the layer names.

/** The files of dist/data/ the baseline draws (copied next to the page at bench time). */
export const DATA_FILES = ['countries', 'borders', 'idlib', 'areas', 'places', 'markers', 'roads', 'movements'];

/** Files whose features are paths a chapter names by id (frontmatter `map.paths[].id`). */
export const PATH_FILES = ['roads', 'movements'];

/** Feature kinds (see data/README.md) drawn by each area and marker layer. */
const AREA_KINDS = { control: ['control', 'front-line'], taken: ['taken'], contested: ['contested'], front: ['front'], strikes: ['strikes'] };
const MARKER_KINDS = { posts: ['turkish-post'] };
/**
 * Area kinds the data holds as dated snapshots: a template user draws one of each, the latest
 * (`latest`, found by build.mjs), not every snapshot on top of the others.
 */
export const SNAPSHOT_KINDS = ['control', 'front-line', 'taken'];

/** The style layers each story layer (frontmatter `map.layers`) shows. */
export const CHAPTER_LAYERS = {
  idlib: ['idlib-line'],
  border: ['turkish-border'],
  ...Object.fromEntries(Object.keys(AREA_KINDS).map((id) => [id, [`${id}-fill`, `${id}-line`]])),
  ...Object.fromEntries(Object.keys(MARKER_KINDS).map((id) => [id, [`${id}-circle`, `${id}-label`]])),
};

export const pathLayer = (id) => `path-${id}`;

/** The opacity a chapter fades a layer in to: areas stay see-through, as on the story's map. */
export const shownOpacity = (layer) => (layer === 'control-fill' ? 0.16 : layer.endsWith('-fill') ? 0.28 : 1);

/** The paint properties that fade each layer type, as the template's `layerTypes` table has them. */
export const OPACITY_PROPERTIES = {
  fill: ['fill-opacity'],
  line: ['line-opacity'],
  circle: ['circle-opacity', 'circle-stroke-opacity'],
  symbol: ['icon-opacity', 'text-opacity'],
};

const COLOURS = {
  sea: '#dde6eb',
  land: '#ece8df',
  syria: '#f8f5ee',
  border: '#8d867a',
  idlib: '#4a4a4a',
  label: '#1d1d1d',
  halo: '#ffffff',
  road: '#2b2b2b',
  government: '#b3261e',
  rebel: '#2e7d32',
  turkish: '#1c5d99',
  civilian: '#7a3f9d',
  control: '#2e7d32',
  taken: '#b3261e',
  contested: '#c77700',
  front: '#c77700',
  strikes: '#d84315',
  posts: '#1c5d99',
};

const FONT = 'Noto Sans Regular';
const byKind = (kinds) => ['in', ['get', 'kind'], ['literal', kinds]];
/** The features of `kinds`, only the latest snapshot of snapshot kinds (`latest`: kind → date). */
const areaFilter = (kinds, latest) => ['any', ...kinds.map((k) => (SNAPSHOT_KINDS.includes(k) ? ['all', ['==', ['get', 'kind'], k], ['==', ['get', 'date'], latest[k] ?? '']] : ['==', ['get', 'kind'], k]))];

/**
 * The style: `dataUrl(name)` gives each GeoJSON file's URL, `fontUrl` the woff2 labels draw
 * with, `paths` the chapters' paths as `{ id, file }`, `latest` the date of the latest snapshot
 * of each snapshot kind.
 */
export function baselineStyle({ dataUrl, fontUrl, paths, latest }) {
  const areas = Object.entries(AREA_KINDS).flatMap(([id, kinds]) => [
    { id: `${id}-fill`, type: 'fill', source: 'areas', filter: areaFilter(kinds.filter((k) => k !== 'front-line'), latest), paint: { 'fill-color': COLOURS[id], 'fill-opacity': 0 } },
    { id: `${id}-line`, type: 'line', source: 'areas', filter: areaFilter(kinds, latest), paint: { 'line-color': COLOURS[id], 'line-width': 1.2, 'line-opacity': 0 } },
  ]);
  const pathLayers = paths.map(({ id, file }) => ({
    id: pathLayer(id),
    type: 'line',
    source: file,
    filter: ['==', ['get', 'id'], id],
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: {
      'line-color': ['match', ['get', 'kind'], 'government', COLOURS.government, 'rebel', COLOURS.rebel, 'turkish', COLOURS.turkish, 'civilian', COLOURS.civilian, COLOURS.road],
      'line-width': ['match', ['get', 'kind'], 'road', 2.2, 4],
      'line-opacity': 0,
    },
  }));
  const markers = Object.entries(MARKER_KINDS).flatMap(([id, kinds]) => [
    {
      id: `${id}-circle`,
      type: 'circle',
      source: 'markers',
      filter: byKind(kinds),
      paint: { 'circle-radius': 6, 'circle-color': COLOURS[id], 'circle-stroke-color': COLOURS.halo, 'circle-stroke-width': 2, 'circle-opacity': 0, 'circle-stroke-opacity': 0 },
    },
    {
      id: `${id}-label`,
      type: 'symbol',
      source: 'markers',
      filter: byKind(kinds),
      layout: { 'text-field': ['get', 'label'], 'text-font': [FONT], 'text-size': 12, 'text-anchor': 'top-left', 'text-offset': [0.7, 0.5], 'text-max-width': 12 },
      paint: { 'text-color': COLOURS[id], 'text-halo-color': COLOURS.halo, 'text-halo-width': 1.6, 'text-opacity': 0, 'icon-opacity': 0 },
    },
  ]);
  return {
    version: 8,
    'font-faces': { [FONT]: fontUrl },
    sources: Object.fromEntries(DATA_FILES.map((name) => [name, { type: 'geojson', data: dataUrl(name) }])),
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': COLOURS.sea } },
      { id: 'countries', type: 'fill', source: 'countries', paint: { 'fill-color': ['match', ['get', 'id'], '760', COLOURS.syria, COLOURS.land] } },
      ...areas,
      { id: 'borders', type: 'line', source: 'borders', paint: { 'line-color': COLOURS.border, 'line-width': 1 } },
      { id: 'turkish-border', type: 'line', source: 'borders', filter: byKind(['turkish-border']), paint: { 'line-color': COLOURS.border, 'line-width': 3, 'line-opacity': 0 } },
      { id: 'idlib-line', type: 'line', source: 'idlib', paint: { 'line-color': COLOURS.idlib, 'line-width': 1.4, 'line-dasharray': [4, 2], 'line-opacity': 0 } },
      ...pathLayers,
      ...markers,
      {
        id: 'places-dot',
        type: 'circle',
        source: 'places',
        paint: { 'circle-radius': 3.5, 'circle-color': COLOURS.label, 'circle-stroke-color': COLOURS.halo, 'circle-stroke-width': 1.5 },
      },
      {
        id: 'places-label',
        type: 'symbol',
        source: 'places',
        layout: {
          'text-field': ['get', 'name'],
          'text-font': [FONT],
          'text-size': 13,
          'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
          'text-radial-offset': 0.6,
          'symbol-sort-key': ['get', 'rank'],
        },
        paint: { 'text-color': COLOURS.label, 'text-halo-color': COLOURS.halo, 'text-halo-width': 1.8 },
      },
    ],
  };
}
