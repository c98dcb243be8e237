import type { StyleSpecification } from 'maplibre-gl';

/**
 * The map's whole look, with no URL outside the site: sources are the site's own GeoJSON files,
 * and labels draw with a font file the site ships (`font-faces`), so no glyph server is needed.
 * `root` is the site's root URL as seen from the current page.
 */
export function buildStyle(root: URL): StyleSpecification {
  const data = (name: string) => new URL(`data/${name}.geojson`, root).href;
  return {
    version: 8,
    sources: {
      countries: { type: 'geojson', data: data('countries') },
      borders: { type: 'geojson', data: data('borders') },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#dfe7ec' } },
      {
        id: 'countries',
        type: 'fill',
        source: 'countries',
        paint: { 'fill-color': ['match', ['get', 'id'], '760', '#fbf8f1', '#efebe3'] },
      },
      { id: 'borders', type: 'line', source: 'borders', paint: { 'line-color': '#8a8378', 'line-width': 1 } },
    ],
  };
}
