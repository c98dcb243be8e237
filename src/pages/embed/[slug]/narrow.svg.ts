import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { mapData } from '@build/mapData.ts';
import { storyWorld } from '@build/payload.ts';
import { getSections } from '@build/sections.ts';
import { NARROW_STILL } from '@lib/cartography/pictures.ts';
import { scaleCamera } from '@lib/embed/view.ts';
import { endFrame } from '@lib/frame/frame.ts';
import { renderSvg } from '@lib/svg/renderSvg.ts';

/**
 * `/embed/<section>/narrow.svg`: the section's still map for narrow frames, framed by its
 * `narrow` camera as the live map frames it there (`src/lib/embed/view.ts`). Small, so its
 * labels stay legible at phone width; no key in the picture, the page shows it below.
 */
export const getStaticPaths = (async () => {
  const world = storyWorld();
  const data = mapData();
  return (await getSections()).map((section) => {
    const end = endFrame(section.data.map, world, { narrow: true });
    return {
      params: { slug: section.slug },
      props: {
        svg: renderSvg({ ...end, camera: scaleCamera(end.camera, NARROW_STILL.width, true) }, data, { ...NARROW_STILL, title: section.data.title, description: section.data.alt }),
      },
    };
  });
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) =>
  new Response(props.svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
