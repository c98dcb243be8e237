import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { storyWorld } from '@build/payload.ts';
import { mapData } from '@build/mapData.ts';
import { getSections, type Section } from '@build/sections.ts';
import { cardSvg, rasterise } from '@build/share/card.ts';
import { STORY_SHARE, darkShareName } from '@build/share/meta.ts';
import { sectionCardText, storyCardSection, storyCardText } from '@build/share/pages.ts';
import { DARK, LIGHT } from '@lib/cartography/palette.ts';
import { endFrame } from '@lib/frame/frame.ts';

/**
 * `/share/story.png` and `/share/<section>.png`: the 1200 × 630 pictures link previews show,
 * drawn at build time from each section's end state (the story's from one section's); and each
 * in the dark palette, `/share/<name>-dark.png`, offered on the journalists' page.
 */
export const getStaticPaths = (async () => {
  const sections = await getSections();
  const world = storyWorld();
  const data = mapData();
  const end = (section: Section) => endFrame(section.data.map, world);
  if (sections.some((s) => s.slug === STORY_SHARE)) throw new Error(`a section's slug is "${STORY_SHARE}", the story's share card's name`);
  const cards = [
    { name: STORY_SHARE, section: storyCardSection(sections), text: storyCardText() },
    ...sections.map((section) => ({ name: section.slug, section, text: sectionCardText(section) })),
  ];
  return cards.flatMap(({ name, section, text }) => [
    { params: { name }, props: { svg: cardSvg(end(section), text, data, LIGHT), background: LIGHT.paper } },
    { params: { name: darkShareName(name) }, props: { svg: cardSvg(end(section), text, data, DARK), background: DARK.paper } },
  ]);
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props }) =>
  new Response(new Uint8Array(await rasterise(props.svg, { background: props.background })), { headers: { 'Content-Type': 'image/png' } });
