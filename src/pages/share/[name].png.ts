import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { samplePaths } from '../../lib/data/samplePaths.ts';
import { frame } from '../../lib/frame.ts';
import { cardSvg, rasterise } from '../../lib/share/card.ts';
import { STORY_SHARE } from '../../lib/share/meta.ts';
import { sectionCardText, storyCardStep, storyCardText } from '../../lib/share/pages.ts';
import { getSteps } from '../../lib/story/steps.ts';

/**
 * `/share/story.png` and `/share/<section>.png`: the 1200 × 630 pictures link previews show,
 * drawn at build time from each section's end state (the story's from one section's).
 */
export const getStaticPaths = (async () => {
  const steps = await getSteps();
  const paths = samplePaths();
  const end = (step: (typeof steps)[number]) => frame(step.data.map, 1, paths, {});
  if (steps.some((s) => s.slug === STORY_SHARE)) throw new Error(`a section's slug is "${STORY_SHARE}", the story's share card's name`);
  return [
    { params: { name: STORY_SHARE }, props: { svg: cardSvg(end(storyCardStep(steps)), storyCardText()) } },
    ...steps.map((step) => ({ params: { name: step.slug }, props: { svg: cardSvg(end(step), sectionCardText(step)) } })),
  ];
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props }) =>
  new Response(new Uint8Array(await rasterise(props.svg)), { headers: { 'Content-Type': 'image/png' } });
