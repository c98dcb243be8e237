import type { MapData } from '@lib/svg/renderSvg.ts';
import { catalog } from './data/catalog.ts';
import { dataset } from './data/datasets.ts';

/** What the still maps draw from, beyond the frame: the same datasets the live map loads. */
export const mapData = (): MapData => ({
  countries: dataset('countries'),
  borders: dataset('borders'),
  idlib: dataset('idlib'),
  areas: dataset('areas'),
  markers: dataset('markers'),
  labels: dataset('labels'),
  context: dataset('context'),
  places: catalog().places,
});
