import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { samplePaths } from '../../lib/data/samplePaths.ts';
import { frame } from '../../lib/frame.ts';
import { getSteps } from '../../lib/story/steps.ts';
import { renderSvg } from '../../lib/svg/renderSvg.ts';
import { STILL_MAP } from '../../lib/svg/stillMap.ts';

/**
 * `/maps/<section>.svg`: each section's map at its end state, drawn at build time. It is what
 * readers without JavaScript or WebGL see, what prints, and the poster of the section's embed.
 */
export const getStaticPaths = (async () => {
  const paths = samplePaths();
  return (await getSteps()).map((step) => ({
    params: { slug: step.slug },
    props: {
      svg: renderSvg(frame(step.data.map, 1, paths, {}), {
        ...STILL_MAP,
        title: step.data.title,
        description: step.data.alt,
        legend: true,
      }),
    },
  }));
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) =>
  new Response(props.svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
