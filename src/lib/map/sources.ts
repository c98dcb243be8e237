import type { FeatureCollection } from 'geojson';

/**
 * The site's GeoJSON files the map draws (`dist/data/<name>.geojson`), fetched and checked first
 * (`controller.ts`). A module of its own so that the page's first script, which fetches them, does
 * not carry the map's style (`style.ts`), which only the map's own chunk needs.
 */
export const MAP_SOURCES = ['countries', 'borders', 'idlib', 'areas', 'places', 'markers', 'labels', 'context'] as const;
export type MapSources = Record<(typeof MAP_SOURCES)[number], FeatureCollection>;
