import { mount } from 'svelte';
import StoryMap from '../components/StoryMap.svelte';

// The live map exists only with JavaScript, so it is mounted here rather than rendered on the
// server: the HTML carries the story's text and nothing the map needs.
const slot = document.querySelector<HTMLElement>('.stage-slot');
if (slot) mount(StoryMap, { target: slot });
