import { measurePaths } from './data/measurePaths.ts';
import { locatorOutlines } from './locator.ts';
import type { Section } from './sections.ts';
import type { StoryPayload } from '@lib/story/payload.ts';

/** `story.json`: what the live map needs, made from the same sections and data as the pages. */
export function storyPayload(sections: Section[]): StoryPayload {
  return {
    sections: sections.map((s) => ({ slug: s.slug, map: s.data.map })),
    // Only the paths the story draws, measured for slicing in the browser.
    paths: measurePaths(new Set(sections.flatMap((s) => s.data.map.paths.map((p) => p.id)))),
    outlines: locatorOutlines(),
  };
}
