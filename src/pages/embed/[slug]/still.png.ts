import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { mapData } from '@build/mapData.ts';
import { storyWorld } from '@build/payload.ts';
import { getSections } from '@build/sections.ts';
import { rasterise } from '@build/share/card.ts';
import { STILL_MAP } from '@lib/cartography/pictures.ts';
import { endFrame } from '@lib/frame/frame.ts';
import { renderSvg } from '@lib/svg/renderSvg.ts';

/** Pixels per CSS pixel of the PNG still: sharp on high-density screens, and for print. */
export const STILL_PNG_SCALE = 2;

/**
 * `/embed/<section>/still.png`: the keyed still map (`/maps/<section>.svg`, with its key and
 * credits) as a PNG at twice its size, for where neither scripts nor SVG go: newsletters, Apple
 * News, AMP's `amp-img`, print.
 */
export const getStaticPaths = (async () => {
  const world = storyWorld();
  const data = mapData();
  return (await getSections()).map((section) => ({
    params: { slug: section.slug },
    props: { svg: renderSvg(endFrame(section.data.map, world, { viewport: STILL_MAP }), data, { ...STILL_MAP, title: section.data.title, description: section.data.alt, legend: true }) },
  }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props }) =>
  new Response(new Uint8Array(await rasterise(props.svg, { scale: STILL_PNG_SCALE })), { headers: { 'Content-Type': 'image/png' } });
