import type { FeatureCollection } from 'geojson';
import { catalog, type Place } from '../data/catalog.ts';
import { dataset } from '../data/datasets.ts';

/** What a static map draws from, beyond the frame: the same datasets the live map loads. */
export interface SvgData {
  countries: FeatureCollection;
  borders: FeatureCollection;
  idlib: FeatureCollection;
  areas: FeatureCollection;
  markers: FeatureCollection;
  places: ReadonlyMap<string, SvgPlace>;
}

/** What a picture needs of a place: capitals and cities get bigger dots and type, lower ranks are labelled first. */
export type SvgPlace = Pick<Place, 'name' | 'lon' | 'lat' | 'kind' | 'rank'>;

export function svgData(): SvgData {
  return {
    countries: dataset('countries'),
    borders: dataset('borders'),
    idlib: dataset('idlib'),
    areas: dataset('areas'),
    markers: dataset('markers'),
    places: catalog().places,
  };
}
