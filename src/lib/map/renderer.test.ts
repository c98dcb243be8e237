import { describe, expect, it } from 'vitest';
import { LIGHT } from '../cartography/palette.ts';
import type { Frame } from '../frame/frame.ts';
import { slicePath, type PathSamples } from '../frame/paths.ts';
import { fractionAt, progressOf } from './lineProgress.ts';
import { drawOrder, type DrawnPaths, type PathsTarget } from './pathsLayer.ts';
import { createRenderer, type RenderTarget } from './renderer.ts';
import { MARKER_LAYERS, PLACE_LAYERS, STYLE_LAYERS, areaLayerId, areaParts, pathLayers, styleLayersOf } from './style.ts';
import { MARKER } from '../cartography/symbols.ts';

/**
 * A stand-in for MapLibre's map that records every call and keeps the state they leave behind:
 * enough to see what the renderer touches, and what the map shows after any sequence of frames.
 */
function recordingMap() {
  const calls: string[] = [];
  const state = {
    visibility: {} as Record<string, string>,
    filters: {} as Record<string, unknown>,
    // Each area feature's layer starts at opacity 0, as buildStyle makes it.
    paint: Object.fromEntries(AREAS.map((a) => [`${a.layer} ${a.property}`, 0])) as Record<string, unknown>,
    sources: {} as Record<string, unknown>,
    /** What the paths layer was last told to draw. */
    drawn: { lines: [], heads: [] } as DrawnPaths,
    camera: undefined as unknown,
    flights: 0,
  };
  const heads: PathsTarget = {
    set(drawn) {
      calls.push('paths');
      state.drawn = structuredClone(drawn);
    },
  };
  const source = (id: string) => ({
    setData(data: unknown) {
      calls.push(`setData ${id}`);
      state.sources[id] = structuredClone(data);
    },
  });
  const map: RenderTarget = {
    setLayoutProperty(layer, name, value) {
      if (name === 'visibility') {
        calls.push(`visibility ${layer}`);
        state.visibility[layer] = String(value);
      } else {
        calls.push(`layout ${layer} ${name}`);
        state.paint[`${layer} ${name}`] = value;
      }
    },
    setPaintProperty(layer, name, value) {
      calls.push(`paint ${layer} ${name}`);
      state.paint[`${layer} ${name}`] = value;
    },
    setFilter(layer, filter) {
      calls.push(`filter ${layer}`);
      state.filters[layer] = filter;
    },
    getSource: source,
    jumpTo(camera) {
      calls.push('jumpTo');
      state.camera = camera;
    },
    flyTo({ center, zoom, bearing, pitch }) {
      calls.push('flyTo');
      state.flights++;
      state.camera = { center, zoom, bearing, pitch };
    },
    resize() {
      calls.push('resize');
    },
  };
  return { map, heads, calls, state, clear: () => calls.splice(0) };
}

// A bent path whose legs differ in length and latitude, so a fraction along the ground and
// MapLibre's line-progress (Web Mercator) part ways.
const advance: PathSamples = {
  id: 'advance',
  kind: 'government',
  label: 'Advance',
  points: [
    [36.9, 35.0],
    [36.8, 35.9],
    [36.5, 36.0],
  ],
  along: [0, 0.72, 1],
  bearings: [355, 292],
  lengthKm: 130,
};
const relief: PathSamples = {
  ...advance,
  id: 'relief',
  kind: 'turkish',
  points: [
    [36.2, 36.2],
    [36.6, 35.9],
  ],
  along: [0, 1],
  bearings: [135],
};
const road: PathSamples = { ...advance, id: 'm5', kind: 'road' };
const area = (id: string, kind: string) => ({
  type: 'Feature' as const,
  properties: { id, kind },
  geometry: { type: 'Point' as const, coordinates: [36.7, 35.9] },
});
const AREAS = areaParts({
  type: 'FeatureCollection',
  features: [area('held-2020-01-28', 'control'), area('held-2020-02-11', 'control'), area('front-2020-02-11', 'front-line'), area('taken-2020-01-28', 'taken')],
});
const PATHS = pathLayers({ m5: road, advance, relief }, LIGHT);
const LAYERS = { paths: PATHS, areas: AREAS };
const camera = { center: [36.7, 35.9] as [number, number], zoom: 9, bearing: 0, pitch: 0 };
const base: Frame = {
  camera,
  date: '2020-02-11',
  layers: ['control', 'idlib'],
  areas: [
    { id: 'held-2020-02-11', kind: 'control' },
    { id: 'front-2020-02-11', kind: 'front-line' },
  ],
  front: { id: 'front-2020-02-11', date: '2020-02-11' },
  places: [
    { id: 'saraqeb', highlighted: true, anchors: ['left', 'right', 'top', 'bottom'], decided: true },
    { id: 'nairab', highlighted: false, anchors: ['right', 'left', 'top', 'bottom'], decided: true },
  ],
  markers: [{ id: 'helicopter', state: 'helicopter-down', highlighted: true, offset: [20, -20] }],
  paths: [slicePath(road, 1), slicePath(advance, 0.5)],
  baseLabels: ['label-syria-2'],
  contextTowns: false,
};

describe('the live renderer', () => {
  it('draws the first frame whole, jumping to its camera', () => {
    const { map, heads, calls, state } = recordingMap();
    createRenderer(map, LAYERS, heads).apply(base, { instant: false });
    expect(calls).toContain('jumpTo');
    expect(calls).not.toContain('flyTo');
    expect(state.visibility[areaLayerId('control-fill', 'held-2020-02-11')]).toBe('visible');
    expect(state.visibility['idlib-line']).toBe('visible');
    expect(state.visibility[MARKER_LAYERS.post]).toBe('none');
    expect(state.filters[PLACE_LAYERS.ring]).toEqual(['in', ['get', 'id'], ['literal', ['saraqeb']]]);
    expect(state.filters[PLACE_LAYERS.label]).toEqual(['in', ['get', 'id'], ['literal', ['nairab']]]);
    // What keeps the shields off the places follows the dots.
    expect(state.filters[PLACE_LAYERS.clearance]).toEqual(['in', ['get', 'id'], ['literal', ['saraqeb', 'nairab']]]);
    // The frame's control snapshot shown, the other hidden, each in layers of its own.
    expect(state.paint[`${areaLayerId('control-fill', 'held-2020-02-11')} fill-opacity`]).toBe(0.16);
    expect(state.paint[`${areaLayerId('front-line', 'front-2020-02-11')} line-opacity`]).toBe(1);
    expect(state.paint[`${areaLayerId('control-fill', 'held-2020-01-28')} fill-opacity`]).toBe(0);
    expect(state.visibility[areaLayerId('control-fill', 'held-2020-01-28')]).toBe('visible');
    expect(state.filters[MARKER_LAYERS.event]).toEqual(['in', ['get', 'id'], ['literal', ['helicopter']]]);
    // 20 px each way on screen: MapLibre scales icon-offset by the called-out symbol's icon-size.
    const scale = MARKER.highlighted / MARKER.radius;
    expect(JSON.stringify(state.paint[`${MARKER_LAYERS.event} icon-offset`])).toContain(`[${20 / scale},${-20 / scale}]`);
    // Nairab's label goes left of it, as the frame decided, and nowhere else: offered more sides,
    // MapLibre would keep the one a name had before.
    expect(JSON.stringify(state.paint[`${PLACE_LAYERS.label} text-variable-anchor-offset`])).toMatch(/"nairab",\["literal",\["right",\[[-\d.]+,0\]\]\]/);
  });

  it('offers MapLibre every side, in order, where the frame could not decide one (an embed, of no known size)', () => {
    const { map, heads, state } = recordingMap();
    const undecided = { ...base, places: base.places.map((p) => ({ ...p, decided: false })) };
    createRenderer(map, LAYERS, heads).apply(undecided, { instant: true });
    expect(JSON.stringify(state.paint[`${PLACE_LAYERS.label} text-variable-anchor-offset`])).toMatch(
      /"nairab",\["literal",\["right",\[[-\d.]+,0\],"left",\[[\d.]+,0\],"top",\[0,[\d.]+\],"bottom",\[0,[-\d.]+\]\]\]/,
    );
  });

  it('touches only what changed, and nothing for the same frame again', () => {
    const { map, heads, calls, clear } = recordingMap();
    const renderer = createRenderer(map, LAYERS, heads);
    renderer.apply(base, { instant: false });
    clear();
    renderer.apply(structuredClone(base), { instant: false });
    expect(calls).toEqual([]);
    renderer.apply({ ...base, paths: [slicePath(road, 1), slicePath(advance, 0.6)] }, { instant: false });
    // A line that grows moves its cut-off and its arrow head: no style change, no line to MapLibre's worker.
    expect(calls).toEqual(['paths']);
    clear();
    renderer.apply({ ...base, layers: ['idlib', 'posts'], paths: [slicePath(road, 1), slicePath(advance, 0.6)] }, { instant: false });
    expect(calls.sort()).toEqual([...styleLayersOf('control', AREAS), ...STYLE_LAYERS.posts].map((l) => `visibility ${l}`).sort());
    clear();
    // The front moves with the date: two opacities change, nothing goes to the worker.
    renderer.apply(
      {
        ...base,
        layers: ['idlib', 'posts'],
        areas: [
          { id: 'held-2020-01-28', kind: 'control' },
          { id: 'front-2020-02-11', kind: 'front-line' },
        ],
        paths: [slicePath(road, 1), slicePath(advance, 0.6)],
      },
      { instant: false },
    );
    expect(calls.sort()).toEqual([
      `paint ${areaLayerId('control-fill', 'held-2020-01-28')} fill-opacity`,
      `paint ${areaLayerId('control-fill', 'held-2020-02-11')} fill-opacity`,
    ]);
  });

  it('flies between sections, and cuts when told to', () => {
    const { map, heads, calls, clear } = recordingMap();
    const renderer = createRenderer(map, LAYERS, heads);
    renderer.apply(base, { instant: false });
    clear();
    renderer.apply({ ...base, camera: { ...camera, zoom: 10 } }, { instant: false });
    expect(calls).toEqual(['flyTo']);
    clear();
    renderer.apply({ ...base, camera: { ...camera, zoom: 11 } }, { instant: true });
    expect(calls).toEqual(['jumpTo']);
    clear();
    renderer.resize();
    expect(calls).toEqual(['resize', 'jumpTo']);
  });

  it('leaves the map the same whatever frames came before', () => {
    const other: Frame = {
      camera: { ...camera, center: [36, 35] },
      date: '2019-12-01',
      layers: ['posts', 'taken'],
      areas: [{ id: 'taken-2020-01-28', kind: 'taken' }],
      front: undefined,
      places: [{ id: 'nairab', highlighted: true, anchors: ['left'], decided: true }],
      markers: [{ id: 'turkish-post-morek', state: 'post-encircled', highlighted: false, offset: [0, 0] }],
      paths: [slicePath(advance, 0.1)],
      baseLabels: [],
      contextTowns: true,
    };
    const direct = recordingMap();
    createRenderer(direct.map, LAYERS, direct.heads).apply(base, { instant: true });
    const detour = recordingMap();
    const renderer = createRenderer(detour.map, LAYERS, detour.heads);
    for (const f of [other, { ...base, layers: [] }, other]) renderer.apply(f, { instant: false });
    renderer.apply(base, { instant: true });
    // The same picture: what is drawn, paths in the same order.
    const picture = ({ flights: _, ...rest }: typeof direct.state) => rest;
    expect(picture(detour.state)).toEqual(picture(direct.state));
  });

  it('draws each path to where the frame cut it, and tests read the same fraction back', () => {
    const { map, heads, state } = recordingMap();
    const renderer = createRenderer(map, LAYERS, heads);
    for (const fraction of [0.3, 0.72, 0.9, 1]) {
      const slice = slicePath(advance, fraction);
      renderer.apply({ ...base, paths: [slicePath(road, 1), slice] }, { instant: true });
      const { cut } = state.drawn.lines.find((l) => l.id === 'advance')!;
      // Drawn up to where the slice ends, measured in Web Mercator as the mesh is, never further.
      expect(cut).toBe(fraction === 1 ? 1 : progressOf(slice.line, advance.points));
      expect(fractionAt(cut, advance.points, advance.along)).toBeCloseTo(fraction, 6);
    }
    // Ground and Mercator differ on this path: the cut is not the fraction itself.
    expect(progressOf(slicePath(advance, 0.5).line, advance.points)).not.toBeCloseTo(0.5, 2);
  });

  it('keeps the shields off where the frame put a phone’s scale bar, and off nowhere without one', () => {
    const { map, heads, state } = recordingMap();
    const renderer = createRenderer(map, LAYERS, heads);
    renderer.apply({ ...base, scaleBar: { side: 'right', at: [36.9, 35.6] } }, { instant: true });
    const furniture = () => state.sources.furniture as { features: { geometry: { coordinates: unknown } }[] };
    expect(furniture().features.map((f) => f.geometry.coordinates)).toEqual([[36.9, 35.6]]);
    renderer.apply(base, { instant: true });
    expect(furniture().features).toEqual([]);
  });

  it('draws what the frame decided: its paths in its order, arrow heads and shields only where it put them', () => {
    const { map, heads, state, calls, clear } = recordingMap();
    const renderer = createRenderer(map, LAYERS, heads);
    renderer.apply(base, { instant: true });
    expect(state.drawn.lines.map((l) => l.id)).toEqual(['m5', 'advance']);
    const [head] = state.drawn.heads;
    expect(state.drawn.heads.map((h) => h.id)).toEqual(['advance']);
    expect(head).toEqual({ id: 'advance', kind: 'government', at: slicePath(advance, 0.5).head!.at, bearing: slicePath(advance, 0.5).head!.bearing });
    // Shields follow the drawn part of each road.
    const shields = state.sources.shields as { features: { properties: { id: string }; geometry: { coordinates: unknown } }[] };
    expect(shields.features.map((f) => [f.properties.id, f.geometry.coordinates])).toEqual([['m5', slicePath(road, 1).line]]);
    clear();
    // Another section lists the movements the other way round: the later one goes on top.
    renderer.apply({ ...base, paths: [slicePath(road, 1), slicePath(relief, 1), slicePath(advance, 0.5)] }, { instant: true });
    expect(calls).toEqual(['paths']);
    // Roads' casings, roads, then the movements' casings under both movements' lines, the later on top.
    const order = drawOrder(new Map(PATHS.map((p) => [p.id, p])), state.drawn.lines).map(({ path, part }) => `${path.id} ${part}`);
    expect(order).toEqual(['m5 casing', 'm5 line', 'relief casing', 'advance casing', 'relief line', 'advance line']);
    expect(drawOrder(new Map(PATHS.map((p) => [p.id, p])), state.drawn.lines).find((d) => d.path.id === 'm5' && d.part === 'line')!.path.line.colour).toBe(
      LIGHT.m5,
    );
    const undrawn = recordingMap();
    createRenderer(undrawn.map, LAYERS, undrawn.heads).apply({ ...base, paths: [slicePath(road, 0.5), slicePath(advance, 0)] }, { instant: true });
    expect(undrawn.state.drawn.lines.map((l) => l.id)).toEqual(['m5']);
    expect(undrawn.state.drawn.heads).toEqual([]);
    expect((undrawn.state.sources.shields as typeof shields).features[0]!.geometry.coordinates).toEqual(slicePath(road, 0.5).line);
  });
});
