import { mount } from 'svelte';
import StoryMap from '../components/StoryMap.svelte';
import { showStillMaps } from '../lib/map/fallback.ts';

/**
 * Without WebGL the live map cannot draw. Finding out here, before any map code loads, lets the
 * still maps take their place at once instead of after a failed load (which would shift the
 * layout under the reader).
 */
function hasWebGL(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return !!(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}

// The live map exists only with JavaScript, so it is mounted here rather than rendered on the
// server: the HTML carries the story's text and nothing the map needs.
const slot = document.querySelector<HTMLElement>('.stage-slot');
if (!hasWebGL()) showStillMaps(new Error('WebGL is not available'));
else if (slot) mount(StoryMap, { target: slot });
