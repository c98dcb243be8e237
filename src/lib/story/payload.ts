import type { LocatorOutlines } from '../locator.ts';
import type { PathSamples } from '../paths.ts';
import type { MapState } from './mapState.ts';

/** What the live map needs of one section (its text and map description are in the page). */
export interface StepView {
  slug: string;
  map: MapState;
}

/**
 * Everything the live map needs beyond MapLibre and the GeoJSON: the sections' map states, the
 * resampled paths and the locator's outlines. Published as `story.json` and fetched alongside
 * the map code, so none of it weighs on the page's first paint.
 */
export interface StoryPayload {
  steps: StepView[];
  paths: Record<string, PathSamples>;
  outlines: LocatorOutlines;
}

/** Fetches `story.json` from the site root; a missing or broken file rejects (the map falls back). */
export async function fetchStory(root: URL): Promise<StoryPayload> {
  const response = await fetch(new URL('story.json', root));
  if (!response.ok) throw new Error(`story.json: HTTP ${response.status}`);
  return (await response.json()) as StoryPayload;
}
