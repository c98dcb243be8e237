import type { Frame } from '../frame/frame.ts';
import type { LayerId, PathKind } from './layers.ts';
import type { Palette } from './palette.ts';

export interface LegendEntry {
  key: string;
  label: string;
  swatch: 'line' | 'arrow' | 'area' | 'outline' | 'marker';
  colour: string;
  /** Drawn by the project from cited facts, not surveyed: the legend says so. */
  schematic: boolean;
}

type Entry = Omit<LegendEntry, 'key' | 'colour'> & { colour: keyof Palette };

const PATH_ENTRIES: Record<PathKind, Entry> = {
  road: { label: 'Highway (M-5, M-4)', swatch: 'line', colour: 'road', schematic: true },
  government: { label: 'Government advance', swatch: 'arrow', colour: 'government', schematic: true },
  rebel: { label: 'Rebel counter-attack', swatch: 'arrow', colour: 'rebel', schematic: true },
  turkish: { label: 'Turkish reinforcements', swatch: 'arrow', colour: 'turkish', schematic: true },
  civilian: { label: 'Civilians fleeing', swatch: 'arrow', colour: 'civilian', schematic: true },
};

const LAYER_ENTRIES: Record<LayerId, Entry> = {
  idlib: { label: 'Idlib province', swatch: 'outline', colour: 'idlib', schematic: false },
  control: { label: 'Held by rebels, about 11 Feb', swatch: 'area', colour: 'control', schematic: true },
  contested: { label: 'Contested', swatch: 'area', colour: 'contested', schematic: true },
  front: { label: 'Where Turkey says rebels struck', swatch: 'area', colour: 'front', schematic: true },
  strikes: { label: 'Air strikes reported', swatch: 'area', colour: 'strikes', schematic: true },
  posts: { label: 'Turkish military positions', swatch: 'marker', colour: 'posts', schematic: true },
  helicopter: { label: 'Helicopter shot down', swatch: 'marker', colour: 'helicopter', schematic: true },
};

/**
 * Exactly what is on the map in this frame: paths drawn so far, then the layers shown (in the key's own order), so the
 * legend never lists an absent thing. Colours come from the palette of the page's theme.
 */
export function legendFor(frame: Frame, palette: Palette): LegendEntry[] {
  const entry = (key: string, e: Entry): LegendEntry => ({ ...e, key, colour: palette[e.colour] });
  const kinds = new Set(frame.paths.filter((p) => p.fraction > 0).map((p) => p.kind));
  return [
    ...(Object.keys(PATH_ENTRIES) as PathKind[]).filter((k) => kinds.has(k)).map((k) => entry(k, PATH_ENTRIES[k])),
    ...(Object.keys(LAYER_ENTRIES) as LayerId[]).filter((id) => frame.layers.includes(id)).map((id) => entry(id, LAYER_ENTRIES[id])),
  ];
}
