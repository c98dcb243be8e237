import { legendFor } from '@lib/cartography/legend.ts';
import { LIGHT } from '@lib/cartography/palette.ts';
import { STILL_MAP } from '@lib/cartography/pictures.ts';
import { endFrame } from '@lib/frame/frame.ts';
import { keyBandHeight } from '@lib/svg/renderSvg.ts';
import { storyWorld } from '../payload.ts';
import type { Section } from '../sections.ts';

/**
 * The keyed still's height in CSS pixels (`/maps/<section>.svg`: the map and the key band under
 * it), so an <img> of it holds its place before it loads.
 */
export const keyedStillHeight = (section: Section) =>
  STILL_MAP.height + keyBandHeight(legendFor(endFrame(section.data.map, storyWorld(), { viewport: STILL_MAP }), LIGHT), STILL_MAP.width);
