import { SHARE_CARD } from '@lib/cartography/pictures.ts';
import { embedCode, embedHeight, embedPath, frameTitle, LOADER_PATH, PREVIEW_WIDTH } from '@lib/embed/code.ts';
import { STORY } from '@lib/story/meta.ts';
import type { Section } from '../sections.ts';
import { pageRelativeUrl, shareImagePath } from './meta.ts';

/** An oEmbed 1.0 response of type "rich" (https://oembed.com/, section 2.3.4). */
export interface OEmbedRich {
  version: '1.0';
  type: 'rich';
  title: string;
  provider_name: string;
  provider_url: string;
  html: string;
  width: number;
  height: number;
  thumbnail_url: string;
  thumbnail_width: number;
  thumbnail_height: number;
}

/**
 * A section's oEmbed response, as `embed/<section>/oembed.json` publishes it: its `html` is the
 * journalists' page's embed code (iframe and loader), `width` and `height` the embed's size at
 * 600 px wide (measured: `src/lib/embed/heights.json`), its thumbnail the section's share card.
 *
 * With the site's public address (`SITE_URL` at build time) every URL is absolute, as a CMS
 * needs to paste the code into its own pages. Without it they are relative to the JSON file
 * itself, so the folder still works wherever it is copied: a consumer resolves them against the
 * address it fetched the file from (the end-to-end CMS test does).
 */
export function oembed(section: Section, base: string | undefined): OEmbedRich {
  const here = embedPath(section.slug);
  const url = (path: string) => pageRelativeUrl(path, here, base);
  return {
    version: '1.0',
    type: 'rich',
    title: `${section.data.title} · ${STORY.title}`,
    provider_name: STORY.title,
    provider_url: url('/'),
    html: embedCode({ src: url(here), loader: url(LOADER_PATH), title: frameTitle(section.data.title), height: embedHeight(section.slug) }),
    width: PREVIEW_WIDTH,
    height: embedHeight(section.slug),
    thumbnail_url: url(shareImagePath(section.slug)),
    thumbnail_width: SHARE_CARD.width,
    thumbnail_height: SHARE_CARD.height,
  };
}
