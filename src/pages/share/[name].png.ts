import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { storyWorld } from '@build/payload.ts';
import { mapData } from '@build/mapData.ts';
import { getSections, type Section } from '@build/sections.ts';
import { cardSvg, rasterise } from '@build/share/card.ts';
import { STORY_SHARE } from '@build/share/meta.ts';
import { sectionCardText, storyCardSection, storyCardText } from '@build/share/pages.ts';
import { endFrame } from '@lib/frame/frame.ts';

/**
 * `/share/story.png` and `/share/<section>.png`: the 1200 × 630 pictures link previews show,
 * drawn at build time from each section's end state (the story's from one section's).
 */
export const getStaticPaths = (async () => {
  const sections = await getSections();
  const world = storyWorld();
  const data = mapData();
  const end = (section: Section) => endFrame(section.data.map, world);
  if (sections.some((s) => s.slug === STORY_SHARE)) throw new Error(`a section's slug is "${STORY_SHARE}", the story's share card's name`);
  return [
    { params: { name: STORY_SHARE }, props: { svg: cardSvg(end(storyCardSection(sections)), storyCardText(), data) } },
    ...sections.map((section) => ({ params: { name: section.slug }, props: { svg: cardSvg(end(section), sectionCardText(section), data) } })),
  ];
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props }) =>
  new Response(new Uint8Array(await rasterise(props.svg)), { headers: { 'Content-Type': 'image/png' } });
