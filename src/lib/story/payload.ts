import type { StoryWorld } from '../frame/frame.ts';
import type { SectionView } from './section.ts';

/** SVG path data of the locator inset, drawn at build time (`src/build/locator.ts`). */
export interface LocatorOutlines {
  land: string;
  syria: string;
  idlib: string;
}

/**
 * Everything the live map needs beyond MapLibre and the GeoJSON: the sections' map states, the
 * measured paths and the locator's outlines. Published as `story.json` (`src/build/payload.ts`)
 * and fetched with the map code, so none of it weighs on the page's first paint.
 */
export interface StoryPayload extends StoryWorld {
  sections: SectionView[];
  outlines: LocatorOutlines;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Why a parsed `story.json` cannot drive the map, or undefined if it can. A file from another
 * build, or one damaged in transit, must fall back to the still maps cleanly, not throw later.
 */
export function payloadProblem(data: unknown): string | undefined {
  if (!isObject(data)) return 'not an object';
  if (!Array.isArray(data.sections) || data.sections.length === 0) return '"sections" is not a non-empty list';
  for (const [i, s] of data.sections.entries()) {
    if (!isObject(s) || typeof s.slug !== 'string' || !isObject(s.map)) return `sections[${i}] has no slug or map`;
    const map = s.map;
    if (!isObject(map.camera) || !Array.isArray(map.camera.center) || typeof map.camera.zoom !== 'number') return `sections[${i}].map.camera is malformed`;
    for (const key of ['layers', 'places', 'highlight', 'paths'] as const) {
      if (!Array.isArray(map[key])) return `sections[${i}].map.${key} is not a list`;
    }
  }
  if (!isObject(data.paths)) return '"paths" is not an object';
  for (const [id, p] of Object.entries(data.paths)) {
    if (!isObject(p) || !Array.isArray(p.points) || !Array.isArray(p.along) || !Array.isArray(p.bearings) || p.points.length !== p.along.length) {
      return `paths.${id} is malformed`;
    }
  }
  for (const [i, s] of (data.sections as { map: { paths: { id: unknown }[] } }[]).entries()) {
    const missing = s.map.paths.find((p) => typeof p.id !== 'string' || !(p.id in (data.paths as object)));
    if (missing) return `sections[${i}] draws a path that "paths" lacks`;
  }
  if (!isObject(data.outlines)) return '"outlines" is missing';
  if (!isObject(data.places)) return '"places" is not an object';
  for (const key of ['fronts', 'areas', 'posts', 'events', 'baseLabels'] as const) {
    if (!Array.isArray(data[key])) return `"${key}" is not a list`;
  }
  if ((data.fronts as unknown[]).length === 0) return '"fronts" is empty';
  for (const [i, s] of (data.sections as { map: { places: unknown[] } }[]).entries()) {
    const missing = s.map.places.find((id) => typeof id !== 'string' || !(id in (data.places as object)));
    if (missing !== undefined) return `sections[${i}] labels a place that "places" lacks`;
  }
  return undefined;
}

/** Fetches and checks `story.json` from the site root; a missing, broken or wrong-shape file rejects. */
export async function fetchStory(root: URL, signal?: AbortSignal): Promise<StoryPayload> {
  const response = await fetch(new URL('story.json', root), signal ? { signal } : {});
  if (!response.ok) throw new Error(`story.json: HTTP ${response.status}`);
  const data: unknown = await response.json();
  const problem = payloadProblem(data);
  if (problem) throw new Error(`story.json: ${problem}`);
  return data as StoryPayload;
}
