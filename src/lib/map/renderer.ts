import type { ExpressionSpecification, FilterSpecification, GeoJSONSource } from 'maplibre-gl';
import type { Feature, LineString } from 'geojson';
import { LAYER_IDS, type LayerId } from '../cartography/layers.ts';
import { MARKER, PLACE } from '../cartography/symbols.ts';
import { SIDES, anchorOffset, type Anchor } from '../frame/camera.ts';
import type { Frame, MarkerMark } from '../frame/frame.ts';
import type { PathSlice } from '../frame/paths.ts';
import type { Camera } from '../story/section.ts';
import type { Head, PathsTarget } from './pathsLayer.ts';
import { progressOf } from './lineProgress.ts';
import {
  BASE_LABEL_LAYER,
  CONTEXT_LAYERS,
  MARKER_GROUP,
  MARKER_ICON,
  MARKER_LAYERS,
  NONE,
  PLACE_LAYERS,
  STYLE_LAYERS,
  markerLabelSides,
  styleLayersOf,
  type AreaPart,
  type PathLayer,
} from './style.ts';

/**
 * The part of MapLibre's map the renderer uses: a real map in the browser, a recording stand-in
 * in the unit test (`renderer.test.ts`).
 */
export interface RenderTarget {
  setLayoutProperty(layer: string, name: string, value: unknown): unknown;
  setPaintProperty(layer: string, name: string, value: unknown, options: { validate: boolean }): unknown;
  setFilter(layer: string, filter: FilterSpecification): unknown;
  getSource(id: string): unknown;
  jumpTo(camera: Camera): unknown;
  flyTo(options: Camera & { essential: boolean }): unknown;
  /** Fits the canvas to its container again. */
  resize(): unknown;
}

const same = <T>(a: T, b: T) => JSON.stringify(a) === JSON.stringify(b);
const byId = (ids: readonly string[]): FilterSpecification => (ids.length ? ['in', ['get', 'id'], ['literal', [...ids]]] : NONE);
/** A layout value per feature id, with a fallback: MapLibre's `match`, or the fallback alone when no id differs. */
function perId(entries: [string, unknown][], fallback: unknown): unknown {
  return entries.length ? (['match', ['get', 'id'], ...entries.flatMap(([id, v]) => [id, v]), fallback] as unknown as ExpressionSpecification) : fallback;
}
/** MapLibre's variable anchors with their offsets (in ems of `size` px) for a label `gap` px from its point, as the frame measured them. */
const anchorOffsets = (anchors: readonly Anchor[], gap: number, size: number) => [
  'literal',
  anchors.flatMap((a) => [a, anchorOffset(a, gap).map((px) => px / size)]),
];

/**
 * The live renderer: brings a MapLibre map to a frame. It draws what the frame decided and
 * decides nothing itself. Incremental: it compares with the frame it last applied and touches
 * only what changed, so it is cheap on every scroll event, and the picture depends only on the
 * frame, whatever order frames arrive in. `layers` are the map's paths (`pathLayers`) and the
 * style's layers of each area (`areaParts`); `target` the layer that draws the paths.
 */
export function createRenderer(map: RenderTarget, layers: { paths: readonly PathLayer[]; areas: readonly AreaPart[] }, target: PathsTarget) {
  const { paths, areas } = layers;
  /** The area layers shown now (at their opacity); the others are at 0. */
  const shownAreas = new Set<string>();
  let last: Frame | undefined;
  let lastShields = '';
  let lastDrawn = '';

  /** Calls `draw` when `pick` of the frame changed since the last one (or on the first frame). */
  function when<T>(next: Frame, pick: (f: Frame) => T, draw: (value: T) => void) {
    const value = pick(next);
    if (!last || !same(pick(last), value)) draw(value);
  }

  function apply(next: Frame, { instant }: { instant: boolean }) {
    for (const id of LAYER_IDS) {
      const visible = next.layers.includes(id);
      if (last && last.layers.includes(id) === visible) continue;
      for (const layer of styleLayersOf(id, areas)) map.setLayoutProperty(layer, 'visibility', visible ? 'visible' : 'none');
    }
    when(
      next,
      (f) => f.areas,
      (shown) => {
        for (const part of areas) {
          const on = shown.some((a) => a.id === part.id && a.kind === part.kind);
          if (shownAreas.has(part.layer) === on) continue;
          map.setPaintProperty(part.layer, part.property, on ? part.opacity : 0, { validate: false });
          if (on) shownAreas.add(part.layer);
          else shownAreas.delete(part.layer);
        }
      },
    );
    when(
      next,
      (f) => f.places,
      (places) => {
        const ids = (highlighted: boolean) => places.filter((p) => p.highlighted === highlighted);
        map.setFilter(PLACE_LAYERS.dot, byId(places.map((p) => p.id)));
        map.setFilter(PLACE_LAYERS.clearance, byId(places.map((p) => p.id)));
        map.setFilter(PLACE_LAYERS.ring, byId(ids(true).map((p) => p.id)));
        map.setFilter(PLACE_LAYERS.label, byId(ids(false).map((p) => p.id)));
        map.setFilter(PLACE_LAYERS.highlightedLabel, byId(ids(true).map((p) => p.id)));
        const offsets = (anchors: readonly Anchor[], highlighted: boolean) =>
          anchorOffsets(anchors, PLACE.labelGap(highlighted), PLACE.labelSize('town', highlighted));
        for (const [layer, highlighted] of [
          [PLACE_LAYERS.label, false],
          [PLACE_LAYERS.highlightedLabel, true],
        ] as const) {
          const list = ids(highlighted);
          map.setLayoutProperty(
            layer,
            'text-variable-anchor-offset',
            perId(
              // The side the frame decided, alone. Given the others too, MapLibre keeps a name on
              // the side it had in its last placement while that stays free, so how the reader
              // came to a moment, not the moment, would decide the side; the frame already keeps
              // the names clear of each other.
              list.map((p) => [p.id, offsets(p.decided ? p.anchors.slice(0, 1) : p.anchors, highlighted)]),
              offsets(SIDES, highlighted),
            ),
          );
        }
      },
    );
    when(
      next,
      (f) => f.markers,
      (markers) => drawMarkers(markers),
    );
    when(
      next,
      (f) => f.scaleBar?.at,
      (at) =>
        (map.getSource('furniture') as GeoJSONSource).setData({
          type: 'FeatureCollection',
          features: at ? [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: at } }] : [],
        }),
    );
    when(
      next,
      (f) => f.baseLabels,
      (ids) => map.setFilter(BASE_LABEL_LAYER, byId(ids)),
    );
    when(
      next,
      (f) => f.contextTowns,
      (on) => {
        for (const layer of CONTEXT_LAYERS) map.setFilter(layer, on ? ['has', 'name'] : NONE);
      },
    );
    if (
      !last ||
      !same(
        last.paths.map((p) => [p.id, p.fraction]),
        next.paths.map((p) => [p.id, p.fraction]),
      )
    )
      drawPaths(next.paths);
    if (!last || !same(last.camera, next.camera)) {
      const { center, zoom, bearing, pitch } = next.camera;
      if (instant || !last) map.jumpTo({ center, zoom, bearing, pitch });
      // MapLibre's own flight, as long as the distance asks (the template's too): a short hop is
      // short. Every frame of a flight is a whole map drawn.
      else map.flyTo({ center, zoom, bearing, pitch, essential: false });
    }
    last = next;
  }

  /**
   * Roads and movements: each shown path cut where the frame's slice ends, in the frame's order,
   * with its arrow head (the paths layer: a few numbers, no style change, nothing to MapLibre's
   * worker); the drawn part of each road for its shields.
   */
  function drawPaths(slices: PathSlice[]) {
    const shown = slices.filter((s) => s.line.length >= 2);
    const lines = shown.map((slice) => {
      const path = paths.find((p) => p.id === slice.id);
      if (!path) throw new Error(`renderer: the map has no path "${slice.id}"`);
      return { id: slice.id, cut: slice.fraction >= 1 ? 1 : progressOf(slice.line, path.points) };
    });
    const heads: Head[] = shown.flatMap((s) => (s.head ? [{ id: s.id, kind: s.kind, at: s.head.at, bearing: s.head.bearing }] : []));
    const drawn = JSON.stringify({ lines, heads });
    if (drawn !== lastDrawn) {
      target.set({ lines, heads });
      lastDrawn = drawn;
    }
    const shields: Feature<LineString>[] = shown
      .filter((s) => s.kind === 'road')
      .map((s) => ({ type: 'Feature', properties: { id: s.id }, geometry: { type: 'LineString', coordinates: s.line } }));
    const json = JSON.stringify(shields);
    if (json !== lastShields) {
      (map.getSource('shields') as GeoJSONSource).setData({ type: 'FeatureCollection', features: shields });
      lastShields = json;
    }
  }

  /** Posts and events, each in its state, size and offset; highlighted ones named beside their symbol. */
  function drawMarkers(markers: MarkerMark[]) {
    for (const group of ['post', 'event'] as const) {
      const mine = markers.filter((m) => MARKER_GROUP(m.state) === group);
      const layer = MARKER_LAYERS[group];
      map.setFilter(layer, byId(mine.map((m) => m.id)));
      if (group === 'post')
        map.setLayoutProperty(
          layer,
          'icon-image',
          perId(
            mine.map((m) => [m.id, MARKER_ICON(m.state)]),
            MARKER_ICON('post'),
          ),
        );
      map.setLayoutProperty(
        layer,
        'icon-size',
        perId(
          mine.filter((m) => m.highlighted).map((m) => [m.id, MARKER.highlighted / MARKER.radius]),
          1,
        ),
      );
      // MapLibre multiplies icon-offset by icon-size: a called-out (larger) symbol would step
      // farther than the frame said, away from its name, which is placed by the frame's px.
      const unscaled = (m: (typeof mine)[number]) => {
        const size = m.highlighted ? MARKER.highlighted / MARKER.radius : 1;
        return m.offset.map((px) => px / size);
      };
      map.setLayoutProperty(
        layer,
        'icon-offset',
        perId(
          mine.filter((m) => m.offset.some(Boolean)).map((m) => [m.id, ['literal', unscaled(m)]]),
          ['literal', [0, 0]],
        ),
      );
    }
    const named = markers.filter((m) => m.highlighted);
    map.setFilter(MARKER_LAYERS.label, byId(named.map((m) => m.id)));
    // The name beside the symbol, wherever the frame moved the symbol to, on whichever side
    // is free of the place names (which MapLibre places first, being above).
    map.setLayoutProperty(
      MARKER_LAYERS.label,
      'text-variable-anchor-offset',
      perId(
        named.map((m) => [m.id, markerLabelSides(m.offset)]),
        markerLabelSides([0, 0]),
      ),
    );
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
export function visibleLayers(map: { getLayoutProperty(layer: string, name: string): unknown; getLayersOrder(): string[] }): LayerId[] {
  const order = map.getLayersOrder();
  // An area family is drawn by a layer per feature (`areaParts`): any of them tells.
  const first = (family: string) => (order.includes(family) ? family : order.find((layer) => layer.startsWith(`${family}/`)));
  return LAYER_IDS.filter((id) => {
    const layer = first(STYLE_LAYERS[id][0]!);
    return layer !== undefined && map.getLayoutProperty(layer, 'visibility') === 'visible';
  });
}
