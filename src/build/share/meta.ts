import { SHARE_CARD } from '@lib/cartography/pictures.ts';
import { STORY } from '@lib/story/meta.ts';

/**
 * What link previews and search engines read of a page: Open Graph and Twitter tags, and a
 * schema.org NewsArticle in JSON-LD. The explainer is based on a Reuters report of 11 February
 * 2020 and credits it as such (`isBasedOn`); it claims no publication date of its own, since
 * neither the report's date nor the build's would be true of it.
 */

/** The report the explainer is built on, as `STORY` credits it. */
export const SOURCE_ARTICLE = {
  publisher: 'Reuters',
  datePublished: '2020-02-11',
  authors: STORY.authors.split(/,\s*|\s+and\s+/).filter(Boolean),
} as const;

/** Where the events the story describes took place (schema.org `contentLocation`). */
export const CONTENT_LOCATION = 'Idlib province and north-west Syria';

/** The share picture of the story (`name` 'story') or of a section (its slug), from the site root. */
export const shareImagePath = (name: string) => `/share/${name}.png`;
export const STORY_SHARE = 'story';
/** The dark card's name beside a card's (`saraqeb` → `saraqeb-dark`). */
export const darkShareName = (name: string) => `${name}-dark`;

/**
 * The site's public address, when the build knows it: `$SITE_URL`, else Astro's `site` option.
 * Without it every URL the pages emit stays relative, and so do og:image and friends.
 */
export function siteBase(env: string | undefined = process.env.SITE_URL, site: string | undefined = import.meta.env.SITE): string | undefined {
  const base = (env || site || '').trim();
  if (!base) return undefined;
  const url = new URL(base);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/**
 * A root-absolute path of the site as the page should write it: absolute under `base` when
 * known, else as is (`relativeUrls` rewrites it relative to the page after the build).
 */
export function publicUrl(path: string, base: string | undefined): string {
  return base ? new URL(path.replace(/^\//, ''), base).href : path;
}

/**
 * The same, for places `relativeUrls` does not rewrite (JSON-LD): absolute under `base`, else
 * relative to the page at `pagePath` (`/embed/x/` → `../../…`).
 */
export function pageRelativeUrl(path: string, pagePath: string, base: string | undefined): string {
  if (base) return publicUrl(path, base);
  const depth = pagePath.split('/').filter(Boolean).length;
  return (depth === 0 ? './' : '../'.repeat(depth)) + path.replace(/^\//, '');
}

export interface SharePage {
  /** The page's own path from the site root: `/` or `/embed/<slug>/`. */
  path: string;
  /** The headline previews show. */
  title: string;
  description: string;
  /** `shareImagePath(...)`. */
  image: string;
  imageAlt: string;
  /** For a section's embed: the section, and where it sits in the full story (`/#slug`). */
  section?: { title: string; url: string };
}

export interface MetaTag {
  /** `property` for Open Graph, `name` for Twitter. */
  attribute: 'property' | 'name';
  key: string;
  content: string;
}

export function shareTags(page: SharePage, base: string | undefined = siteBase()): MetaTag[] {
  const og = (key: string, content: string): MetaTag => ({ attribute: 'property', key: `og:${key}`, content });
  const tw = (key: string, content: string): MetaTag => ({ attribute: 'name', key: `twitter:${key}`, content });
  const image = publicUrl(page.image, base);
  return [
    og('type', 'article'),
    og('site_name', STORY.title),
    og('title', page.title),
    og('description', page.description),
    // og:url must be absolute: without a known address, previews use the address they were given.
    ...(base ? [og('url', publicUrl(page.path, base))] : []),
    og('locale', 'en_GB'),
    og('image', image),
    og('image:type', 'image/png'),
    og('image:width', String(SHARE_CARD.width)),
    og('image:height', String(SHARE_CARD.height)),
    og('image:alt', page.imageAlt),
    { attribute: 'property', key: 'article:section', content: 'World' },
    tw('card', 'summary_large_image'),
    tw('title', page.title),
    tw('description', page.description),
    tw('image', image),
    tw('image:alt', page.imageAlt),
  ];
}

const person = (name: string) => ({ '@type': 'Person', name });

/** schema.org NewsArticle for the page. */
export function articleJsonLd(page: SharePage, base: string | undefined = siteBase()): Record<string, unknown> {
  const url = (path: string) => pageRelativeUrl(path, page.path, base);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: page.title.length > 110 ? `${page.title.slice(0, 109)}…` : page.title,
    description: page.description,
    image: [url(page.image)],
    url: url(page.path),
    inLanguage: 'en',
    isAccessibleForFree: true,
    // Where and when the events took place. No dateline: a dateline says where a report was filed,
    // and this explainer was not filed from Syria.
    contentLocation: { '@type': 'Place', name: CONTENT_LOCATION },
    contentReferenceTime: SOURCE_ARTICLE.datePublished,
    // The explainer's own date, not the events'.
    datePublished: STORY.published,
    author: { '@type': 'Organization', name: STORY.credit.replace(/^Maps, graphics and text by /, '') },
    creditText: STORY.byline,
    isBasedOn: {
      '@type': 'NewsArticle',
      publisher: { '@type': 'Organization', name: SOURCE_ARTICLE.publisher },
      datePublished: SOURCE_ARTICLE.datePublished,
      author: SOURCE_ARTICLE.authors.map(person),
    },
    ...(page.section
      ? { isPartOf: { '@type': 'NewsArticle', headline: STORY.title, url: url('/') } }
      : {}),
  };
}

/** JSON for a `<script type="application/ld+json">`: nothing in it can close the element. */
export const jsonForScript = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
