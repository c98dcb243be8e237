import type { APIRoute, GetStaticPaths, InferGetStaticPropsType } from 'astro';
import { samplePaths } from '../../../lib/data/samplePaths.ts';
import { NARROW_POSTER, fitCamera } from '../../../lib/embed/view.ts';
import { frame } from '../../../lib/frame.ts';
import { getSteps } from '../../../lib/story/steps.ts';
import { renderSvg } from '../../../lib/svg/renderSvg.ts';

/**
 * `/embed/<section>/narrow.svg`: the section's still map for narrow frames, framed by its
 * `narrow` camera as the live map frames it there (`src/lib/embed/view.ts`). Small, so its
 * labels stay legible at phone width; no key in the picture, the page shows it below.
 */
export const getStaticPaths = (async () => {
  const paths = samplePaths();
  return (await getSteps()).map((step) => {
    const end = frame(step.data.map, 1, paths, { narrow: true });
    return {
      params: { slug: step.slug },
      props: {
        svg: renderSvg({ ...end, camera: fitCamera(end.camera, NARROW_POSTER.width, true) }, { ...NARROW_POSTER, title: step.data.title, description: step.data.alt }),
      },
    };
  });
}) satisfies GetStaticPaths;

type Props = InferGetStaticPropsType<typeof getStaticPaths>;

export const GET: APIRoute<Props> = ({ props }) =>
  new Response(props.svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
