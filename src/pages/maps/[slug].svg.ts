import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { mapData } from '@build/mapData.ts';
import { storyWorld } from '@build/payload.ts';
import { getSections } from '@build/sections.ts';
import { STILL_MAP } from '@lib/cartography/pictures.ts';
import { endFrame } from '@lib/frame/frame.ts';
import { renderSvg } from '@lib/svg/renderSvg.ts';

/**
 * `/maps/<section>.svg`: each section's map at its end state, drawn at build time. It is what
 * readers without JavaScript or WebGL see, what prints, and the poster of the section's embed.
 */
export const getStaticPaths = (async () => {
  const world = storyWorld();
  const data = mapData();
  return (await getSections()).map((section) => ({
    params: { slug: section.slug },
    props: {
      svg: renderSvg(endFrame(section.data.map, world, { viewport: STILL_MAP }), data, {
        ...STILL_MAP,
        title: section.data.title,
        description: section.data.alt,
        legend: true,
      }),
    },
  }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) => new Response(props.svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
