/**
 * The copy-paste embed code the journalists' page offers: an iframe the loader sizes, and the
 * loader. Plain HTML that any CMS accepts; the iframe also works with pym.js's parent script.
 */

/** The attribute that marks the project's iframes for `loader.js`. */
export const EMBED_ATTRIBUTE = 'data-idlib-embed';

/** Where each section's embed lives, from the site's root, and the loader beside them. */
export const embedPath = (slug: string) => `/embed/${slug}/`;
export const LOADER_PATH = '/embed/loader.js';

/** The iframe’s height before the first message arrives: about a section at 600 px wide (940–1140 px). */
export const DEFAULT_HEIGHT = 1050;

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

/**
 * The site's root from a page of it: the page's `data-root` (made relative at build time, so
 * `../`, `../../`…) resolved against its address, wherever the site is hosted.
 */
export function siteRoot(dataRoot: string | undefined, pageUrl: string): URL {
  return new URL(dataRoot ?? './', pageUrl);
}

/** A root-absolute path of the site (`/embed/x/`) as an absolute URL under `root`. */
export const underRoot = (path: string, root: URL) => new URL(path.replace(/^\//, ''), root).href;
