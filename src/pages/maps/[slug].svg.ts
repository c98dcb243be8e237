import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { getSections } from '@build/sections.ts';
import { keyedStill } from '@build/share/stills.ts';

/**
 * `/maps/<section>.svg`: each section's map at its end state, drawn at build time. It is what
 * readers without JavaScript or WebGL see, what prints, and the poster of the section's embed.
 */
export const getStaticPaths = (async () =>
  (await getSections()).map((section) => ({ params: { slug: section.slug }, props: { svg: keyedStill(section) } }))) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) => new Response(props.svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
