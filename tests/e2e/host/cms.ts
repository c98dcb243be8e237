/**
 * What a CMS does with a pasted link, server-side (oEmbed 1.0, section 4): fetch the page, find
 * its `<link rel="alternate" type="application/json+oembed">`, fetch that JSON, check it is a
 * "rich" response, and insert its `html`. A build made without SITE_URL writes relative URLs
 * in the JSON (README, *Embedding*): they are resolved against the JSON's own address, as a
 * consumer of such a build must.
 */

/** The attributes of an HTML start tag, by lower-case name. */
function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([a-zA-Z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)) out[m[1]!.toLowerCase()] = (m[2] ?? m[3] ?? m[4] ?? '').replace(/&amp;/g, '&');
  return out;
}

/** The oEmbed JSON address a page announces, absolute, or undefined. */
export function oembedLink(html: string, pageUrl: string): string | undefined {
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const a = attributes(tag);
    if (a.rel?.split(/\s+/).includes('alternate') && a.type === 'application/json+oembed' && a.href) return new URL(a.href, pageUrl).href;
  }
  return undefined;
}

export interface OEmbed {
  version: string;
  type: string;
  html: string;
  width: number;
  height: number;
  title?: string;
  thumbnail_url?: string;
}

/** The rich response's html, with `src` and `href` made absolute against the JSON's address. */
export const absoluteHtml = (html: string, jsonUrl: string) => html.replace(/\b(src|href)="([^"]*)"/g, (_, name: string, value: string) => `${name}="${new URL(value.replace(/&amp;/g, '&'), jsonUrl).href}"`);

export async function fetchOembed(pasted: string): Promise<{ url: string; json: OEmbed }> {
  const page = await fetch(pasted);
  if (!page.ok) throw new Error(`${pasted}: HTTP ${page.status}`);
  const url = oembedLink(await page.text(), page.url);
  if (!url) throw new Error(`${pasted}: no oEmbed link`);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const json = (await response.json()) as OEmbed;
  if (json.version !== '1.0' || json.type !== 'rich' || typeof json.html !== 'string') throw new Error(`${url}: not an oEmbed 1.0 rich response`);
  return { url, json };
}

/** The markup a CMS puts in its article for a pasted link. */
export async function discoverEmbed(pasted: string): Promise<string> {
  const { url, json } = await fetchOembed(pasted);
  return absoluteHtml(json.html, url);
}
