import type { UsedTheme } from '../cartography/theme.ts';

/**
 * Where each section's embed files live, from the site's root. Built with the site: the embed
 * page, its oEmbed file, its stills (light and dark) and the still as a PNG; the social videos
 * come from `npm run export` (`src/build/export/`).
 */

/** The oEmbed 1.0 file of a section (`src/pages/embed/[slug]/oembed.json.ts`). */
export const oembedPath = (slug: string) => `/embed/${slug}/oembed.json`;

/**
 * A section's still map: `wide` and `narrow` are the keyless posters the embed shows under its
 * live map (`[size].svg.ts`); `keyed` is the still with its key and credits below it, as printed
 * and as the `view=still` variant shows it (the light one is the story's own `/maps/<slug>.svg`).
 */
export type StillKind = 'wide' | 'narrow' | 'keyed';
export function stillPath(slug: string, kind: StillKind, theme: UsedTheme = 'light'): string {
  if (kind === 'keyed' && theme === 'light') return `/maps/${slug}.svg`;
  const name = kind === 'keyed' ? 'still' : kind;
  return `/embed/${slug}/${name}${theme === 'dark' ? '-dark' : ''}.svg`;
}

/** The keyed still as a PNG at twice its size, for newsletters, Apple News and print. */
export const stillPngPath = (slug: string) => `/embed/${slug}/still.png`;

/** The social videos `npm run export` writes, and the list of what it wrote (absent until it runs). */
export const VIDEO_FORMATS = { square: { width: 1080, height: 1080 }, vertical: { width: 1080, height: 1920 } } as const;
export type VideoFormat = keyof typeof VIDEO_FORMATS;
export const DOWNLOADS_DIR = '/downloads/';
export const videoPath = (slug: string, format: VideoFormat) => `${DOWNLOADS_DIR}${slug}-${format}.mp4`;
export const DOWNLOADS_MANIFEST = `${DOWNLOADS_DIR}index.json`;
