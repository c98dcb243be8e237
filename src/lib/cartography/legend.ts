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

const MARKERS: Record<MarkerState, Entry> = {
  post: { label: 'Turkish military post', swatch: 'marker', colour: 'posts', schematic: false },
  'post-encircled': { label: 'Turkish post cut off by the advance', swatch: 'marker', colour: 'posts', schematic: false },
  'helicopter-down': { label: 'Helicopter downed', swatch: 'marker', colour: 'helicopter', schematic: false },
  'soldiers-killed': { label: 'Turkish personnel killed, Turkey says', swatch: 'marker', colour: 'government', schematic: false },
  'air-strike': { label: 'Air strike reported', swatch: 'marker', colour: 'strikes', schematic: false },
};

/**
 * What a symbol's key adds when those shown stand at their towns' points, their own sites not
 * located: all of them, or only some (a located post beside one that is not).
 */
function siteNote(state: MarkerState, shown: number, approximate: number): string {
  if (!approximate) return '';
  // The sources put the crash in three different places (data/markers.json): disputed, not merely approximate.
  if (state === 'helicopter-down') return ' (site disputed)';
  if (approximate < shown) return ' (some sites approximate)';
  return shown > 1 ? ' (sites approximate)' : ' (site approximate)';
}

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
    const label = MARKERS[state].label + siteNote(state, shown.length, shown.filter((m) => m.approximate).length);
    entries.push({ ...entry(state, { ...MARKERS[state], label }), symbol: state });
  }
  return entries;
}
