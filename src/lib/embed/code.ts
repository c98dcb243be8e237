import { STORY } from '../story/meta.ts';
import HEIGHTS from './heights.json' with { type: 'json' };
import type { View } from './options.ts';

/**
 * The copy-paste embed code the journalists' page offers: an iframe the loader sizes, and the
 * loader. Plain HTML that any CMS accepts; the iframe also works with pym.js's parent script.
 * The still variant's code is an image and a caption: no iframe, no script.
 */

/** The attribute that marks the project's iframes for `loader.js`. */
export const EMBED_ATTRIBUTE = 'data-idlib-embed';

/** Where each section's embed lives, from the site's root, and the loader beside them. */
export const embedPath = (slug: string) => `/embed/${slug}/`;
export const LOADER_PATH = '/embed/loader.js';

/** The iframe’s height before the first message arrives, for a section not measured yet: about a section at 600 px wide. */
export const DEFAULT_HEIGHT = 1050;

/** The width at which an embed's height is measured and its oEmbed size given. */
export const PREVIEW_WIDTH = 600;

/**
 * Each section's embed height at PREVIEW_WIDTH, by view, in CSS pixels: measured in Chromium by
 * `UPDATE_EMBED_HEIGHTS=1 npx playwright test tests/e2e/kit.spec.ts -g heights`, which also fails
 * when a height has drifted by more than a tenth (a longer text, a bigger key).
 */
export const MEASURED_HEIGHTS: Readonly<Record<string, Partial<Record<View, number>>>> = HEIGHTS;

/** The height an iframe of a section's embed starts at, before the embed reports its own. */
export const embedHeight = (slug: string, view: View = 'full') => MEASURED_HEIGHTS[slug]?.[view] ?? DEFAULT_HEIGHT;

/** The iframe's accessible name. */
export const frameTitle = (title: string) => `${title}: a section of “${STORY.title}”, with its map`;

const ATTRIBUTE_ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' };
const attr = (value: string) => value.replace(/[&"<>]/g, (c) => ATTRIBUTE_ESCAPES[c]!);

export interface EmbedCodeOptions {
  /** The embed page's URL, absolute when the site's address is known. */
  src: string;
  /** The loader's URL. */
  loader: string;
  /** The iframe's accessible name. */
  title: string;
  height?: number;
}

/** The embed code for one section: iframe, then loader (`async`, so it never blocks the host page). */
export function embedCode({ src, loader, title, height = DEFAULT_HEIGHT }: EmbedCodeOptions): string {
  return (
    `<iframe src="${attr(src)}" title="${attr(title)}" ${EMBED_ATTRIBUTE} width="100%" height="${height}" ` +
    `scrolling="no" frameborder="0" loading="lazy" style="display:block;width:100%;border:0"></iframe>\n` +
    `<script src="${attr(loader)}" async></script>`
  );
}

export interface StillCodeOptions {
  /** The PNG still's URL. */
  image: string;
  /** Where the picture links: the section in the full story. */
  link: string;
  /** The section's title and the map's description (its alt text). */
  title: string;
  alt: string;
  width: number;
  height: number;
}

/**
 * The still variant's code: the keyed still as an image linking to the story, with a one-line
 * caption. No script and no iframe, for newsletters, Apple News and AMP (as `amp-img`).
 */
export function stillCode({ image, link, title, alt, width, height }: StillCodeOptions): string {
  return (
    `<figure style="margin:0"><a href="${attr(link)}"><img src="${attr(image)}" alt="${attr(alt)}" width="${width}" height="${height}" style="display:block;width:100%;height:auto;border:0"></a>\n` +
    `<figcaption style="font:14px/1.4 sans-serif">${attr(title)}. From <a href="${attr(link)}">${attr(STORY.title)}</a>. ${attr(STORY.byline)}</figcaption></figure>`
  );
}

/**
 * The site's root from a page of it: the page's `data-root` (made relative at build time, so
 * `../`, `../../`…) resolved against its address, wherever the site is hosted.
 */
export function siteRoot(dataRoot: string | undefined, pageUrl: string): URL {
  return new URL(dataRoot ?? './', pageUrl);
}

/** A root-absolute path of the site (`/embed/x/`) as an absolute URL under `root`. */
export const underRoot = (path: string, root: URL) => new URL(path.replace(/^\//, ''), root).href;
