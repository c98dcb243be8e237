import { legendFor } from '@lib/cartography/legend.ts';
import { LIGHT } from '@lib/cartography/palette.ts';
import { STILL_MAP } from '@lib/cartography/pictures.ts';
import { endFrame } from '@lib/frame/frame.ts';
import { keyBandHeight, renderSvg } from '@lib/svg/renderSvg.ts';
import { mapData } from '../mapData.ts';
import { storyWorld } from '../payload.ts';
import type { Section } from '../sections.ts';

/**
 * The keyed still's height in CSS pixels (`/maps/<section>.svg`: the map and the key band under
 * it), so an <img> of it holds its place before it loads.
 */
export const keyedStillHeight = (section: Section) =>
  STILL_MAP.height + keyBandHeight(legendFor(endFrame(section.data.map, storyWorld(), { viewport: STILL_MAP }), LIGHT), STILL_MAP.width);

/**
 * The keyed still (`/maps/<section>.svg`): the section's map at its end state with its key and
 * credits, as SVG text; `still.png` rasterises the same picture.
 */
export const keyedStill = (section: Section) =>
  renderSvg(endFrame(section.data.map, storyWorld(), { viewport: STILL_MAP }), mapData(), {
    ...STILL_MAP,
    title: section.data.title,
    description: section.data.alt,
    legend: true,
  });
