import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { mapData } from '@build/mapData.ts';
import { storyWorld } from '@build/payload.ts';
import { getSections } from '@build/sections.ts';
import { EMBED_STILLS } from '@lib/cartography/pictures.ts';
import { scaleCamera } from '@lib/embed/view.ts';
import { endFrame } from '@lib/frame/frame.ts';
import { renderSvg } from '@lib/svg/renderSvg.ts';

/**
 * `/embed/<section>/wide.svg` and `narrow.svg`: the section's still map as its embed shows it
 * until the live map has drawn (and for good where it cannot), framed as the live map frames it
 * at that width (`src/lib/embed/view.ts`): narrow frames by the section's `narrow` camera. No key
 * in the picture: the embed page shows its key below the map.
 */
export const getStaticPaths = (async () => {
  const world = storyWorld();
  const data = mapData();
  return (await getSections()).flatMap((section) =>
    (Object.keys(EMBED_STILLS) as (keyof typeof EMBED_STILLS)[]).map((size) => {
      const still = EMBED_STILLS[size];
      const narrow = size === 'narrow';
      const end = endFrame(section.data.map, world, { narrow, viewport: still });
      return {
        params: { slug: section.slug, size },
        props: { svg: renderSvg({ ...end, camera: scaleCamera(end.camera, still.width, narrow) }, data, { ...still, title: section.data.title, description: section.data.alt }) },
      };
    }),
  );
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) =>
  new Response(props.svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
