import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { articleJsonLd, jsonForScript, pageRelativeUrl, publicUrl, shareTags, siteBase, SOURCE_ARTICLE, type SharePage } from '@build/share/meta.ts';
import { firstSentence, plainText } from '@build/share/pages.ts';
import { woffToSfnt } from '@build/share/woff.ts';
import { cardSvg, rasterise, render } from '@build/share/card.ts';
import { DARK, LIGHT } from '@lib/cartography/palette.ts';
import { STORY } from '@lib/story/meta.ts';
import { endFrame } from '@lib/frame/frame.ts';
import { mapData } from '@build/mapData.ts';
import { storyWorld } from '@build/payload.ts';
import { readStory } from '../../../tests/support/story.ts';

const page: SharePage = {
  path: '/embed/saraqeb/',
  title: 'Saraqeb, the crossroads · The fight for the M-5',
  description: '30 January – 10 February 2020. Saraqeb is a strategic crossroads.',
  image: '/share/saraqeb.png',
  imageAlt: 'Saraqeb, the crossroads: a map.',
  section: { title: 'Saraqeb, the crossroads', url: '/#saraqeb' },
};

const pngSize = (png: Uint8Array) => {
  const b = Buffer.from(png);
  expect(b.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
};

describe("the site's address", () => {
  it('comes from SITE_URL, else Astro’s site, and is a folder', () => {
    expect(siteBase(undefined, undefined)).toBeUndefined();
    expect(siteBase('', '')).toBeUndefined();
    expect(siteBase('https://news.example/graphics/idlib', undefined)).toBe('https://news.example/graphics/idlib/');
    expect(siteBase(undefined, 'https://site.example')).toBe('https://site.example/');
    expect(siteBase('https://a.example/x/', 'https://b.example/')).toBe('https://a.example/x/');
  });

  it('makes URLs absolute when known, else leaves them for the build to make relative', () => {
    expect(publicUrl('/share/x.png', 'https://news.example/idlib/')).toBe('https://news.example/idlib/share/x.png');
    expect(publicUrl('/share/x.png', undefined)).toBe('/share/x.png');
    expect(pageRelativeUrl('/share/x.png', '/embed/saraqeb/', undefined)).toBe('../../share/x.png');
    expect(pageRelativeUrl('/share/x.png', '/', undefined)).toBe('./share/x.png');
    expect(pageRelativeUrl('/#saraqeb', '/embed/saraqeb/', 'https://n.example/i/')).toBe('https://n.example/i/#saraqeb');
  });
});

describe('share tags', () => {
  const tags = (base?: string) => Object.fromEntries(shareTags(page, base).map((t) => [t.key, t]));

  it('have Open Graph and Twitter cards with a 1200 × 630 image', () => {
    const t = tags();
    expect(t['og:title']!.content).toBe(page.title);
    expect(t['og:type']!.content).toBe('article');
    expect(t['og:image']!.content).toBe('/share/saraqeb.png');
    expect(t['og:image:width']!.content).toBe('1200');
    expect(t['og:image:height']!.content).toBe('630');
    expect(t['og:image']!.attribute).toBe('property');
    expect(t['twitter:card']).toEqual({ attribute: 'name', key: 'twitter:card', content: 'summary_large_image' });
    expect(t['twitter:image']!.content).toBe('/share/saraqeb.png');
    // og:url must be absolute, so it is left out without an address.
    expect(t['og:url']).toBeUndefined();
  });

  it('are absolute with an address', () => {
    const t = tags('https://news.example/idlib/');
    expect(t['og:image']!.content).toBe('https://news.example/idlib/share/saraqeb.png');
    expect(t['og:url']!.content).toBe('https://news.example/idlib/embed/saraqeb/');
  });
});

describe('JSON-LD', () => {
  it('is a NewsArticle based on the Reuters report, crediting its authors, dated when the explainer was published', () => {
    const ld = articleJsonLd(page, undefined) as Record<string, any>;
    expect(ld['@type']).toBe('NewsArticle');
    expect(ld.headline).toBe(page.title);
    // Its own publication date, and the report's date kept as the report's.
    expect(ld.datePublished).toBe(STORY.published);
    expect(ld.isBasedOn).toEqual({
      '@type': 'NewsArticle',
      publisher: { '@type': 'Organization', name: 'Reuters' },
      datePublished: '2020-02-11',
      author: [
        { '@type': 'Person', name: 'Suleiman Al-Khalidi' },
        { '@type': 'Person', name: 'Orhan Coskun' },
      ],
    });
    expect(SOURCE_ARTICLE.authors.join(' and ')).toBe(STORY.authors);
    expect(ld.image).toEqual(['../../share/saraqeb.png']);
    expect(ld.isPartOf.url).toBe('../../');
    expect(ld.creditText).toBe(STORY.byline);
  });

  it('says where the events happened, and claims no dateline: the explainer was not filed from Syria', () => {
    const ld = articleJsonLd(page, undefined) as Record<string, any>;
    expect(ld.dateline).toBeUndefined();
    expect(ld.contentLocation).toEqual({ '@type': 'Place', name: 'Idlib province and north-west Syria' });
    expect(ld.contentReferenceTime).toBe('2020-02-11');
  });

  it('cannot close its script element', () => {
    expect(jsonForScript({ a: '</script><script>alert(1)</script>' })).not.toContain('</script>');
    expect(JSON.parse(jsonForScript({ a: '</script>' }))).toEqual({ a: '</script>' });
  });
});

describe('descriptions', () => {
  it('take the first sentence of plain text', () => {
    expect(plainText('A [link](https://x) and *emphasis*.\n\n> quoted')).toBe('A link and emphasis. quoted');
    expect(firstSentence('One. Two.')).toBe('One.');
    expect(firstSentence('No full stop at all')).toBe('No full stop at all');
    expect(firstSentence('word '.repeat(100), 40).length).toBeLessThanOrEqual(40);
  });
});

describe('share images', () => {
  it('unwraps WOFF into a TrueType font', () => {
    const require = createRequire(import.meta.url);
    const ttf = woffToSfnt(readFileSync(require.resolve('@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff')));
    expect(ttf.readUInt32BE(0)).toBe(0x00010000);
    const tables = ttf.readUInt16BE(4);
    const tags = Array.from({ length: tables }, (_, i) => ttf.toString('latin1', 12 + i * 16, 16 + i * 16));
    expect(tags).toEqual(expect.arrayContaining(['cmap', 'glyf', 'head', 'hmtx', 'name']));
    expect(() => woffToSfnt(Buffer.from('not a font at all, not at all, not at all, not at all'))).toThrow(/WOFF/);
  });

  it('renders a card at 1200 × 630, with its text drawn in Noto Sans', async () => {
    const section = readStory()[0]!;
    const end = endFrame(section.map, storyWorld());
    const data = mapData();
    const withText = await rasterise(cardSvg(end, { kicker: 'Kicker', title: 'A title', subtitle: 'Dates', credit: 'Credit' }, data));
    expect(pngSize(withText)).toEqual([1200, 630]);
    // Text really drawn: the same card with other words is a different picture.
    const other = await rasterise(cardSvg(end, { kicker: 'Kicker', title: 'Another title entirely', subtitle: 'Dates', credit: 'Credit' }, data));
    expect(Buffer.compare(withText, other)).not.toBe(0);
    const blank = await rasterise('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="50"><text x="10" y="30" font-size="20">Hello</text></svg>');
    const empty = await rasterise('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="50"></svg>');
    expect(blank.length, 'resvg found the font and drew the word').toBeGreaterThan(empty.length + 200);
  }, 30_000);

  it('has a dark version, drawn in the dark palette', async () => {
    const end = endFrame(readStory()[0]!.map, storyWorld());
    const text = { kicker: 'Kicker', title: 'A title', subtitle: 'Dates', credit: 'Credit' };
    const hex = (p: Uint8Array, x: number, y: number, width: number) => `#${[0, 1, 2].map((c) => p[(y * width + x) * 4 + c]!.toString(16).padStart(2, '0')).join('')}`;
    const dark = (await render(cardSvg(end, text, mapData(), DARK), { background: DARK.paper })).pixels;
    const light = (await render(cardSvg(end, text, mapData()))).pixels;
    expect(hex(dark, 5, 600, 1200)).toBe(DARK.paper);
    expect(hex(light, 5, 600, 1200)).toBe(LIGHT.paper);
  }, 30_000);
});
