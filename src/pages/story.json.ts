import type { APIRoute } from 'astro';
import { getSteps } from '../lib/story/steps.ts';
import { samplePaths } from '../lib/data/samplePaths.ts';
import { locatorOutlines } from '../lib/locator.ts';
import type { StoryPayload } from '../lib/story/payload.ts';

export const GET: APIRoute = async () => {
  const steps = await getSteps();
  const payload: StoryPayload = {
    steps: steps.map((s) => ({ slug: s.slug, map: s.data.map })),
    // Only the paths the story draws, already resampled for slicing in the browser.
    paths: samplePaths(new Set(steps.flatMap((s) => s.data.map.paths.map((p) => p.id)))),
    outlines: locatorOutlines(),
  };
  return new Response(JSON.stringify(payload), { headers: { 'Content-Type': 'application/json' } });
};
