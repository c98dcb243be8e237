import type { Frame } from '../frame.ts';
import type { LayerId } from '../story/mapState.ts';
import type { PathKind } from '../paths.ts';
import { AREA_COLOURS, BASE, MARKER_COLOURS, PATH_COLOURS } from './palette.ts';

export interface LegendEntry {
  key: string;
  label: string;
  swatch: 'line' | 'arrow' | 'area' | 'outline' | 'dot' | 'marker';
  colour: string;
  /** Drawn by the project from cited facts, not surveyed: the legend says so. */
  schematic: boolean;
}

const PATH_ENTRIES: Record<PathKind, Omit<LegendEntry, 'key' | 'colour'>> = {
  road: { label: 'Highway (M-5, M-4)', swatch: 'line', schematic: true },
  government: { label: 'Government advance', swatch: 'arrow', schematic: true },
  rebel: { label: 'Rebel counter-attack', swatch: 'arrow', schematic: true },
  turkish: { label: 'Turkish reinforcements', swatch: 'arrow', schematic: true },
  civilian: { label: 'Civilians fleeing', swatch: 'arrow', schematic: true },
};

const LAYER_ENTRIES: Record<LayerId, Omit<LegendEntry, 'key'>> = {
  idlib: { label: 'Idlib province', swatch: 'outline', colour: BASE.idlib, schematic: false },
  control: { label: 'Held by rebels, about 11 Feb', swatch: 'area', colour: AREA_COLOURS.control, schematic: true },
  contested: { label: 'Contested', swatch: 'area', colour: AREA_COLOURS.contested, schematic: true },
  front: { label: 'Where Turkey says rebels struck', swatch: 'area', colour: AREA_COLOURS.front, schematic: true },
  strikes: { label: 'Air strikes reported', swatch: 'area', colour: AREA_COLOURS.strikes, schematic: true },
  posts: { label: 'Turkish military positions', swatch: 'marker', colour: MARKER_COLOURS.posts, schematic: true },
  helicopter: { label: 'Helicopter shot down', swatch: 'marker', colour: MARKER_COLOURS.helicopter, schematic: true },
};

/** Exactly what is on the map in this frame, in drawing order: the legend never lists an absent thing. */
export function legendFor(frame: Frame): LegendEntry[] {
  const entries: LegendEntry[] = [];
  const kinds = new Set(frame.paths.filter((p) => p.fraction > 0).map((p) => p.kind));
  for (const kind of Object.keys(PATH_ENTRIES) as PathKind[]) {
    if (kinds.has(kind)) entries.push({ key: kind, colour: PATH_COLOURS[kind], ...PATH_ENTRIES[kind] });
  }
  for (const layer of frame.layers) entries.push({ key: layer, ...LAYER_ENTRIES[layer] });
  return entries;
}
