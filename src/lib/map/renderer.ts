import type { ExpressionSpecification, FilterSpecification, GeoJSONSource } from 'maplibre-gl';
import type { Feature, LineString, Point } from 'geojson';
import { LAYER_IDS, type LayerId } from '../cartography/layers.ts';
import { MARKER } from '../cartography/symbols.ts';
import type { Frame } from '../frame/frame.ts';
import type { Camera } from '../story/section.ts';
import { MARKER_CIRCLES, PLACE_LAYERS, STYLE_LAYERS } from './style.ts';

/** How long a camera flight between sections takes, in ms (cut to 0 under reduced motion). */
export const FLIGHT_MS = 1400;

/**
 * The part of MapLibre's map the renderer uses: a real map in the browser, a recording stand-in
 * in the unit test (`renderer.test.ts`).
 */
export interface RenderTarget {
  setLayoutProperty(layer: string, name: 'visibility', value: 'visible' | 'none'): unknown;
  setFilter(layer: string, filter: FilterSpecification): unknown;
  setPaintProperty(layer: string, name: 'circle-radius', value: ExpressionSpecification): unknown;
  getSource(id: string): unknown;
  jumpTo(camera: Camera): unknown;
  /** Fits the canvas to its container again. */
  resize(): unknown;
  flyTo(options: Camera & { duration: number; curve: number; essential: boolean }): unknown;
}

const sameList = <T>(a: readonly T[] | undefined, b: readonly T[], same: (x: T, y: T) => boolean = (x, y) => x === y) =>
  a === b || (!!a && a.length === b.length && a.every((x, i) => same(x, b[i]!)));

const sameCamera = (a: Camera | undefined, b: Camera) =>
  !!a && a.zoom === b.zoom && a.bearing === b.bearing && a.pitch === b.pitch && a.center[0] === b.center[0] && a.center[1] === b.center[1];

const byId = (ids: readonly string[]): FilterSpecification => ['in', ['get', 'id'], ['literal', [...ids]]];

/**
 * The live renderer: brings a MapLibre map to a frame. It draws what the frame decided and
 * decides nothing itself. Incremental: it compares with the frame it last applied and touches
 * only what changed, so it is cheap on every scroll event, and the picture depends only on the
 * frame, whatever order frames arrive in.
 */
export function createRenderer(map: RenderTarget) {
  let last: Frame | undefined;

  function apply(next: Frame, { instant }: { instant: boolean }) {
    for (const id of LAYER_IDS) {
      const visible = next.layers.includes(id);
      if (last && last.layers.includes(id) === visible) continue;
      for (const layer of STYLE_LAYERS[id]) map.setLayoutProperty(layer, 'visibility', visible ? 'visible' : 'none');
    }
    if (!sameList(last?.places, next.places, (a, b) => a.id === b.id && a.highlighted === b.highlighted)) {
      const ids = (highlighted: boolean) => next.places.filter((p) => p.highlighted === highlighted).map((p) => p.id);
      map.setFilter(PLACE_LAYERS.dot, byId(next.places.map((p) => p.id)));
      map.setFilter(PLACE_LAYERS.ring, byId(ids(true)));
      map.setFilter(PLACE_LAYERS.label, byId(ids(false)));
      map.setFilter(PLACE_LAYERS.highlightedLabel, byId(ids(true)));
    }
    if (!sameList(last?.highlightedMarkers, next.highlightedMarkers)) {
      const radius: ExpressionSpecification = ['case', ['in', ['get', 'id'], ['literal', [...next.highlightedMarkers]]], MARKER.highlighted, MARKER.radius];
      for (const layer of MARKER_CIRCLES) map.setPaintProperty(layer, 'circle-radius', radius);
    }
    if (!sameList(last?.paths, next.paths, (a, b) => a.id === b.id && a.fraction === b.fraction)) {
      const lines: Feature<LineString>[] = [];
      const heads: Feature<Point>[] = [];
      for (const p of next.paths) {
        if (p.line.length < 2) continue;
        lines.push({ type: 'Feature', properties: { id: p.id, kind: p.kind, fraction: p.fraction }, geometry: { type: 'LineString', coordinates: p.line } });
        if (p.head) heads.push({ type: 'Feature', properties: { id: p.id, kind: p.kind, bearing: p.head.bearing }, geometry: { type: 'Point', coordinates: p.head.at } });
      }
      (map.getSource('paths') as GeoJSONSource).setData({ type: 'FeatureCollection', features: lines });
      (map.getSource('heads') as GeoJSONSource).setData({ type: 'FeatureCollection', features: heads });
    }
    if (!sameCamera(last?.camera, next.camera)) {
      const { center, zoom, bearing, pitch } = next.camera;
      if (instant || !last) map.jumpTo({ center, zoom, bearing, pitch });
      else map.flyTo({ center, zoom, bearing, pitch, duration: FLIGHT_MS, curve: 1.2, essential: false });
    }
    last = next;
  }

  /**
   * The container changed size: fit the canvas to it and land on the frame's camera at once. A
   * flight planned for the old size would land off target (MapLibre plans flights in pixels).
   */
  function resize() {
    map.resize();
    if (last) map.jumpTo(last.camera);
  }

  return { apply, resize };
}

export type Renderer = ReturnType<typeof createRenderer>;

/** The story layers a map really shows, read back from MapLibre (for tests). */
export function visibleLayers(map: { getLayoutProperty(layer: string, name: string): unknown }): LayerId[] {
  return LAYER_IDS.filter((id) => map.getLayoutProperty(STYLE_LAYERS[id][0]!, 'visibility') === 'visible');
}
