import type { ExpressionSpecification, GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, LineString, Point } from 'geojson';
import type { Frame } from '../frame.ts';
import type { Camera, LayerId } from '../story/mapState.ts';
import { STYLE_LAYERS } from './style.ts';

// From the style, not the schema: the schema module brings zod, which the browser never needs.
const LAYER_IDS = Object.keys(STYLE_LAYERS) as LayerId[];

/** How long a camera flight between sections takes, in ms (cut to 0 under reduced motion). */
export const FLIGHT_MS = 1400;

const sameList = (a: readonly string[] | undefined, b: readonly string[]) =>
  a === b || (!!a && a.length === b.length && a.every((x, i) => x === b[i]));

const sameCamera = (a: Camera | undefined, b: Camera) =>
  !!a && a.zoom === b.zoom && a.bearing === b.bearing && a.pitch === b.pitch && a.center[0] === b.center[0] && a.center[1] === b.center[1];

function samePaths(a: Frame['paths'] | undefined, b: Frame['paths']) {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i]!.id !== b[i]!.id || a[i]!.fraction !== b[i]!.fraction) return false;
  return true;
}

/**
 * The live renderer: brings a MapLibre map to a frame. Idempotent and incremental: it compares
 * with the frame it last applied and touches only what changed, so it is cheap on every scroll
 * event and gives the same picture whatever order frames arrive in.
 */
export function createRenderer(map: MapLibreMap) {
  let last: Frame | undefined;

  function setFilter(layer: string, ids: readonly string[]) {
    map.setFilter(layer, ['in', ['get', 'id'], ['literal', [...ids]]]);
  }

  return function applyFrame(next: Frame, { instant }: { instant: boolean }) {
    for (const id of LAYER_IDS) {
      const visible = next.layers.includes(id);
      if (last && last.layers.includes(id) === visible) continue;
      for (const layer of STYLE_LAYERS[id]) map.setLayoutProperty(layer, 'visibility', visible ? 'visible' : 'none');
    }
    if (!last || !sameList(last.places, next.places) || !sameList(last.highlight, next.highlight)) {
      const highlighted = next.highlight.filter((id) => next.places.includes(id));
      setFilter('places-dot', next.places);
      setFilter('places-highlight', highlighted);
      setFilter('places-label', next.places.filter((id) => !highlighted.includes(id)));
      setFilter('places-label-highlight', highlighted);
      const markerRadius: ExpressionSpecification = ['case', ['in', ['get', 'id'], ['literal', [...next.highlight]]], 9, 6];
      map.setPaintProperty('posts-circle', 'circle-radius', markerRadius);
      map.setPaintProperty('helicopter-circle', 'circle-radius', markerRadius);
    }
    if (!samePaths(last?.paths, next.paths)) {
      const lines: Feature<LineString>[] = [];
      const heads: Feature<Point>[] = [];
      for (const p of next.paths) {
        if (p.line.length < 2) continue;
        lines.push({ type: 'Feature', properties: { id: p.id, kind: p.kind }, geometry: { type: 'LineString', coordinates: p.line } });
        if (p.head && p.kind !== 'road') {
          heads.push({ type: 'Feature', properties: { id: p.id, kind: p.kind, bearing: p.bearing }, geometry: { type: 'Point', coordinates: p.head } });
        }
      }
      map.getSource<GeoJSONSource>('paths')!.setData({ type: 'FeatureCollection', features: lines });
      map.getSource<GeoJSONSource>('heads')!.setData({ type: 'FeatureCollection', features: heads });
    }
    if (!sameCamera(last?.camera, next.camera)) {
      const { center, zoom, bearing, pitch } = next.camera;
      if (instant || !last) map.jumpTo({ center, zoom, bearing, pitch });
      else map.flyTo({ center, zoom, bearing, pitch, duration: FLIGHT_MS, curve: 1.2, essential: false });
    }
    last = next;
  };
}

/** The layers a map really shows, read back from MapLibre (for tests and the camera helper). */
export function visibleLayers(map: MapLibreMap): LayerId[] {
  return LAYER_IDS.filter((id) => map.getLayoutProperty(STYLE_LAYERS[id][0]!, 'visibility') === 'visible');
}
