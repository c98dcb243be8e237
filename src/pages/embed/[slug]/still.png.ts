import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getSections } from '@build/sections.ts';
import { keyedStill } from '@build/share/stills.ts';
import { rasterise } from '@build/share/card.ts';

/** Pixels per CSS pixel of the PNG still: sharp on high-density screens, and for print. */
export const STILL_PNG_SCALE = 2;

/**
 * `/embed/<section>/still.png`: the keyed still map (`/maps/<section>.svg`, with its key and
 * credits) as a PNG at twice its size, for where neither scripts nor SVG go: newsletters, Apple
 * News, AMP's `amp-img`, print.
 */
export const getStaticPaths = (async () =>
  (await getSections()).map((section) => ({ params: { slug: section.slug }, props: { svg: keyedStill(section) } }))) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = async ({ props }) =>
  new Response(new Uint8Array(await rasterise(props.svg, { scale: STILL_PNG_SCALE })), { headers: { 'Content-Type': 'image/png' } });
