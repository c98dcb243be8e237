import type { PathKind } from '../paths.ts';

/**
 * The map's colours, shared by the live MapLibre style and the static SVG pictures so both
 * look the same. A calm base (paper land, pale sea, grey borders) under strong story colours.
 */
export const BASE = {
  sea: '#dde6eb',
  land: '#ece8df',
  syria: '#f8f5ee',
  border: '#8d867a',
  idlib: '#4a4a4a',
  label: '#1d1d1d',
  labelMinor: '#4d4d4d',
  halo: '#ffffff',
} as const;

export const PATH_COLOURS: Record<PathKind, string> = {
  road: '#2b2b2b',
  government: '#b3261e',
  rebel: '#2e7d32',
  turkish: '#1c5d99',
  civilian: '#7a3f9d',
};

export const AREA_COLOURS = {
  control: '#2e7d32',
  contested: '#c77700',
  front: '#c77700',
  strikes: '#d84315',
} as const;

export const MARKER_COLOURS = {
  posts: '#1c5d99',
  helicopter: '#b3261e',
} as const;
