import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { STORY } from '../../src/lib/story/meta.ts';
import { readStory } from '../support/story.ts';

// The built embeds and share cards, read from dist/ (or $DIST) after the build: what a CMS, a
// link preview or a search engine gets from each page.
const DIST = process.env.DIST ?? 'dist';
const story = readStory();
const read = (path: string) => readFileSync(join(DIST, path), 'utf8');
// Skipped only when there is no build at all (vitest run alone); a build without embeds fails.
const built = existsSync(join(DIST, 'index.html'));

/** The value of the first `<meta {attr}="{key}" content="…">` in a page. */
function meta(html: string, attr: 'name' | 'property', key: string): string | undefined {
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/g)) {
    if (new RegExp(`\\s${attr}="${key.replace(/[.:]/g, '\\$&')}"`).test(tag)) return /\scontent="([^"]*)"/.exec(tag)?.[1];
  }
  return undefined;
}

const jsonLd = (html: string) => JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]!) as Record<string, any>;

/** A PNG's width and height, from its header (IHDR at bytes 16–23). */
function pngSize(path: string): [number, number] {
  const b = readFileSync(join(DIST, path));
  expect(b.subarray(1, 4).toString('latin1'), `${path} is a PNG`).toBe('PNG');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

/** A page-relative URL in a page at `page` (e.g. `embed/x/index.html`) as a path from the site root. */
const fromRoot = (page: string, url: string) => new URL(url, `http://site/${page}`).pathname + new URL(url, `http://site/${page}`).hash;

describe.runIf(built)(`built embeds and share cards (${DIST}/)`, () => {
  it('has an embed page for every section, and the journalists’ page', () => {
    for (const { slug } of story) expect(existsSync(join(DIST, 'embed', slug, 'index.html')), slug).toBe(true);
    const index = read('embed/index.html');
    for (const { slug } of story) expect(index).toContain(`data-slug="${slug}"`);
    expect(meta(index, 'name', 'robots')).toBe('noindex');
  });

  for (const section of story) {
    it(`/embed/${section.slug}/: noindex, canonical to its section, share card, credit`, () => {
      const page = `embed/${section.slug}/index.html`;
      const html = read(page);
      expect(meta(html, 'name', 'robots')).toBe('noindex');
      const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
      expect(canonical, 'a canonical link').toBeDefined();
      expect(fromRoot(page, canonical!)).toBe(`/#${section.slug}`);
      expect(meta(html, 'property', 'og:title')).toContain(section.title);
      expect(meta(html, 'property', 'og:type')).toBe('article');
      expect(meta(html, 'property', 'og:description')?.length).toBeGreaterThan(20);
      const image = meta(html, 'property', 'og:image')!;
      expect(fromRoot(page, image)).toBe(`/share/${section.slug}.png`);
      expect(meta(html, 'name', 'twitter:image')).toBe(image);
      expect(meta(html, 'name', 'twitter:card')).toBe('summary_large_image');
      expect(meta(html, 'property', 'og:image:width')).toBe('1200');
      expect(meta(html, 'property', 'og:image:height')).toBe('630');
      expect(meta(html, 'property', 'og:image:alt')).toContain(section.title);
      const ld = jsonLd(html);
      expect(ld['@type']).toBe('NewsArticle');
      expect(ld.isBasedOn.publisher.name).toBe('Reuters');
      expect(ld.isBasedOn.datePublished).toBe('2020-02-11');
      expect(ld.isBasedOn.author.map((a: { name: string }) => a.name)).toEqual(['Suleiman Al-Khalidi', 'Orhan Coskun']);
      expect(fromRoot(page, ld.image[0])).toBe(`/share/${section.slug}.png`);
      // The credit links to the section in the full story, out of the frame.
      expect(html).toMatch(new RegExp(`<a href="\\.\\./\\.\\./#${section.slug}" target="_top">`));
      // The still maps the page shows before the live map, wide and narrow.
      expect(html).toContain(`src="../../embed/${section.slug}/wide.svg"`);
      expect(existsSync(join(DIST, 'embed', section.slug, 'narrow.svg'))).toBe(true);
      // Light: no scroll code.
      expect(html).not.toMatch(/scrollama|storyScroll/);
    });
  }

  it('the story page has its share card and JSON-LD', () => {
    const html = read('index.html');
    expect(fromRoot('index.html', meta(html, 'property', 'og:image')!)).toBe('/share/story.png');
    expect(meta(html, 'property', 'og:title')).toBe('The fight for the M-5');
    expect(meta(html, 'name', 'twitter:card')).toBe('summary_large_image');
    expect(meta(html, 'name', 'robots')).toBeUndefined();
    const ld = jsonLd(html);
    expect(ld['@type']).toBe('NewsArticle');
    expect(ld.headline).toBe('The fight for the M-5');
    expect(ld.datePublished).toBe(STORY.published);
  });

  it('every share image exists at 1200 × 630', () => {
    for (const name of ['story', ...story.map((s) => s.slug)]) {
      expect(pngSize(`share/${name}.png`), name).toEqual([1200, 630]);
      expect(statSync(join(DIST, 'share', `${name}.png`)).size, `${name}.png is a real picture`).toBeGreaterThan(20_000);
    }
  });

  it('an embed page is light: its HTML and the code it runs first, MapLibre only by dynamic import', () => {
    const dir = join(DIST, 'embed', story[0]!.slug);
    const html = read(`embed/${story[0]!.slug}/index.html`);
    const entries = [...html.matchAll(/<script type="module" src="([^"]+)"/g)].map((m) => join(dir, m[1]!));
    expect(entries.length).toBeGreaterThan(0);
    // Follow static imports (`import … from "./x.js"`), not dynamic ones (`import("./x.js")`).
    const staticJs = new Set<string>();
    const visit = (file: string) => {
      if (staticJs.has(file)) return;
      staticJs.add(file);
      for (const m of readFileSync(file, 'utf8').matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)) visit(join(file, '..', m[1]!));
    };
    entries.forEach(visit);
    const names = [...staticJs].map((f) => f.split('/').pop()!);
    expect(names.filter((n) => /maplibre/i.test(n)), `statically loaded: ${names.join(', ')}`).toEqual([]);
    const gz = (b: string | Buffer) => gzipSync(b, { level: 9 }).length;
    const js = [...staticJs].reduce((sum, f) => sum + gz(readFileSync(f)), 0);
    const total = gz(html) + js;
    console.log(`embed page: HTML ${(gz(html) / 1024).toFixed(1)} KB + first-run JS ${(js / 1024).toFixed(1)} KB gzip (${names.join(', ')})`);
    expect(total).toBeLessThan(40 * 1024);
    expect(statSync(join(DIST, 'embed', 'loader.js')).size).toBeLessThan(7 * 1024);
  });
});
