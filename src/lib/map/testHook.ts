import type { LayerId } from '../cartography/layers.ts';
import type { Camera } from '../story/section.ts';
import { fractionAt } from './lineProgress.ts';
import type { MapLibreMap } from './loadMap.ts';
import { visibleLayers } from './renderer.ts';
import type { PathsLayer } from './pathsLayer.ts';
import { PLACE } from '../cartography/symbols.ts';
import { BASE_LABEL_LAYER, MARKER_LAYERS, PATHS_LAYER, PLACE_LAYERS, SHIELDS_LAYER } from './style.ts';

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
  /**
   * The map is still flying to its camera, or the page holds the latest frame back for a moment
   * before drawing it (`pace.ts`): either way, what it shows is not yet the frame's.
   */
  moving: boolean;
  camera: Camera;
  layers: LayerId[];
  /** Each drawn road or movement: the fraction drawn and where its arrow head stands. */
  paths: Record<string, { fraction: number; head: [number, number] | undefined }>;
  /**
   * Every place the section labels: where `map.project` puts it (CSS px from the canvas's top
   * left), whether MapLibre placed its label, and whether a road shield lies over its ring.
   */
  labels: { id: string; x: number; y: number; drawn: boolean; shielded: boolean }[];
}

export type PageState = Pick<MapTestState, 'section' | 'index' | 'progress' | 'reducedMotion' | 'target'> & {
  /** The page holds a frame back, yet to be drawn (`PacedRenderer.held`). */
  held: boolean;
  /** The places the section labels, with their coordinates. */
  places: { id: string; lon: number; lat: number }[];
};

export interface MapTestHook {
  state(): Promise<MapTestState>;
  /**
   * Where a point [lon, lat] lies on the map's canvas (CSS px from its top left) and the colour
   * ([r, g, b], 0..255) the canvas shows there now; undefined off the canvas.
   */
  pixel(at: [number, number]): { x: number; y: number; rgb: [number, number, number] } | undefined;
  /** What MapLibre placed in a box of the canvas (CSS px from its top left): names, shields and markers, as `layer: name`. */
  placedIn(box: [number, number, number, number]): string[];
}

declare global {
  interface Window {
    __mapTest?: MapTestHook;
  }
}

export function installTestHook(map: MapLibreMap, page: () => PageState) {
  window.__mapTest = {
    async state() {
      const { places, held, ...now } = page();
      const c = map.getCenter();
      // What the paths layer added to the map draws: each cut (in `line-progress`) turned back
      // into a fraction along the ground, and where each head stands.
      const layer = (map.getLayer(PATHS_LAYER) as unknown as { implementation: PathsLayer } | undefined)?.implementation;
      const paths: MapTestState['paths'] = {};
      for (const { id, cut } of layer?.drawn.lines ?? []) {
        const path = layer!.paths.find((p) => p.id === id)!;
        paths[id] = { fraction: fractionAt(cut, path.points, path.along), head: undefined };
      }
      for (const head of layer?.drawn.heads ?? []) paths[head.id]!.head = head.at as [number, number];
      const placed = new Set(map.queryRenderedFeatures({ layers: [PLACE_LAYERS.label, PLACE_LAYERS.highlightedLabel] }).map((f) => String(f.properties.id)));
      return {
        ...now,
        moving: map.isMoving() || held,
        camera: { center: [c.lng, c.lat], zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() },
        layers: visibleLayers(map),
        paths,
        labels: places.map(({ id, lon, lat }) => {
          const { x, y } = map.project([lon, lat]);
          // The shields MapLibre placed whose box meets the ring's square.
          const r = PLACE.ring + PLACE.ringStroke / 2;
          const shields = map.queryRenderedFeatures(
            [
              [x - r, y - r],
              [x + r, y + r],
            ],
            { layers: [SHIELDS_LAYER] },
          );
          return { id, x, y, drawn: placed.has(id), shielded: shields.length > 0 };
        }),
      };
    },
    placedIn([x0, y0, x1, y1]) {
      const layers = [PLACE_LAYERS.label, PLACE_LAYERS.highlightedLabel, SHIELDS_LAYER, BASE_LABEL_LAYER, ...Object.values(MARKER_LAYERS)];
      const features = map.queryRenderedFeatures(
        [
          [x0, y0],
          [x1, y1],
        ],
        { layers: layers.filter((id) => map.getLayer(id)) },
      );
      return features.map((f) => `${f.layer.id}: ${f.properties.name ?? f.properties.text ?? f.properties.label ?? f.properties.id}`);
    },
    pixel([lon, lat]) {
      // The canvas keeps its last frame on test pages (preserveDrawingBuffer), so it can be read.
      const { x, y } = map.project([lon, lat]);
      const canvas = map.getCanvas();
      if (x < 0 || y < 0 || x >= canvas.clientWidth || y >= canvas.clientHeight) return undefined;
      const ratio = canvas.width / canvas.clientWidth;
      const probe = new OffscreenCanvas(1, 1).getContext('2d')!;
      probe.drawImage(canvas, Math.floor(x * ratio), Math.floor(y * ratio), 1, 1, 0, 0, 1, 1);
      const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
      return { x, y, rgb: [r!, g!, b!] };
    },
  };
}
