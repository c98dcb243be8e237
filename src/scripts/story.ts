import { mount } from 'svelte';
import StoryMap from '../components/story/StoryMap.svelte';
import { showStillMaps } from '../lib/map/fallback.ts';

// The page's head has already checked for WebGL (src/lib/map/earlyCheck.ts). The live map
// exists only with JavaScript, so it is mounted here rather than rendered on the server: the
// HTML carries the story's text and nothing the map needs.
const slot = document.querySelector<HTMLElement>('.stage-slot');
if (document.documentElement.dataset.map === 'failed') showStillMaps(new Error('WebGL is not available here'));
else if (slot) mount(StoryMap, { target: slot });
