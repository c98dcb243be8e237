import { flushSync, mount } from 'svelte';
import StoryMap from '../components/story/StoryMap.svelte';
import { showStillMaps } from '../lib/map/fallback.ts';
import { loadStillsForPrint } from '../lib/story/print.ts';

// The page's head has already checked for WebGL (src/lib/map/earlyCheck.ts). The live stage
// exists only with JavaScript: it takes the place of the server-rendered one, in the same frame
// and at the same size, keeping its still picture, so nothing on screen moves.
const slot = document.querySelector<HTMLElement>('.stage-slot');
const skeleton = slot?.querySelector<HTMLElement>('.stage');
if (document.documentElement.dataset.map === 'failed') showStillMaps(new Error('WebGL is not available here'));
else if (slot && skeleton) {
  mount(StoryMap, { target: slot, anchor: skeleton, props: { still: skeleton.querySelector('picture') } });
  flushSync();
  skeleton.remove();
}
loadStillsForPrint();
