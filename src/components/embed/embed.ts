import { flushSync, mount } from 'svelte';
import type { LegendEntry } from '../../lib/cartography/legend.ts';
import { embedOptions } from '../../lib/embed/options.ts';
import { sizeToHost } from '../../lib/embed/sizing.ts';
import { followTheme } from '../../lib/embed/theme.ts';
import EmbedMap from './EmbedMap.svelte';

// The embed page's script: the page follows its theme (the address's, or the host page's), the
// live map takes over the still's stage (the stills move into it and stay until the map is
// ready), then the page starts reporting its height to its host. `?view=still` shows the still
// alone: no map code is loaded.
const options = embedOptions(location.search);
const theme = followTheme();
const stage = document.querySelector<HTMLElement>('.embed-stage[data-slug]');
const posters = [...(stage?.querySelectorAll<HTMLElement>('.poster, .poster-dark') ?? [])];
if (options.view !== 'still' && stage && posters.length && stage.parentElement) {
  const legend = (json: string | undefined) => JSON.parse(json ?? '[]') as LegendEntry[];
  mount(EmbedMap, {
    target: stage.parentElement,
    anchor: stage,
    props: {
      slug: stage.dataset.slug!,
      poster: posters,
      endDate: stage.dataset.date!,
      legends: { light: legend(stage.dataset.legend), dark: legend(stage.dataset.legendDark) },
      theme,
      at: options.at,
    },
  });
  flushSync();
  stage.remove();
}
sizeToHost();
