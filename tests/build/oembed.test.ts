import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSections } from '../support/sections.ts';
import { oembed } from '../../src/build/share/oembed.ts';
import { absoluteHtml, oembedLink, type OEmbed } from '../e2e/host/cms.ts';

// Every section's oEmbed file, read from dist/ (or $DIST) after the build, as a CMS reads it.
const DIST = process.env.DIST ?? 'dist';
const built = existsSync(join(DIST, 'index.html'));
const sections = readSections();
const SITE = 'https://news.example/graphics/idlib/';
/** A built file's path from an absolute URL under SITE. */
const fileOf = (url: string) => {
  const path = new URL(url).pathname.slice(new URL(SITE).pathname.length);
  return join(DIST, path.endsWith('/') ? `${path}index.html` : path);
};

describe.runIf(built)(`oEmbed files (${DIST}/)`, () => {
  for (const section of sections) {
    it(`embed/${section.slug}/: discovered from its page, an oEmbed 1.0 rich response whose iframe loads the section`, () => {
      const pageUrl = `${SITE}embed/${section.slug}/`;
      const link = oembedLink(readFileSync(fileOf(pageUrl), 'utf8'), pageUrl);
      expect(link).toBe(`${pageUrl}oembed.json`);
      const json = JSON.parse(readFileSync(fileOf(link!), 'utf8')) as OEmbed & Record<string, unknown>;
      expect(json).toMatchObject({ version: '1.0', type: 'rich', provider_name: 'The fight for the M-5', width: 600, thumbnail_width: 1200, thumbnail_height: 630 });
      expect(json.title).toContain(section.data.title);
      expect(json.height).toBeGreaterThan(400);
      const html = absoluteHtml(json.html, link!);
      const src = /<iframe src="([^"]+)"/.exec(html)?.[1];
      expect(src).toBe(pageUrl);
      expect(html).toContain(`height="${json.height}"`);
      expect(html).toMatch(new RegExp(`<script src="${SITE}embed/loader\\.js" async></script>$`));
      // The iframe's page is the section's.
      expect(readFileSync(fileOf(src!), 'utf8')).toContain(`<h1 id="embed-title">${section.data.title.replace(/&/g, '&amp;')}</h1>`);
      expect(existsSync(fileOf(new URL(json.thumbnail_url!, link).href)), 'the thumbnail exists').toBe(true);
    });
  }

  it('the story page names its first section’s', () => {
    expect(oembedLink(readFileSync(join(DIST, 'index.html'), 'utf8'), SITE)).toBe(`${SITE}embed/${sections[0]!.slug}/oembed.json`);
  });
});

describe('oEmbed with the site’s address (SITE_URL)', () => {
  it('writes every URL absolute', () => {
    const json = oembed(sections[0]!, SITE);
    expect(json.html).toContain(`<iframe src="${SITE}embed/${sections[0]!.slug}/"`);
    expect(json.html).toContain(`<script src="${SITE}embed/loader.js" async>`);
    expect(json.thumbnail_url).toBe(`${SITE}share/${sections[0]!.slug}.png`);
    expect(json.provider_url).toBe(SITE);
  });

  it('without it, relative to the JSON file', () => {
    const json = oembed(sections[0]!, undefined);
    expect(json.html).toContain(`<iframe src="../../embed/${sections[0]!.slug}/"`);
    expect(json.thumbnail_url).toBe(`../../share/${sections[0]!.slug}.png`);
  });
});
