import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileCatalog, DataError, loadCatalog, readDataFiles } from '@build/data/catalog.ts';
import { countSeedParagraphs } from '@build/data/compile.ts';
import type { FileKey } from '@build/data/schema.ts';

const VALID = 'src/build/data/fixtures/data-valid';
const BROKEN = 'src/build/data/fixtures/data-broken';

/** The valid fixture folder with one file swapped for a broken one (`<case>.<file>.json`). */
function compileWith(brokenCase: string, key: FileKey) {
  const files = readDataFiles(VALID);
  const label = `${BROKEN}/${brokenCase}.${key}.json`;
  files[key] = { label, json: JSON.parse(readFileSync(label, 'utf8')) };
  return compileCatalog(files, { seedParagraphs: countSeedParagraphs() });
}

/** The problems a compile reports (none when it succeeds). */
function problemsOf(run: () => unknown): string[] {
  try {
    run();
    return [];
  } catch (error) {
    if (error instanceof DataError) return error.problems;
    throw error;
  }
}

describe('data fixtures', () => {
  it('the seed article has 38 paragraphs', () => {
    expect(countSeedParagraphs()).toBe(38);
  });

  it('the valid fixture folder compiles, read from its folder', () => {
    const data = loadCatalog({ dataDir: VALID });
    expect([...data.paths.keys()]).toEqual(['m5', 'rebel-nairab', 'gov-m5-north']);
    expect(data.paths.get('rebel-nairab')?.coordinates).toEqual([
      [36.72501, 35.90403],
      [36.718333, 35.869722],
    ]);
    expect(data.events.get('helicopter')).toMatchObject({ lon: 36.718333, lat: 35.869722 });
    expect(data.areas.get('airstrikes-idlib')?.geometry.type).toMatch(/Polygon/);
  });

  it.each([
    ['unknown-place', 'movements', 'movement "rebel-nairab", field "through[1]": unknown place "nowhere"'],
    ['out-of-region', 'places', 'place "saraqeb", field "lat": 95 is outside the story region (31..42)'],
    ['missing-source', 'markers', 'event "helicopter", field "source": missing: every feature needs a source'],
    [
      'duplicate-id',
      'roads',
      `road "aleppo", field "id": duplicate id, already used by place "aleppo" in ${VALID}/places.json`,
    ],
    [
      'date-outside-story',
      'movements',
      'movement "gov-m5-north", field "from": 2019-11-01 is outside the story window (2019-12-01..2020-02-12)',
    ],
    [
      'bad-seed',
      'markers',
      'event "helicopter", field "seed[1]": paragraph 99 does not exist (the seed has 38 paragraphs)',
    ],
    [
      'off-map-place',
      'movements',
      'movement "rebel-nairab", field "through[1]": place "moscow" is off the map (offMap): it can only be pointed at',
    ],
    [
      'front-line-crosses-itself',
      'areas',
      'area "opposition-held", field "geometry.closeVia": the front line "front-line" closed this way crosses itself',
    ],
    [
      'area-before-its-base',
      'areas',
      'area "airstrikes-idlib", field "geometry.area": unknown area "opposition-held" (an area must be defined before the areas built from it)',
    ],
  ] as const)('%s (%s.json) fails with the file, feature, field and reason', (brokenCase, key, message) => {
    const problems = problemsOf(() => compileWith(brokenCase, key));
    expect(problems).toEqual([`${BROKEN}/${brokenCase}.${key}.json: ${message}`]);
  });

  it('a DataError message lists every problem, one a line', () => {
    const files = readDataFiles(VALID);
    const places = structuredClone(files.places.json) as { places: Record<string, unknown>[] };
    places.places[0]!.lon = 50;
    delete places.places[1]!.source;
    files.places = { label: 'data/places.json', json: places };
    expect(() => compileCatalog(files, { seedParagraphs: 38 })).toThrow(
      new DataError(['data/places.json: place "saraqeb", field "source": missing: every feature needs a source']),
    );
    places.places[1]!.source = 'restored';
    expect(() => compileCatalog(files, { seedParagraphs: 38 })).toThrow(
      'data/places.json: place "aleppo", field "lon": 50 is outside the story region (30..45)',
    );
  });

  it('refuses a date that does not exist, a movement that ends before it starts, and a stop off its dates', () => {
    const files = readDataFiles(VALID);
    const movements = structuredClone(files.movements.json) as { movements: Record<string, unknown>[] };
    movements.movements[0]!.to = '2020-02-30';
    movements.movements[1]!.from = '2020-02-12';
    files.movements = { label: 'data/movements.json', json: movements };
    expect(problemsOf(() => compileCatalog(files, { seedParagraphs: 38 }))).toEqual([
      'data/movements.json: movement "rebel-nairab", field "to": "2020-02-30" is not a date (YYYY-MM-DD)',
      'data/movements.json: movement "gov-m5-north", field "to": 2020-02-11 is before "from" (2020-02-12)',
      `data/movements.json: movement "gov-m5-north", field "stops[0].date": 2020-02-11 is outside the movement's dates (2020-02-12..2020-02-11)`,
    ]);
  });

  it('refuses an arrow drawn short at an end whose leg is too short to cut', () => {
    const files = readDataFiles(VALID);
    const movements = structuredClone(files.movements.json) as { movements: Record<string, unknown>[] };
    // Sarmin to Nairab, about 3.8 km: room to start and to stop 1.5 km short on the one leg.
    Object.assign(movements.movements[0]!, { toward: true, fromNear: true });
    files.movements = { label: 'data/movements.json', json: movements };
    expect(problemsOf(() => compileCatalog(files, { seedParagraphs: 38 }))).toEqual([]);
    // Nairab moved to about 2 km from Sarmin: room for one cut, not both.
    const places = structuredClone(files.places.json) as { places: { id: string; lat: number }[] };
    places.places.find((p) => p.id === 'nairab')!.lat = 35.886;
    files.places = { label: 'data/places.json', json: places };
    expect(problemsOf(() => compileCatalog(files, { seedParagraphs: 38 }))).toEqual([
      'data/movements.json: movement "rebel-nairab", field "fromNear": the only leg is too short to cut 1.5 km from both ends (it must be over 3 km)',
    ]);
    // Cut at one end only, the same leg is long enough.
    delete movements.movements[0]!.fromNear;
    expect(problemsOf(() => compileCatalog(files, { seedParagraphs: 38 }))).toEqual([]);
    // Nairab about 1 km from Sarmin: too short for the one cut.
    places.places.find((p) => p.id === 'nairab')!.lat = 35.895;
    expect(problemsOf(() => compileCatalog(files, { seedParagraphs: 38 }))).toEqual([
      'data/movements.json: movement "rebel-nairab", field "toward": the last leg is too short for the arrow to stop 1.5 km short of it',
    ]);
  });

  it('a missing data folder names each missing file', () => {
    expect(problemsOf(() => readDataFiles('src/build/data/fixtures/no-such-folder'))).toContain(
      'src/build/data/fixtures/no-such-folder/places.json: file is missing',
    );
  });
});
