import { themeFromUrl, type Theme } from '../cartography/theme.ts';

/**
 * How an embed is shown, each a URL parameter of `embed/<section>/`, so one page serves every
 * variant and the embed code only changes its address:
 *
 * - `theme=light|dark|auto` (default: light, or the host page's own scheme when the loader
 *   reports one, see `loader.js`);
 * - `view=full` (default: heading, map, key, text and sources), `view=map` (the map and its key
 *   with a one-line caption) or `view=still` (the still map alone: no map code is loaded);
 * - `at=start` (default: the section's animation plays once when it comes into view) or `at=end`
 *   (the section's end state from the start, nothing plays).
 */
export const VIEWS = ['full', 'map', 'still'] as const;
export type View = (typeof VIEWS)[number];
export const STARTS = ['start', 'end'] as const;
export type Start = (typeof STARTS)[number];

export interface EmbedOptions {
  theme?: Theme | undefined;
  view: View;
  at: Start;
}

export const DEFAULT_OPTIONS: EmbedOptions = { view: 'full', at: 'start' };

const pick = <T extends string>(values: readonly T[], value: string | null, fallback: T): T => ((values as readonly string[]).includes(value ?? '') ? (value as T) : fallback);

/** The options an embed's address asks for; unknown values fall back to the defaults. */
export function embedOptions(search: string): EmbedOptions {
  const params = new URLSearchParams(search);
  return { theme: themeFromUrl(search), view: pick(VIEWS, params.get('view'), 'full'), at: pick(STARTS, params.get('at'), 'start') };
}

/** The query string for some options (`?theme=dark&view=map`), defaults left out; `''` for none. */
export function embedQuery(options: Partial<EmbedOptions>): string {
  const params = new URLSearchParams();
  if (options.theme) params.set('theme', options.theme);
  if (options.view && options.view !== DEFAULT_OPTIONS.view) params.set('view', options.view);
  if (options.at && options.at !== DEFAULT_OPTIONS.at) params.set('at', options.at);
  const query = params.toString();
  return query ? `?${query}` : '';
}
