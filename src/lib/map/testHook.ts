import type { GeoJSONSource } from 'maplibre-gl';
import type { LayerId } from '../cartography/layers.ts';
import type { Camera } from '../story/section.ts';
import type { Position } from 'geojson';
import type { HeadsLayer } from './headsLayer.ts';
import { fractionAt } from './lineProgress.ts';
import type { MapLibreMap } from './loadMap.ts';
import { visibleLayers } from './renderer.ts';
import { HEADS_LAYER, PLACE_LAYERS, pathLayerIds } from './style.ts';

/**
 * What the page tells end-to-end tests about its live map, read back from MapLibre itself (its
 * camera, its layers' visibility, its sources, the labels it placed), never from the frame the
 * page meant to draw, so a test sees what the reader sees. Only pages opened with `?testing`
 * install it.
 */
export interface MapTestState {
  /** The section the page says the reader is in (its slug), and how far through it. */
  section: string;
  index: number;
  progress: number;
  reducedMotion: boolean;
  /** The camera the page asked for (the frame's); `camera` is where the map is. */
  target: Camera | undefined;
  /** The map is still flying to its camera. */
  moving: boolean;
  camera: Camera;
  layers: LayerId[];
  /** Each drawn road or movement: the fraction drawn and where its arrow head stands. */
  paths: Record<string, { fraction: number; head: [number, number] | undefined }>;
  /**
   * Every place the section labels: where `map.project` puts it (CSS px from the canvas's top
   * left) and whether MapLibre placed its label.
   */
  labels: { id: string; x: number; y: number; drawn: boolean }[];
}

export type PageState = Pick<MapTestState, 'section' | 'index' | 'progress' | 'reducedMotion' | 'target'> & {
  /** The places the section labels, with their coordinates. */
  places: { id: string; lon: number; lat: number }[];
};

export interface MapTestHook {
  state(): Promise<MapTestState>;
}

declare global {
  interface Window {
    __mapTest?: MapTestHook;
  }
}

type Features = { features: { properties: Record<string, unknown> | null; geometry: { coordinates: unknown } }[] };

/** The features a GeoJSON source holds now. */
async function features(map: MapLibreMap, id: string): Promise<Features['features']> {
  const data = (await map.getSource<GeoJSONSource>(id)!.getData()) as Features;
  return data.features;
}

export function installTestHook(map: MapLibreMap, page: () => PageState) {
  window.__mapTest = {
    async state() {
      const { places, ...now } = page();
      const c = map.getCenter();
      // A path shows when its line layer is visible, as far as the cut-off in its gradient, which
      // is turned back into a fraction along the ground with the line MapLibre holds.
      const paths: MapTestState['paths'] = {};
      for (const f of await features(map, 'paths')) {
        const id = String(f.properties!.id);
        const layer = pathLayerIds(id).line;
        if (map.getLayoutProperty(layer, 'visibility') !== 'visible') continue;
        const cut = (map.getPaintProperty(layer, 'line-gradient') as unknown[])[3] as number;
        paths[id] = { fraction: fractionAt(cut, f.geometry.coordinates as Position[], f.properties!.along as number[]), head: undefined };
      }
      // The heads the heads layer draws in the map's frames.
      const heads = (map.getLayer(HEADS_LAYER) as unknown as { implementation: HeadsLayer } | undefined)?.implementation.heads ?? [];
      for (const head of heads) paths[head.id]!.head = head.at as [number, number];
      const placed = new Set(map.queryRenderedFeatures({ layers: [PLACE_LAYERS.label, PLACE_LAYERS.highlightedLabel] }).map((f) => String(f.properties.id)));
      return {
        ...now,
        moving: map.isMoving(),
        camera: { center: [c.lng, c.lat], zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() },
        layers: visibleLayers(map),
        paths,
        labels: places.map(({ id, lon, lat }) => {
          const { x, y } = map.project([lon, lat]);
          return { id, x, y, drawn: placed.has(id) };
        }),
      };
    },
  };
}
