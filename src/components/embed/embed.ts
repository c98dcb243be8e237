import { flushSync, mount } from 'svelte';
import type { LegendEntry } from '../../lib/cartography/legend.ts';
import { sizeToHost } from '../../lib/embed/sizing.ts';
import EmbedMap from './EmbedMap.svelte';

// The embed page's script: the live map takes over the still's stage (the still moves into it
// and stays until the map is ready), then the page starts reporting its height to its host.
const stage = document.querySelector<HTMLElement>('.embed-stage[data-slug]');
const poster = stage?.querySelector<HTMLElement>('.poster');
if (stage && poster && stage.parentElement) {
  mount(EmbedMap, {
    target: stage.parentElement,
    anchor: stage,
    props: {
      slug: stage.dataset.slug!,
      poster,
      endDate: stage.dataset.date!,
      legend: JSON.parse(stage.dataset.legend ?? '[]') as LegendEntry[],
    },
  });
  flushSync();
  stage.remove();
}
sizeToHost();
