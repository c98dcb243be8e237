import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Locator } from '@playwright/test';
import { test, expect, distinctColours } from './fixtures.ts';
import { endDate, readStory } from '../support/story.ts';
import { startHost, type Host } from './host/server.ts';
import { fetchOembed } from './host/cms.ts';
import { DARK, LIGHT } from '../../src/lib/cartography/palette.ts';
import { MEASURED_HEIGHTS, PREVIEW_WIDTH } from '../../src/lib/embed/code.ts';
import { VIEWS } from '../../src/lib/embed/options.ts';

// The journalists' kit: oEmbed as a CMS uses it, themes, the embed variants and the picker.
const story = readStory();
const ARTIFACTS = 'tests/artifacts/kit';
mkdirSync(ARTIFACTS, { recursive: true });
const HEIGHTS_FILE = 'src/lib/embed/heights.json';

let host: Host;
test.beforeAll(async ({ baseURL }) => {
  host = await startHost(new URL(baseURL!).origin);
});
test.afterAll(async () => {
  await host?.close();
});

/** `rgb(r, g, b)` as `#rrggbb`. */
const hex = (rgb: string) => `#${(rgb.match(/\d+/g) ?? []).slice(0, 3).map((n) => Number(n).toString(16).padStart(2, '0')).join('')}`;
const paper = (frame: { locator(s: string): Locator }) => frame.locator('html').evaluate((html) => getComputedStyle(html).backgroundColor).then(hex);

/** A frame is exactly as tall as its content (within 2 px) once the loader has sized it. */
async function expectSizedToContent(iframe: Locator) {
  await expect
    .poll(async () => {
      const outer = await iframe.evaluate((el) => el.clientHeight);
      const inner = await iframe.contentFrame().locator('html').evaluate((html) => html.getBoundingClientRect().height);
      return Math.abs(outer - inner);
    })
    .toBeLessThanOrEqual(2);
}

test.describe('oEmbed, as a CMS uses it', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`a pasted link becomes a sized embed that draws its map, on a ${scheme} page`, async ({ page, baseURL }) => {
      test.setTimeout(120_000);
      const section = story[2]!;
      const pasted = new URL(`embed/${section.slug}/`, baseURL).href;
      await page.goto(`${host.origin}/cms.html?paste=${encodeURIComponent(pasted)}&scheme=${scheme}`);
      const iframe = page.locator('iframe[data-idlib-embed]');
      await expect(iframe).toHaveCount(1);
      expect(new URL((await iframe.getAttribute('src'))!).pathname).toBe(`/embed/${section.slug}/`);
      const inside = iframe.contentFrame();
      await expect(inside.locator('h1')).toHaveText(section.title);
      await iframe.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await expect(inside.locator('html')).toHaveAttribute('data-map', 'ready', { timeout: 60_000 });
      await expect(inside.locator('html')).toHaveAttribute('data-play', 'done', { timeout: 30_000 });
      await expectSizedToContent(iframe);
      expect(await iframe.evaluate((el) => el.clientHeight)).toBeGreaterThan(500);
      // The embed takes the page's scheme from the loader: its colours and its live map's.
      expect(await paper(inside)).toBe((scheme === 'dark' ? DARK : LIGHT).paper);
      await expect(inside.locator('.embed-stage')).toHaveAttribute('data-status', 'ready');
      await page.waitForTimeout(500); // the still's fade
      const box = (await inside.locator('.embed-map').boundingBox())!;
      const shot = await page.screenshot({ clip: { x: box.x + 2, y: box.y + 2, width: box.width - 4, height: Math.min(box.height, 600) - 4 } });
      writeFileSync(`${ARTIFACTS}/cms-${scheme}-map.png`, shot);
      expect(await distinctColours(page, shot), 'the live map draws').toBeGreaterThan(40);
      const sea = await page.evaluate(async (b64) => {
        const image = new Image();
        image.src = `data:image/png;base64,${b64}`;
        await image.decode();
        const canvas = new OffscreenCanvas(image.width, image.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        const d = context.getImageData(0, 0, image.width, image.height).data;
        let sum = 0;
        for (let i = 0; i < d.length; i += 4) sum += 0.2126 * d[i]! + 0.7152 * d[i + 1]! + 0.0722 * d[i + 2]!;
        return sum / (d.length / 4);
      }, shot.toString('base64'));
      if (scheme === 'dark') expect(sea, 'the dark map is dark').toBeLessThan(110);
      else expect(sea, 'the light map is light').toBeGreaterThan(170);
      // Chromium's full-page capture leaves cross-origin frames below the fold blank: make the
      // viewport as tall as the page instead.
      await page.setViewportSize({ width: 1280, height: await page.evaluate(() => document.documentElement.scrollHeight) });
      await page.waitForTimeout(500);
      await page.screenshot({ path: `${ARTIFACTS}/cms-${scheme}.png` });
    });
  }

  test('every page that names an oEmbed file names a section whose embed it loads', async ({ baseURL }) => {
    const { json: first } = await fetchOembed(new URL('./', baseURL).href);
    expect(first.html).toContain(`embed/${story[0]!.slug}/`);
    for (const section of story) {
      const { url, json } = await fetchOembed(new URL(`embed/${section.slug}/`, baseURL).href);
      expect(new URL(url).pathname).toBe(`/embed/${section.slug}/oembed.json`);
      expect(json.width).toBe(PREVIEW_WIDTH);
      expect(json.height).toBe(MEASURED_HEIGHTS[section.slug]?.full);
    }
  });
});

test.describe('themes', () => {
  test('?theme=dark: dark colours, dark still, and the light still never fetched', async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    const slug = story[0]!.slug;
    await page.goto(`embed/${slug}/?theme=dark`);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await paper(page)).toBe(DARK.paper);
    await expect(page.locator('html')).toHaveAttribute('data-map', 'ready', { timeout: 60_000 });
    expect(requests.filter((p) => p.startsWith(`/embed/${slug}/`) && p.endsWith('.svg'))).toEqual([`/embed/${slug}/wide-dark.svg`]);
  });

  test('?theme=auto follows the system setting; no theme is light whatever the system', async ({ page }) => {
    const slug = story[1]!.slug;
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`embed/${slug}/?theme=auto&view=still`);
    expect(await paper(page)).toBe(DARK.paper);
    await expect(page.locator('.still-dark')).toBeVisible();
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await paper(page)).toBe(LIGHT.paper);
    await expect(page.locator('.still-light')).toBeVisible();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`embed/${slug}/?view=still`);
    expect(await paper(page)).toBe(LIGHT.paper);
  });

  test('axe: a dark embed at 320 px and the dark picker have no serious violations, contrast included', async ({ page }) => {
    for (const [url, width] of [[`embed/${story[5]!.slug}/?theme=dark`, 320], ['embed/?theme=dark', 1280]] as const) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(url);
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
      const results = await new AxeBuilder({ page }).exclude('iframe').exclude('.maplibregl-canvas').analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), url).toEqual([]);
    }
  });

  test('the story page takes ?theme= before it paints', async ({ page }) => {
    await page.goto('?theme=dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await paper(page)).toBe(DARK.paper);
  });
});

test.describe('variants', () => {
  const section = story.find((s) => typeof s.map.date !== 'string')!;
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

  test('?view=map: the map, its key and a one-line caption, none of the text', async ({ page }) => {
    await page.goto(`embed/${section.slug}/?view=map`);
    await expect(page.locator('.embed-legend li').first()).toBeVisible();
    await expect(page.locator('.map-caption')).toBeVisible();
    await expect(page.locator('.map-caption')).toContainText(section.title);
    for (const hidden of ['h1', '.prose', '.sources', '.credit']) await expect(page.locator(hidden).first()).toBeHidden();
    await expect(page.locator('html')).toHaveAttribute('data-map', 'ready', { timeout: 60_000 });
  });

  test('?view=still: the keyed still and the caption, and no map code at all', async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(`embed/${section.slug}/?view=still`);
    const still = page.locator('.embed-still .still-light');
    await expect(still).toBeVisible();
    expect(await still.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await expect(page.locator('.map-caption')).toBeVisible();
    await expect(page.locator('.embed-stage')).toBeHidden();
    await page.waitForLoadState('networkidle');
    expect(requests.filter((p) => /maplibre|story\.json|\.geojson/.test(p))).toEqual([]);
    expect(await page.locator('html').getAttribute('data-map')).toBeNull();
  });

  test('?at=end: the end state from the start, nothing plays', async ({ page }) => {
    await page.addInitScript(() => {
      const seen: string[] = ((window as unknown as { __dates: string[] }).__dates = []);
      new MutationObserver(() => {
        const text = document.querySelector('.timeline-date')?.textContent ?? '';
        if (text && text !== seen.at(-1)) seen.push(text);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.goto(`embed/${section.slug}/?at=end`);
    await expect(page.locator('html')).toHaveAttribute('data-map', 'ready', { timeout: 60_000 });
    await expect(page.locator('html')).toHaveAttribute('data-play', 'done');
    expect(await page.evaluate(() => (window as unknown as { __dates: string[] }).__dates)).toEqual([day(endDate(section.map))]);
  });
});

test.describe("the journalists' picker", () => {
  test('a compact index, a filter, one preview at 320, 600 and 960 px, and code that follows the options', async ({ page, context, baseURL }) => {
    test.setTimeout(120_000);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const origin = new URL(baseURL!).origin;
    await page.goto('embed/');
    const items = page.locator('.picker-item');
    await expect(items).toHaveCount(story.length);
    expect(await page.evaluate(() => document.documentElement.scrollHeight), 'compact: no longer a page of twelve previews').toBeLessThan(4000);
    await expect(page.locator('iframe')).toHaveCount(1);
    for (const img of await items.locator('img').all()) await img.scrollIntoViewIfNeeded();
    for (const img of await items.locator('img').all()) expect(await img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);

    // The filter.
    await page.getByLabel('Filter sections').fill('helicopter');
    const shown = items.locator('visible=true');
    await expect(shown).not.toHaveCount(story.length);
    await expect(shown.first()).toBeVisible();
    await page.getByLabel('Filter sections').fill('no such words anywhere');
    await expect(page.locator('.no-match')).toHaveText('No section matches.');
    await page.getByLabel('Filter sections').fill('');
    await expect(shown).toHaveCount(story.length);

    // Choose a section and its options: code, preview and address follow.
    const section = story[2]!;
    await items.nth(2).locator('a').click();
    await expect(page.locator('#preview-title')).toHaveText(section.title);
    const code = page.locator('#embed-code');
    await expect(code).toHaveValue(new RegExp(`src="${origin}/embed/${section.slug}/"`));
    await expect(code).toHaveValue(new RegExp(`<script src="${origin}/embed/loader.js" async></script>`));
    await page.getByLabel('Dark').check();
    await page.getByLabel('Map and caption').check();
    await page.getByLabel('Show the end state').check();
    await expect(code).toHaveValue(new RegExp(`src="${origin}/embed/${section.slug}/\\?theme=dark&amp;view=map&amp;at=end"`));
    const preview = page.locator('#preview-frame');
    await expect(preview).toHaveAttribute('src', `${origin}/embed/${section.slug}/?theme=dark&view=map&at=end`);
    await expect(preview.contentFrame().locator('.map-caption')).toBeVisible();
    expect(await paper(preview.contentFrame())).toBe(DARK.paper);
    for (const width of [320, 960, 600]) {
      await page.getByLabel(`${width} px`).check();
      await expect.poll(() => preview.evaluate((el) => el.getBoundingClientRect().width)).toBe(width);
      await expectSizedToContent(preview);
      if (width === 320) await preview.screenshot({ path: `${ARTIFACTS}/picker-preview-dark-map-320.png` });
    }
    await page.screenshot({ path: `${ARTIFACTS}/picker-1280.png`, fullPage: true });

    // The still: an image and a caption, no iframe and no script.
    await page.getByLabel('Still picture (no script)').check();
    const still = await code.inputValue();
    expect(still).not.toMatch(/<iframe|<script/);
    expect(still).toContain(`<img src="${origin}/embed/${section.slug}/still.png"`);
    expect(still).toContain(`href="${origin}/#${section.slug}"`);
    await expect(preview).toHaveAttribute('src', `${origin}/embed/${section.slug}/?theme=dark&view=still`);

    await page.locator('button.copy').click();
    await expect(page.locator('.copy-status')).toHaveText('Copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(still);

    // Downloads are there, for this section.
    for (const id of ['dl-svg', 'dl-png', 'dl-svg-dark', 'dl-card', 'dl-card-dark']) {
      const href = await page.locator(`#${id}`).evaluate((a: HTMLAnchorElement) => a.href);
      expect(href).toContain(section.slug);
      expect((await page.request.get(href)).status(), id).toBe(200);
    }
  });

  test('offers the videos once the export has listed them in downloads/index.json', async ({ page }) => {
    await page.goto('embed/');
    await expect(page.locator('#dl-videos')).toContainText('npm run export');
    await expect(page.locator('#dl-videos a')).toHaveCount(0);
    const slug = story[0]!.slug;
    // What `npm run export` writes beside the videos (src/build/export/run.ts).
    await page.route('**/downloads/index.json', (route) => route.fulfill({ json: { videos: { [slug]: { square: `downloads/${slug}-square.mp4`, vertical: `downloads/${slug}-vertical.mp4` } } } }));
    await page.reload();
    const links = page.locator('#dl-videos a');
    await expect(links).toHaveCount(2);
    expect(await links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))).toEqual([`/downloads/${slug}-square.mp4`, `/downloads/${slug}-vertical.mp4`]);
    await page.locator('.picker-item').nth(1).locator('a').click();
    await expect(page.locator('#dl-videos a')).toHaveCount(0);
  });

  test('the Copy button falls back to selecting the code', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
    });
    await page.goto('embed/');
    await page.locator('button.copy').click();
    await expect(page.locator('.copy-status')).toContainText('Ctrl+C');
    const selected = await page.locator('#embed-code').evaluate((t: HTMLTextAreaElement) => t.value.slice(t.selectionStart, t.selectionEnd));
    expect(selected).toBe(await page.locator('#embed-code').inputValue());
  });
});

/**
 * Each section's embed height at 600 px, by view: what the oEmbed files and the embed codes say
 * before the frame reports its own. `UPDATE_EMBED_HEIGHTS=1` writes them; otherwise a height that
 * has drifted by more than a tenth fails.
 */
test('embed heights at 600 px are as measured', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: PREVIEW_WIDTH, height: 900 });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const measured: Record<string, Record<string, number>> = {};
  for (const { slug } of story) {
    for (const view of VIEWS) {
      await page.goto(`embed/${slug}/?view=${view}`);
      if (view !== 'still') await expect(page.locator('.embed-timeline')).toBeVisible();
      await page.evaluate(() => document.fonts.ready);
      const height = Math.ceil(await page.locator('html').evaluate((html) => html.getBoundingClientRect().height));
      (measured[slug] ??= {})[view] = height;
    }
  }
  if (process.env.UPDATE_EMBED_HEIGHTS) {
    writeFileSync(HEIGHTS_FILE, `${JSON.stringify(measured, null, 2)}\n`);
    return;
  }
  const recorded = JSON.parse(readFileSync(HEIGHTS_FILE, 'utf8')) as Record<string, Record<string, number>>;
  for (const [slug, views] of Object.entries(measured)) {
    for (const [view, height] of Object.entries(views)) {
      const was = recorded[slug]?.[view];
      expect(was, `${slug} ${view}: measured (UPDATE_EMBED_HEIGHTS=1 to record)`).toBeDefined();
      expect(Math.abs(height - was!) / was!, `${slug} ${view}: ${height} px now, ${was} px recorded`).toBeLessThan(0.1);
    }
  }
});
