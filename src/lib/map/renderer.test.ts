import { describe, expect, it } from 'vitest';
import type { Frame } from '../frame/frame.ts';
import { slicePath, type PathSamples } from '../frame/paths.ts';
import { createRenderer, type RenderTarget } from './renderer.ts';
import { AREA_STYLE, MARKER_LAYERS, PLACE_LAYERS, STYLE_LAYERS } from './style.ts';

/**
 * A stand-in for MapLibre's map that records every call and keeps the state they leave behind:
 * enough to see what the renderer touches, and what the map shows after any sequence of frames.
 */
function recordingMap() {
  const calls: string[] = [];
  const state = {
    visibility: {} as Record<string, string>,
    filters: {} as Record<string, unknown>,
    paint: {} as Record<string, unknown>,
    sources: {} as Record<string, unknown>,
    camera: undefined as unknown,
    flights: 0,
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
  return { map, calls, state, clear: () => calls.splice(0) };
}

const advance: PathSamples = {
  id: 'advance',
  kind: 'government',
  label: 'Advance',
  points: [
    [36.9, 35.7],
    [36.8, 35.9],
  ],
  along: [0, 1],
  bearings: [338],
  lengthKm: 23,
};
const road: PathSamples = { ...advance, id: 'm5', kind: 'road' };
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
    { id: 'saraqeb', highlighted: true, anchors: ['left', 'right', 'top', 'bottom'] },
    { id: 'nairab', highlighted: false, anchors: ['right', 'left', 'top', 'bottom'] },
  ],
  markers: [{ id: 'helicopter', state: 'helicopter-down', highlighted: true, offset: [20, -20] }],
  paths: [slicePath(road, 1), slicePath(advance, 0.5)],
  baseLabels: ['label-syria-2'],
  contextTowns: false,
};

type Features = { features: { properties: Record<string, unknown> }[] };

describe('the live renderer', () => {
  it('draws the first frame whole, jumping to its camera', () => {
    const { map, calls, state } = recordingMap();
    createRenderer(map).apply(base, { instant: false });
    expect(calls).toContain('jumpTo');
    expect(calls).not.toContain('flyTo');
    expect(state.visibility['control-fill']).toBe('visible');
    expect(state.visibility['idlib-line']).toBe('visible');
    expect(state.visibility[MARKER_LAYERS.post]).toBe('none');
    expect(state.filters[PLACE_LAYERS.ring]).toEqual(['in', ['get', 'id'], ['literal', ['saraqeb']]]);
    expect(state.filters[PLACE_LAYERS.label]).toEqual(['in', ['get', 'id'], ['literal', ['nairab']]]);
    expect(state.filters[AREA_STYLE.control[0]!]).toEqual(['in', ['get', 'id'], ['literal', ['held-2020-02-11']]]);
    expect(state.filters[MARKER_LAYERS.event]).toEqual(['in', ['get', 'id'], ['literal', ['helicopter']]]);
    expect(JSON.stringify(state.paint[`${MARKER_LAYERS.event} icon-offset`])).toContain('[20,-20]');
    // Nairab's label goes left of it first, as the frame decided.
    expect(JSON.stringify(state.paint[`${PLACE_LAYERS.label} text-variable-anchor-offset`])).toMatch(/"nairab",\["literal",\["right"/);
  });

  it('touches only what changed, and nothing for the same frame again', () => {
    const { map, calls, clear } = recordingMap();
    const renderer = createRenderer(map);
    renderer.apply(base, { instant: false });
    clear();
    renderer.apply(structuredClone(base), { instant: false });
    expect(calls).toEqual([]);
    renderer.apply({ ...base, paths: [slicePath(road, 1), slicePath(advance, 0.6)] }, { instant: false });
    expect(calls).toEqual(['setData paths', 'setData heads']);
    clear();
    renderer.apply({ ...base, layers: ['idlib', 'posts'], paths: [slicePath(road, 1), slicePath(advance, 0.6)] }, { instant: false });
    expect(calls.sort()).toEqual([...STYLE_LAYERS.control, ...STYLE_LAYERS.posts].map((l) => `visibility ${l}`).sort());
  });

  it('flies between sections, and cuts when told to', () => {
    const { map, calls, clear } = recordingMap();
    const renderer = createRenderer(map);
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
      places: [{ id: 'nairab', highlighted: true, anchors: ['left'] }],
      markers: [{ id: 'turkish-post-morek', state: 'post-encircled', highlighted: false, offset: [0, 0] }],
      paths: [slicePath(advance, 0.1)],
      baseLabels: [],
      contextTowns: true,
    };
    const direct = recordingMap();
    createRenderer(direct.map).apply(base, { instant: true });
    const detour = recordingMap();
    const renderer = createRenderer(detour.map);
    for (const f of [other, { ...base, layers: [] }, other]) renderer.apply(f, { instant: false });
    renderer.apply(base, { instant: true });
    const { flights: _a, ...a } = direct.state;
    const { flights: _b, ...b } = detour.state;
    expect(b).toEqual(a);
  });

  it('draws what the frame decided: its paths in its order, arrow heads only where it put them', () => {
    const { map, state } = recordingMap();
    createRenderer(map).apply(base, { instant: true });
    const lines = (state.sources.paths as Features).features.map((f) => f.properties.id);
    const heads = (state.sources.heads as Features).features.map((f) => f.properties.id);
    expect(lines).toEqual(['m5', 'advance']);
    expect(heads).toEqual(['advance']);
    const undrawn = recordingMap();
    createRenderer(undrawn.map).apply({ ...base, paths: [slicePath(advance, 0)] }, { instant: true });
    expect((undrawn.state.sources.paths as Features).features).toEqual([]);
    expect((undrawn.state.sources.heads as Features).features).toEqual([]);
  });
});
