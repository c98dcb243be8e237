import type { Frame } from '../frame/frame.ts';
import type { LayerId, MarkerState, PathKind } from './layers.ts';
import type { Palette } from './palette.ts';
import { formatDay } from '../story/timeline.ts';
import { ROADS } from './symbols.ts';

export interface LegendEntry {
  key: string;
  label: string;
  swatch: 'line' | 'arrow' | 'area' | 'hatch' | 'outline' | 'border' | 'marker';
  colour: string;
  /** For markers: which symbol. */
  symbol?: MarkerState;
  /** Drawn by the project from cited facts, not surveyed: the legend says so. */
  schematic: boolean;
}

type Entry = Omit<LegendEntry, 'key' | 'colour'> & { colour: keyof Palette };

const MOVEMENTS: Record<Exclude<PathKind, 'road'>, Entry> = {
  government: { label: 'Government advance', swatch: 'arrow', colour: 'government', schematic: true },
  rebel: { label: 'Rebel attack', swatch: 'arrow', colour: 'rebel', schematic: true },
  turkish: { label: 'Turkish column (crossing and route not reported)', swatch: 'arrow', colour: 'turkish', schematic: true },
  civilian: { label: 'Civilians fleeing', swatch: 'arrow', colour: 'civilian', schematic: true },
};

/** Each symbol, and what its key adds when one shown stands at its town's point, its own site not located. */
const MARKERS: Record<MarkerState, Entry & { approximate: string }> = {
  post: { label: 'Turkish military post', approximate: '(site approximate)', swatch: 'marker', colour: 'posts', schematic: false },
  'post-encircled': {
    label: 'Turkish post cut off by the advance',
    approximate: '(site approximate)',
    swatch: 'marker',
    colour: 'posts',
    schematic: false,
  },
  'helicopter-down': { label: 'Helicopter downed', approximate: '(site disputed)', swatch: 'marker', colour: 'helicopter', schematic: false },
  'soldiers-killed': {
    label: 'Turkish personnel killed, Turkey says',
    approximate: '(site approximate)',
    swatch: 'marker',
    colour: 'government',
    schematic: false,
  },
  'air-strike': { label: 'Air strike reported', approximate: '(site approximate)', swatch: 'marker', colour: 'strikes', schematic: false },
};

/**
 * Exactly what is on the map in this frame, in the key's own order: roads and arrows drawn so
 * far, areas, then symbols, so the legend never names an absent thing. Dated things say which
 * day they show. Colours come from the palette of the page's theme.
 */
export function legendFor(frame: Frame, palette: Palette): LegendEntry[] {
  const entry = (key: string, e: Entry): LegendEntry => ({ ...e, key, colour: palette[e.colour] });
  const drawn = frame.paths.filter((p) => p.fraction > 0);
  const has = (id: LayerId) => frame.layers.includes(id);
  const entries: LegendEntry[] = [];
  for (const road of drawn.filter((p) => p.kind === 'road')) {
    const style = ROADS[road.id as keyof typeof ROADS];
    if (style) entries.push(entry(road.id, { label: style.legend, swatch: 'line', colour: style.colour, schematic: true }));
  }
  for (const kind of Object.keys(MOVEMENTS) as (keyof typeof MOVEMENTS)[]) {
    if (drawn.some((p) => p.kind === kind)) entries.push(entry(kind, MOVEMENTS[kind]));
  }
  if (frame.front) {
    entries.push(entry('control', { label: `Held by rebels, ${formatDay(frame.front.date, 'short')}`, swatch: 'area', colour: 'control', schematic: true }));
    entries.push(entry('front-line', { label: `Front line, ${formatDay(frame.front.date, 'short')}`, swatch: 'line', colour: 'frontLine', schematic: true }));
  }
  const showing = (kind: string) => frame.areas.some((a) => a.kind === kind);
  if (showing('taken'))
    entries.push(entry('taken', { label: 'Taken by government forces since 1 Dec', swatch: 'hatch', colour: 'government', schematic: true }));
  if (showing('contested')) entries.push(entry('contested', { label: 'Contested, 11 Feb', swatch: 'area', colour: 'contested', schematic: true }));
  if (showing('front'))
    entries.push(entry('front', { label: 'Rebel attacks reported, 11 Feb (approximate)', swatch: 'area', colour: 'front', schematic: true }));
  if (showing('strikes')) entries.push(entry('strikes', { label: 'Air strikes reported somewhere here', swatch: 'area', colour: 'strikes', schematic: true }));
  if (has('border')) entries.push(entry('border', { label: 'Syria–Turkey border', swatch: 'border', colour: 'border', schematic: false }));
  if (has('idlib')) entries.push(entry('idlib', { label: 'Idlib province', swatch: 'outline', colour: 'idlib', schematic: false }));
  for (const state of Object.keys(MARKERS) as MarkerState[]) {
    const shown = frame.markers.filter((m) => m.state === state);
    if (!shown.length) continue;
    const { approximate, ...symbol } = MARKERS[state];
    const label = shown.some((m) => m.approximate) ? `${symbol.label} ${approximate}` : symbol.label;
    entries.push({ ...entry(state, { ...symbol, label }), symbol: state });
  }
  return entries;
}
