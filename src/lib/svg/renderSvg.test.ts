import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { legendFor } from '../cartography/legend.ts';
import { LIGHT } from '../cartography/palette.ts';
import { LINES, MARKER_SHAPES, areaFill, textWidth } from '../cartography/symbols.ts';
import type { Frame } from '../frame/frame.ts';
import { slicePath, type PathSamples, type PathSlice } from '../frame/paths.ts';
import { renderSvg, SCHEMATIC_NOTE, SOURCE_LINE, type MapData, type MapPlace } from './renderSvg.ts';

// A small world made by hand, so these tests are about drawing, not about the project's data.
const fc = (features: [Record<string, unknown>, Geometry][]): FeatureCollection => ({
  type: 'FeatureCollection',
  features: features.map(([properties, geometry]): Feature => ({ type: 'Feature', properties, geometry })),
});
const box = (w: number, s: number, e: number, n: number): Geometry => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});

const places = new Map<string, MapPlace>([
  ['centre', { name: 'Centreville', lon: 36.7, lat: 35.9, kind: 'town', rank: 2 }],
  ['east', { name: 'Eastham', lon: 36.9, lat: 35.9, kind: 'town', rank: 2 }],
  ['unlisted', { name: 'Nowhereton', lon: 36.6, lat: 35.8, kind: 'town', rank: 2 }],
  ['far', { name: 'Faraway', lon: 44, lat: 40, kind: 'city', rank: 1 }],
]);

const data: MapData = {
  countries: fc([
    [{ id: '760', name: 'Syria', focus: true }, box(35.5, 32, 42, 36)],
    [{ id: '792', name: 'Turkey' }, box(26, 36, 44, 42)],
    [{ id: '999', name: 'Far away' }, box(10, 10, 12, 12)],
  ]),
  borders: fc([
    [
      { kind: 'border' },
      {
        type: 'LineString',
        coordinates: [
          [35.5, 36],
          [42, 36],
        ],
      },
    ],
  ]),
  idlib: fc([[{ id: 'idlib' }, box(36.2, 35.5, 37, 36.2)]]),
  areas: fc([
    [{ id: 'held', kind: 'control' }, box(36.3, 35.6, 36.8, 36)],
    [{ id: 'hit', kind: 'strikes' }, box(36.5, 35.7, 36.6, 35.8)],
  ]),
  markers: fc([
    [
      { id: 'post-1', kind: 'turkish-post', label: 'Post 1' },
      { type: 'Point', coordinates: [36.75, 35.95] },
    ],
    [
      { id: 'heli', kind: 'helicopter-down', label: 'Helicopter down' },
      { type: 'Point', coordinates: [36.65, 35.85] },
    ],
  ]),
  labels: fc([
    [
      { id: 'label-syria-0', text: 'SYRIA', kind: 'country' },
      { type: 'Point', coordinates: [36.9, 35.75] },
    ],
  ]),
  context: fc([
    [
      { id: 'geonames-1', name: 'Smallville' },
      { type: 'Point', coordinates: [36.6, 35.95] },
    ],
  ]),
  places,
};

const advance: PathSamples = {
  id: 'advance',
  kind: 'government',
  label: 'Advance',
  points: [
    [36.9, 35.7],
    [36.85, 35.8],
    [36.8, 35.9],
  ],
  along: [0, 0.5, 1],
  bearings: [338, 338],
  lengthKm: 23,
};

const camera = { center: [36.7, 35.9] as [number, number], zoom: 9, bearing: 0, pitch: 0 };
const size = { width: 800, height: 600 };

/** A frame as `frame()` would decide it, from what a section's frontmatter lists. */
interface Listed {
  layers?: Frame['layers'];
  places?: string[];
  highlight?: string[];
  events?: string[];
  paths?: PathSlice[];
  baseLabels?: string[];
  contextTowns?: boolean;
}
const frameOf = ({ layers = [], places = [], highlight = [], events = [], paths = [], baseLabels = [], contextTowns = false }: Listed): Frame => ({
  camera,
  date: '2020-02-11',
  layers,
  areas: [
    ...(layers.includes('control') ? [{ id: 'held', kind: 'control' as const }] : []),
    ...(layers.includes('strikes') ? [{ id: 'hit', kind: 'strikes' as const }] : []),
  ],
  front: layers.includes('control') ? { id: 'front', date: '2020-02-11' } : undefined,
  places: places.map(
    (id) =>
      ({ id, highlighted: highlight.includes(id), anchors: ['left', 'right', 'top', 'bottom'] as const, decided: false }).valueOf() as Frame['places'][number],
  ),
  markers: [
    ...(layers.includes('posts')
      ? [{ id: 'post-1', state: 'post' as const, highlighted: highlight.includes('post-1'), offset: [0, 0] as [number, number] }]
      : []),
    ...events.map((id) => ({ id, state: 'helicopter-down' as const, highlighted: highlight.includes(id), offset: [0, 0] as [number, number] })),
  ],
  paths,
  baseLabels,
  contextTowns,
});
const draw = (listed: Listed, options: { legend?: boolean; title?: string } = {}) => renderSvg(frameOf(listed), data, { ...size, ...options });

/** The absolute points of path data as the renderer writes it: `M x,y l dx,dy … z`. */
function pathPoints(d: string): [number, number][] {
  const out: [number, number][] = [];
  for (const ring of d.split('M').filter(Boolean)) {
    const [start = '', steps = ''] = ring.replace(/z$/, '').split('l');
    let [x, y] = start.split(',').map(Number) as [number, number];
    out.push([x, y]);
    for (const step of steps.split(' ').filter(Boolean)) {
      const [dx, dy] = step.split(',').map(Number) as [number, number];
      out.push([(x += dx), (y += dy)]);
    }
  }
  return out;
}

describe('renderSvg', () => {
  it('draws a movement only once some of it is drawn, ending in an arrow head at its head', () => {
    const none = draw({ paths: [slicePath(advance, 0)] });
    expect(none).not.toContain('data-path="advance"');
    expect(none).not.toContain(LIGHT.government);

    const all = draw({ paths: [slicePath(advance, 1)] });
    const group = all.match(/<g data-path="advance">(.*?)<\/g>/)?.[1] ?? '';
    expect(group).toContain(`stroke="${LIGHT.government}"`);
    // The head is the last point, 36.8°E on the camera's latitude: right of centre.
    const dx = (0.1 / 360) * 512 * 2 ** camera.zoom;
    expect(group).toContain(`translate(${Math.round((400 + dx) * 10) / 10} 300) rotate(338)`);
  });

  it('stops an arrow short of the dot it ends on', () => {
    const toEast: PathSamples = {
      ...advance,
      points: [
        [36.7, 35.7],
        [36.8, 35.8],
        [36.9, 35.9],
      ],
      bearings: [39, 39],
    };
    const svg = draw({ places: ['east'], paths: [slicePath(toEast, 1)] });
    const [, x, y] = svg.match(/translate\(([\d.]+) ([\d.]+)\) rotate\(39\)/) ?? [];
    const dx = (0.2 / 360) * 512 * 2 ** camera.zoom;
    const gap = Math.hypot(Number(x) - (400 + dx), Number(y) - 300);
    expect(gap).toBeGreaterThan(3); // the dot's radius
    expect(gap).toBeLessThan(8);
  });

  it('labels the places the frame lists, and no others', () => {
    const svg = draw({ places: ['centre', 'east'] });
    expect(svg).toContain('>Centreville</text>');
    expect(svg).toContain('>Eastham</text>');
    expect(svg).not.toContain('Nowhereton');
  });

  it('calls out highlighted places in bold with a ring', () => {
    const svg = draw({ places: ['centre', 'east'], highlight: ['east'] });
    expect(svg).toMatch(/font-weight="700">Eastham</);
    expect(svg).not.toMatch(/font-weight="700">Centreville</);
    expect(svg.match(/<circle[^>]*fill="none"[^>]*>/g)).toHaveLength(1);
  });

  it('does not label a place outside the view', () => {
    expect(draw({ places: ['centre', 'far'] })).not.toContain('Faraway');
  });

  it('fails loudly on an unknown place', () => {
    expect(() => draw({ places: ['atlantis'] })).toThrow(/unknown place "atlantis"/);
  });

  it('projects like the live map: the camera centre is the middle of the picture', () => {
    const svg = draw({ places: ['centre', 'east'] });
    expect(svg).toContain('<circle cx="400" cy="300"');
    // Web Mercator with 512-px tiles: x grows linearly with longitude.
    const dx = (0.2 / 360) * 512 * 2 ** camera.zoom;
    expect(svg).toContain(`<circle cx="${Math.round((400 + dx) * 10) / 10}" cy="300"`);
  });

  it('leaves out features wholly outside the view, and clips the rest just outside it', () => {
    const svg = draw({});
    // Syria and Turkey are drawn; the far-away country adds nothing but a bigger file.
    const fills = [...svg.matchAll(/<path d="([^"]*)"[^>]*fill="#/g)].map((m) => m[1]!);
    expect(fills).toHaveLength(2);
    // Turkey's box reaches thousands of pixels beyond the view; it is cut 8 px outside it.
    const points = fills.flatMap(pathPoints);
    expect(points.length).toBeGreaterThan(4);
    for (const [x, y] of points) {
      expect(x).toBeGreaterThanOrEqual(-8.05);
      expect(x).toBeLessThanOrEqual(808.05);
      expect(y).toBeGreaterThanOrEqual(-8.05);
      expect(y).toBeLessThanOrEqual(608.05);
    }
  });

  it('draws the layers the frame lists, and only those', () => {
    const none = draw({});
    const svg = draw({ layers: ['idlib', 'control', 'posts'], highlight: ['post-1'] });
    const idlibDash = `stroke-dasharray="${LINES.idlib.dash.join(' ')}"`;
    const controlFill = `fill="${LIGHT.control}" fill-opacity="${areaFill('control')}"`;
    expect(none).not.toContain(idlibDash);
    expect(svg).toContain(idlibDash);
    expect(none).not.toContain(controlFill);
    expect(svg).toContain(controlFill);
    expect(svg).toContain(`d="${MARKER_SHAPES.post.d}"`);
    expect(svg).toContain(`fill="${LIGHT.posts}"`);
    expect(svg).toContain('>Post 1</text>');
    expect(svg).not.toContain('Helicopter down');
  });

  it('is the same bytes for the same input', () => {
    const frame: Listed = { layers: ['strikes', 'idlib'], places: ['centre'], paths: [slicePath(advance, 0.5)] };
    expect(draw(frame, { legend: true })).toBe(draw(structuredClone(frame), { legend: true }));
  });

  it('is self-contained: no URL but the SVG namespace', () => {
    const svg = draw(
      { layers: ['idlib', 'control', 'strikes', 'posts'], events: ['heli'], places: ['centre'], paths: [slicePath(advance, 1)] },
      { legend: true },
    );
    expect(svg.replace('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(/http|href|<image|@import|@font-face/);
    expect(svg.match(/url\((?!#)/)).toBeNull();
    expect(svg).toContain('* Schematic');
    expect(svg).toContain(SOURCE_LINE);
    expect(draw({})).toContain(SCHEMATIC_NOTE);
    expect(svg).toContain(`font-family="'Noto Sans', system-ui, sans-serif"`);
  });

  it('names itself for screen readers', () => {
    const svg = draw({}, { title: 'Rebels & Turkey' });
    expect(svg).toMatch(/^<svg[^>]* role="img" aria-label="Rebels &amp; Turkey"/);
    expect(svg).toContain('<title>Rebels &amp; Turkey</title>');
  });

  it('keys exactly what legendFor(frame) lists, marking schematic entries', () => {
    const frame = frameOf({ layers: ['control', 'idlib', 'posts'], paths: [slicePath(advance, 1)] });
    const svg = renderSvg(frame, data, { ...size, legend: true });
    const rows = [...svg.matchAll(/<g class="legend-entry" data-key="([^"]+)">.*?<text[^>]*>([^<]*)<\/text><\/g>/g)].map((m) => [m[1], m[2]]);
    const expected = legendFor(frame, LIGHT);
    expect(expected.length).toBeGreaterThan(2);
    expect(rows).toEqual(expected.map((e) => [e.key, e.label + (e.schematic ? ' *' : '')]));
    expect(renderSvg(frame, data, { ...size, legend: false })).not.toContain('legend-entry');
  });

  it('writes names on areas and context towns only when the frame says, and story labels win', () => {
    expect(draw({})).not.toContain('SYRIA');
    expect(draw({ baseLabels: ['label-syria-0'] })).toContain('>SYRIA</text>');
    expect(draw({})).not.toContain('Smallville');
    expect(draw({ contextTowns: true })).toContain('>Smallville</text>');
  });

  it('puts the key in a band under the map, so nothing covers it', () => {
    const plain = draw({ layers: ['control'] });
    const keyed = draw({ layers: ['control'] }, { legend: true });
    const height = (svg: string) => Number(/^<svg[^>]* height="(\d+(?:\.\d+)?)"/.exec(svg)![1]);
    expect(height(plain)).toBe(size.height);
    expect(height(keyed)).toBeGreaterThan(size.height);
    expect(keyed).toContain('class="legend-entry"');
  });

  it('wraps the credits to a narrow picture rather than cutting them at its edge', () => {
    const narrow = renderSvg(frameOf({}), data, { width: 320, height: 240 });
    const lines = [...narrow.matchAll(/<g class="credits"[^>]*>.*?<\/g>/gs)].flatMap(([g]) =>
      [...g.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map(([, t]) => t!),
    );
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(textWidth(line, 12) + 8, line).toBeLessThanOrEqual(320);
    // Every word of the sources is there, the attributions the licences ask for among them.
    expect(lines.join(' ')).toBe(`${SCHEMATIC_NOTE} Sources: ${SOURCE_LINE}`.replace(/\s+/g, ' '));
  });

  it('returns its content alone for a picture that places it (the share card)', () => {
    const fragment = renderSvg(frameOf({}), data, { ...size, fragment: true });
    expect(fragment.startsWith('<g ')).toBe(true);
    expect(fragment).not.toContain('<svg');
  });
});
