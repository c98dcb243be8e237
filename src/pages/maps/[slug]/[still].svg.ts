import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { mapData } from '@build/mapData.ts';
import { storyWorld } from '@build/payload.ts';
import { getSections } from '@build/sections.ts';
import { STAGE_STILLS, stageStillPath } from '@lib/cartography/pictures.ts';
import { paletteFor } from '@lib/cartography/theme.ts';
import { endFrame, frame } from '@lib/frame/frame.ts';
import { renderSvg } from '@lib/svg/renderSvg.ts';

/**
 * `/maps/<section>/stage-wide.svg` and `stage-narrow.svg` (and `-dark` of each, for `?theme=dark`):
 * what the story's map area shows until the live map draws: the section as the reader enters it,
 * framed for the map area's size on a desktop or a phone, without key or credits (the stage
 * shows its own). The first section's is
 * in the page's HTML, so the first screen has a map before any script runs.
 */
export const getStaticPaths = (async () => {
  const world = storyWorld();
  const data = mapData();
  return (await getSections()).flatMap((section) =>
    (Object.keys(STAGE_STILLS) as (keyof typeof STAGE_STILLS)[]).flatMap((size) => {
      const viewport = STAGE_STILLS[size];
      const options = { narrow: size === 'narrow', viewport };
      // A section's start for the first (where the story opens), its end for the others (where
      // a reader scrolling or jumping past lands).
      const shown = section.data.order === 1 ? frame(section.data.map, 0, world, options) : endFrame(section.data.map, world, options);
      return (['light', 'dark'] as const).map((theme) => ({
        params: { slug: section.slug, still: stageStillPath(section.slug, size, theme).split('/').at(-1)!.slice(0, -'.svg'.length) },
        props: { svg: renderSvg(shown, data, { ...viewport, furniture: false, title: section.data.title, palette: paletteFor(theme) }) },
      }));
    }),
  );
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) =>
  new Response(props.svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
