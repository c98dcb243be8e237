import type { Camera, LayerId, MapState } from './story/mapState.ts';
import { slicePath, type PathSamples, type PathSlice } from './paths.ts';

/** What a renderer needs to draw one moment of the story. */
export interface Frame {
  camera: Camera;
  layers: LayerId[];
  places: string[];
  highlight: string[];
  paths: PathSlice[];
  /** The day the timeline shows, ISO `YYYY-MM-DD`. */
  date: string;
}

export interface FrameOptions {
  /** Screens narrower than 640 px use the section's `narrow` camera overrides. */
  narrow?: boolean;
  /** Cuts instead of flights, end states instead of drawing: progress counts as 1. */
  reducedMotion?: boolean;
}

/**
 * Within a section, drawing happens while the reader moves through this part of it, so the
 * section's end state is complete well before the next one takes over.
 */
export const ANIMATION_WINDOW: readonly [number, number] = [0.1, 0.7];

/** Animation time moves in steps this fine: finer than the eye can follow, coarse enough that
 * most scroll events change nothing and cost nothing. */
export const TIME_STEP = 1 / 400;

/** Progress through a section (0..1) mapped to animation time (0..1), eased at both ends. */
export function animationTime(progress: number): number {
  const [start, end] = ANIMATION_WINDOW;
  const t = Math.min(1, Math.max(0, (progress - start) / (end - start)));
  return Math.round((t * t * (3 - 2 * t)) / TIME_STEP) * TIME_STEP;
}

/** The section's camera, with its `narrow` overrides on phones. */
export function cameraFor(state: MapState, narrow: boolean): Camera {
  const base = state.camera;
  const o = narrow ? state.narrow : undefined;
  if (!o) return base;
  return { center: o.center ?? base.center, zoom: o.zoom ?? base.zoom, bearing: o.bearing ?? base.bearing, pitch: o.pitch ?? base.pitch };
}

const DAY = 86_400_000;

function dateAt(date: MapState['date'], t: number): string {
  if (typeof date === 'string') return date;
  const from = Date.parse(date.from);
  const days = Math.round(((Date.parse(date.to) - from) / DAY) * t);
  return new Date(from + days * DAY).toISOString().slice(0, 10);
}

/**
 * The map at `progress` (0..1) through a section: a pure function of the section's state, so
 * scrolling down, scrolling back up, reloading and deep-linking all show the same picture.
 */
export function frame(
  state: MapState,
  progress: number,
  paths: Readonly<Record<string, PathSamples>>,
  options: FrameOptions = {},
): Frame {
  const t = options.reducedMotion ? 1 : animationTime(progress);
  return {
    camera: cameraFor(state, !!options.narrow),
    layers: state.layers,
    places: state.places,
    highlight: state.highlight,
    paths: state.paths.map(({ id, from, to }) => {
      const samples = paths[id];
      if (!samples) throw new Error(`frame: no samples for path "${id}"`);
      return slicePath(samples, from + (to - from) * t);
    }),
    date: dateAt(state.date, t),
  };
}
