import type { FeatureCollection } from 'geojson';
import { borders, countries } from './basemap.ts';
import { contextTowns } from './context.ts';
import {
  areasCollection,
  idlibCollection,
  labelsCollection,
  markersCollection,
  movementsCollection,
  placesCollection,
  roadsCollection,
} from './publish.ts';

/**
 * Every GeoJSON file the site publishes under `data/`, by name. Each is compiled once per build,
 * validated on the way, and served both to the live map and to anyone who downloads it.
 */
const builders = {
  countries,
  borders,
  idlib: idlibCollection,
  places: placesCollection,
  roads: roadsCollection,
  movements: movementsCollection,
  areas: areasCollection,
  markers: markersCollection,
  labels: labelsCollection,
  context: contextTowns,
} satisfies Record<string, () => FeatureCollection>;

export type DatasetName = keyof typeof builders;
export const DATASET_NAMES = Object.keys(builders) as DatasetName[];

const cache = new Map<DatasetName, FeatureCollection>();
export function dataset(name: DatasetName): FeatureCollection {
  let fc = cache.get(name);
  if (!fc) cache.set(name, (fc = builders[name]()));
  return fc;
}
