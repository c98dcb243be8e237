import { LAYER_IDS, type LayerId } from '../cartography/layers.ts';
import type { Camera, DateSpan, SectionMap } from '../story/section.ts';
import { slicePath, type PathSamples, type PathSlice } from './paths.ts';

/**
 * What a renderer draws for one moment of the story, every drawing decision already made: which
 * places are labelled and which called out, which markers stand out, which paths show and how
 * far, which carry an arrow head, and in what order everything is drawn. The live renderer
 * (`src/lib/map/renderer.ts`) and the still one (`src/lib/svg/renderSvg.ts`) only draw it.
 */
export interface Frame {
  camera: Camera;
  /** The day the timeline shows, ISO `YYYY-MM-DD`. */
  date: string;
  /** Story layers shown, bottom to top. */
  layers: LayerId[];
  /** Places labelled, called-out ones first (they win where labels collide). */
  places: PlaceMark[];
  /** Markers drawn larger. */
  highlightedMarkers: string[];
  /** Roads, then movements over them. */
  paths: PathSlice[];
}

export interface PlaceMark {
  id: string;
  highlighted: boolean;
}

/** What `frame()` needs beyond a section's state: the measured paths (from `story.json`). */
export interface StoryWorld {
  paths: Readonly<Record<string, PathSamples>>;
}

export interface FrameOptions {
  /** Phones use the section's `narrow` camera overrides. */
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
export function cameraFor(state: SectionMap, narrow: boolean): Camera {
  if (!narrow || !state.narrow) return state.camera;
  const overrides = Object.entries(state.narrow).filter(([, value]) => value !== undefined);
  return { ...state.camera, ...Object.fromEntries(overrides) };
}

const DAY = 86_400_000;

/** The day `t` (0..1) of the way through a span of days, whole days only. */
export function dateAt(span: DateSpan, t: number): string {
  if (typeof span === 'string') return span;
  const start = Date.parse(span.start);
  const days = Math.round(((Date.parse(span.end) - start) / DAY) * t);
  return new Date(start + days * DAY).toISOString().slice(0, 10);
}

/** Roads under movements; otherwise the section's own order. */
const drawingOrder = (a: PathSlice, b: PathSlice) => Number(a.kind !== 'road') - Number(b.kind !== 'road');

/**
 * The map at `progress` (0..1) through a section: a pure function of the section's state, so
 * scrolling down, scrolling back up, reloading and deep-linking all show the same picture.
 */
export function frame(state: SectionMap, progress: number, world: StoryWorld, options: FrameOptions = {}): Frame {
  const t = options.reducedMotion ? 1 : animationTime(progress);
  const highlight = new Set(state.highlight);
  // A highlight calls out a place the section labels; it never adds one.
  const places = state.places.map((id) => ({ id, highlighted: highlight.has(id) }));
  return {
    camera: cameraFor(state, !!options.narrow),
    date: dateAt(state.date, t),
    layers: LAYER_IDS.filter((id) => state.layers.includes(id)),
    places: [...places.filter((p) => p.highlighted), ...places.filter((p) => !p.highlighted)],
    highlightedMarkers: state.highlight.filter((id) => !state.places.includes(id)),
    paths: state.paths
      .map(({ id, drawn: [atStart, atEnd] }) => {
        const samples = world.paths[id];
        if (!samples) throw new Error(`frame: no samples for path "${id}"`);
        return slicePath(samples, atStart + (atEnd - atStart) * t);
      })
      .sort(drawingOrder),
  };
}

/** The section as the reader leaves it: what still maps, embeds' posters and share cards show. */
export const endFrame = (state: SectionMap, world: StoryWorld, options: Omit<FrameOptions, 'reducedMotion'> = {}) =>
  frame(state, 1, world, options);
