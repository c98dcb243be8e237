import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { PLACE, textWidth } from '../cartography/symbols.ts';
import { LIGHT } from '../cartography/palette.ts';
import { MAP_SOURCES, type MapSources } from './sources.ts';
import { PATHS_LAYER, PLACE_LAYERS, SCALE_BAR_LAYER, SHIELDS_LAYER, areaLayerId, buildStyle } from './style.ts';

const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
const square = [
  [
    [36, 35],
    [37, 35],
    [37, 36],
    [36, 35],
  ],
];
const area = (id: string, kind: string) => ({
  type: 'Feature' as const,
  properties: { id, kind },
  geometry: { type: 'Polygon' as const, coordinates: square },
});
const data = {
  ...Object.fromEntries(MAP_SOURCES.map((name) => [name, empty])),
  areas: { type: 'FeatureCollection', features: [area('strikes-2020-02-11', 'strikes'), area('held-2020-02-11', 'control')] },
} as unknown as MapSources;
const style = buildStyle(data, { regular: 'regular.woff2', bold: 'bold.woff2' }, LIGHT);
const paint = (id: string) => (style.layers.find((l) => l.id === id) as { paint?: Record<string, unknown> }).paint ?? {};

describe('buildStyle', () => {
  it('eases no paint property but the strike areas’ opacity, so a front moves in one frame', () => {
    expect(style.transition).toEqual({ duration: 0, delay: 0 });
    expect(paint(areaLayerId('strikes-fill', 'strikes-2020-02-11'))['fill-opacity-transition']).toEqual({ duration: 300, delay: 0 });
    expect(paint(areaLayerId('strikes-line', 'strikes-2020-02-11'))['line-opacity-transition']).toEqual({ duration: 300, delay: 0 });
    const eased = style.layers.filter((l) => Object.keys((l as { paint?: object }).paint ?? {}).some((k) => k.endsWith('-transition'))).map((l) => l.id);
    expect(eased.sort()).toEqual([areaLayerId('strikes-fill', 'strikes-2020-02-11'), areaLayerId('strikes-line', 'strikes-2020-02-11')]);
  });

  it('leaves the roads and movements to the paths layer: no source or line layer of its own, shields above', () => {
    expect(Object.keys(style.sources)).not.toContain('paths');
    expect(style.layers.some((l) => l.id.startsWith('path-'))).toBe(false);
    // loadMap adds the paths layer (its id free in the style) under the shields, over every area.
    expect(style.layers.map((l) => l.id)).toContain(SHIELDS_LAYER);
    expect(style.layers.map((l) => l.id)).not.toContain(PATHS_LAYER);
  });

  it('keeps the road shields off the places, and moves nothing else', () => {
    const ids = style.layers.map((l) => l.id);
    const clearance = style.layers.find((l) => l.id === PLACE_LAYERS.clearance) as { type: string; source: string; layout: Record<string, unknown> };
    expect(clearance).toMatchObject({ type: 'symbol', source: 'places' });
    // Always placed, and never under another symbol (MapLibre's defaults would hide it or let a shield over it).
    expect(clearance.layout['icon-allow-overlap']).toBe(true);
    expect(clearance.layout['icon-ignore-placement']).toBeUndefined();
    // MapLibre places the topmost symbols first: the only symbols placed after it are the shields.
    const below = style.layers.slice(0, ids.indexOf(PLACE_LAYERS.clearance)).filter((l) => l.type === 'symbol');
    expect(below.map((l) => l.id)).toEqual([SHIELDS_LAYER]);
    // The phone's scale bar keeps them off the same way, and moves nothing else either.
    const bar = style.layers.find((l) => l.id === SCALE_BAR_LAYER) as { source: string; layout: Record<string, unknown> };
    expect(bar).toMatchObject({ source: 'furniture', layout: { 'icon-allow-overlap': true } });
    const underBar = style.layers.slice(0, ids.indexOf(SCALE_BAR_LAYER)).filter((l) => l.type === 'symbol');
    expect(underBar.map((l) => l.id)).toEqual([SHIELDS_LAYER, PLACE_LAYERS.clearance]);
  });

  it('writes every place’s name on one line, as the frame measures it and the still maps draw it', () => {
    const names: string[] = JSON.parse(readFileSync('data/places.json', 'utf8')).places.map((p: { name: string }) => p.name);
    const maxWidth = (id: string) => (style.layers.find((l) => l.id === id) as unknown as { layout: Record<string, number> }).layout['text-max-width']!;
    // MapLibre wraps a name wider than text-max-width ems (10 unless set).
    const widest = (size: number, bold: boolean) => Math.max(...names.map((name) => textWidth(name, size, bold) / size));
    expect(widest(PLACE.labelSize('town', true), true)).toBeGreaterThan(10);
    expect(maxWidth(PLACE_LAYERS.label)).toBeGreaterThan(widest(PLACE.labelSize('town', false), false));
    expect(maxWidth(PLACE_LAYERS.highlightedLabel)).toBeGreaterThan(widest(PLACE.labelSize('town', true), true));
  });
});
