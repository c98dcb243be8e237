import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { mapData } from '@build/mapData.ts';
import { storyWorld } from '@build/payload.ts';
import { getSections } from '@build/sections.ts';
import { DARK, LIGHT } from '@lib/cartography/palette.ts';
import { EMBED_STILLS, STILL_MAP } from '@lib/cartography/pictures.ts';
import { stillPath } from '@lib/embed/files.ts';
import { endFrame } from '@lib/frame/frame.ts';
import { renderSvg } from '@lib/svg/renderSvg.ts';

/**
 * `/embed/<section>/wide.svg` and `narrow.svg`: the section's still map as its embed shows it
 * until the live map has drawn (and for good where it cannot), framed as the live map frames it
 * at that width (`src/lib/embed/view.ts`): narrow frames by the section's `narrow` camera. No key
 * in the picture: the embed page shows its key below the map. `wide-dark.svg` and
 * `narrow-dark.svg` are the same in the dark palette; `still-dark.svg` is the story's keyed
 * still (`/maps/<section>.svg`) in the dark palette, for `view=still`.
 */
export const getStaticPaths = (async () => {
  const world = storyWorld();
  const data = mapData();
  const file = (slug: string, path: string) => path.slice(`/embed/${slug}/`.length, -'.svg'.length);
  return (await getSections()).flatMap((section) => {
    const text = { title: section.data.title, description: section.data.alt };
    const posters = (Object.keys(EMBED_STILLS) as (keyof typeof EMBED_STILLS)[]).flatMap((size) => {
      const still = EMBED_STILLS[size];
      const narrow = size === 'narrow';
      // What the live embed frames (`framedAs` in EmbedMap.svelte), at the still's own size.
      const frame = endFrame(section.data.map, world, { narrow, viewport: still });
      return (['light', 'dark'] as const).map((theme) => ({
        params: { slug: section.slug, size: file(section.slug, stillPath(section.slug, size, theme)) },
        props: { svg: renderSvg(frame, data, { ...still, ...text, palette: theme === 'dark' ? DARK : LIGHT }) },
      }));
    });
    const keyed = renderSvg(endFrame(section.data.map, world, { viewport: STILL_MAP }), data, { ...STILL_MAP, ...text, legend: true, palette: DARK });
    return [...posters, { params: { slug: section.slug, size: file(section.slug, stillPath(section.slug, 'keyed', 'dark')) }, props: { svg: keyed } }];
  });
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) => new Response(props.svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
