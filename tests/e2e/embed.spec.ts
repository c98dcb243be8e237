import { mkdirSync, readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { test, expect, distinctColours, recordTimelineDates, rendered, timelineDay } from './fixtures.ts';
import { readStory, type StorySection } from '../support/story.ts';
import { NARROW_STILL } from '../../src/lib/cartography/pictures.ts';
import { zoomFor } from '../../src/lib/embed/view.ts';
import { endFrame } from '../../src/lib/frame/frame.ts';
import type { StoryPayload } from '../../src/lib/story/payload.ts';
import { expectCamera, mapState } from './story.ts';
import { startHost, type Host } from './host/server.ts';

const story = readStory();
const world = JSON.parse(readFileSync(`${process.env.DIST ?? 'dist'}/story.json`, 'utf8')) as StoryPayload;
const ARTIFACTS = 'tests/artifacts/embed';
mkdirSync(ARTIFACTS, { recursive: true });

/** Three sections from across the story. */
const SECTIONS = [story[0]!, story[Math.floor(story.length / 2)]!, story[story.length - 1]!].map((s) => s.slug);

let host: Host;
test.beforeAll(async ({ baseURL }) => {
  host = await startHost(new URL(baseURL!).origin);
});
test.afterAll(async () => {
  await host?.close();
});

/** The embeds on a host page: its iframes pointing at /embed/ (not the decoy). */
const embeds = (page: Page) => page.locator('iframe[src*="/embed/"]');

interface Fit {
  frameHeight: number;
  scrollHeight: number;
  contentHeight: number;
  scrollWidth: number;
  innerWidth: number;
  innerHeight: number;
}

async function fit(iframe: Locator): Promise<Fit> {
  const frameHeight = await iframe.evaluate((el) => el.clientHeight);
  const inside = await iframe
    .contentFrame()
    .locator('html')
    .evaluate((html) => ({
      scrollHeight: html.scrollHeight,
      contentHeight: html.getBoundingClientRect().height,
      scrollWidth: html.scrollWidth,
      innerWidth: window.innerWidth,
      innerHeight: window.innerHeight,
    }));
  return { frameHeight, ...inside };
}

/** Each iframe as tall as its content (within 2 px) and nothing to scroll inside it. */
async function expectExactHeights(page: Page) {
  const count = await embeds(page).count();
  expect(count).toBe(SECTIONS.length);
  for (let i = 0; i < count; i++) {
    const iframe = embeds(page).nth(i);
    await expect
      .poll(
        async () => {
          const f = await fit(iframe);
          return Math.max(Math.abs(f.frameHeight - f.scrollHeight), Math.abs(f.frameHeight - f.contentHeight));
        },
        { message: `iframe ${i} height matches its content` },
      )
      .toBeLessThanOrEqual(2);
    const f = await fit(iframe);
    expect(f.frameHeight, `iframe ${i} is sized to its content, not left at its default`).toBeGreaterThan(300);
    expect(f.scrollHeight, `iframe ${i}: no vertical overflow`).toBeLessThanOrEqual(f.innerHeight + 2);
    expect(f.scrollWidth, `iframe ${i}: no horizontal overflow`).toBeLessThanOrEqual(f.innerWidth);
    await expect(iframe).toHaveAttribute('scrolling', 'no');
  }
}

/**
 * Brings an embed's map on screen. Scrolled from the host page: Chromium pauses animation
 * frames in cross-origin frames off screen, so nothing inside one can be waited on until then.
 */
async function showMap(iframe: Locator) {
  await iframe.evaluate((el) => el.scrollIntoView({ block: 'start' }));
}

/** A screenshot of an embed's map area, taken from the host page. */
async function mapShot(page: Page, iframe: Locator): Promise<Buffer> {
  const frame = await iframe.boundingBox();
  const stage = await iframe
    .contentFrame()
    .locator('.embed-stage')
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    });
  return page.screenshot({ clip: { x: frame!.x + stage.x + 2, y: frame!.y + stage.y + 2, width: stage.width - 4, height: Math.min(stage.height, 700) - 4 } });
}

/** Scrolls each embed into view, waits for its live map, and checks the map really draws. */
async function expectMapsDrawn(page: Page, label: string) {
  const count = await embeds(page).count();
  for (let i = 0; i < count; i++) {
    const iframe = embeds(page).nth(i);
    const inside = iframe.contentFrame();
    await showMap(iframe);
    await expect(inside.locator('html')).toHaveAttribute('data-map', 'ready');
    await expect(inside.locator('.embed-stage')).toHaveAttribute('data-status', 'ready');
    await expect(inside.locator('html')).toHaveAttribute('data-play', 'done');
    // The still fades out over the live map, then is hidden: only then is the map all there is.
    await expect(inside.locator('.embed-stage .poster')).toBeHidden();
    expect(await distinctColours(page, await mapShot(page, iframe)), `${label}, embed ${i}: the live map draws`).toBeGreaterThan(40);
  }
}

for (const mode of ['pym', 'loader'] as const) {
  test(`embeds on another origin size themselves exactly with ${mode === 'pym' ? "pym.js's parent script" : 'the project loader'}`, async ({ page }) => {
    test.setTimeout(300_000);
    await page.setViewportSize({ width: 1280, height: 800 });
    const sandbox = mode === 'loader' ? `&sandbox=${SECTIONS[1]}` : '';
    await page.goto(`${host.origin}/${mode}.html?sections=${SECTIONS.join(',')}${sandbox}`);
    await expect(embeds(page)).toHaveCount(SECTIONS.length);
    await expectMapsDrawn(page, `${mode} at 1280 px`);
    await expectExactHeights(page);
    const wide = await embeds(page)
      .first()
      .evaluate((el) => el.clientHeight);

    // The host gets narrower: each frame reflows to one column and reports its new height.
    await page.setViewportSize({ width: 420, height: 800 });
    await expectExactHeights(page);
    const narrow = await embeds(page)
      .first()
      .evaluate((el) => el.clientHeight);
    expect(narrow, 'a narrow frame is taller than a wide one').toBeGreaterThan(wide);
    await expectMapsDrawn(page, `${mode} at 420 px`);

    // And wider again.
    await page.setViewportSize({ width: 1100, height: 800 });
    await expectExactHeights(page);

    if (mode === 'loader') {
      // The decoy frame and the page itself keep posting heights of 5–9 px: once a few of each
      // have arrived (the loader's listener, added first, has seen them before this one), none
      // was applied.
      await page.evaluate(
        () =>
          new Promise<void>((done) => {
            const decoy = document.querySelector<HTMLIFrameElement>('iframe.decoy')!.contentWindow;
            const from = new Map<unknown, number>([
              [decoy, 0],
              [window, 0],
            ]);
            addEventListener('message', (event) => {
              if (!from.has(event.source)) return;
              from.set(event.source, from.get(event.source)! + 1);
              if ([...from.values()].every((n) => n >= 3)) done();
            });
          }),
      );
      for (const height of await embeds(page).evaluateAll((els) => els.map((el) => el.clientHeight))) expect(height).toBeGreaterThan(300);
    }
  });
}

test('an embed page stands alone: credit, canonical, noindex, poster first, no scroll code', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  const slug = SECTIONS[0]!;
  await page.goto(`embed/${slug}/`);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
  const canonical = await page.locator('link[rel="canonical"]').evaluate((l: HTMLLinkElement) => l.href);
  expect(new URL(canonical).pathname + new URL(canonical).hash).toBe(`/#${slug}`);
  const credit = page.locator('.credit a');
  await expect(credit).toHaveAttribute('target', '_top');
  expect(await credit.evaluate((a: HTMLAnchorElement) => new URL(a.href).hash)).toBe(`#${slug}`);
  // The still is there from the start; the live map replaces it once ready.
  await expect(page.locator('.embed-stage .poster img')).toHaveAttribute('src', /embed\/[a-z0-9-]+\/(wide|narrow)\.svg$/);
  await expect(page.locator('html')).toHaveAttribute('data-map', 'ready');
  await expect(page.locator('.embed-stage .poster img')).toBeHidden();
  await expect(page.locator('.embed-legend li').first()).toBeVisible();
  expect(
    requests.filter((p) => /scrollama|storyScroll/i.test(p)),
    'no scroll-driven code',
  ).toEqual([]);
});

test('the animation plays once, from the start state to the end state', async ({ page }) => {
  const section = story.find((s) => typeof s.map.date !== 'string')!;
  const { start: from, end: to } = section.map.date as { start: string; end: string };
  const recorded = await recordTimelineDates(page);
  await page.goto(`embed/${section.slug}/`);
  await expect(page.locator('html')).toHaveAttribute('data-map', 'ready');
  await expect(page.locator('html')).toHaveAttribute('data-play', 'done');
  const dates = await recorded();
  // The end state from the build first (with the still), then the start, then on to the end.
  expect(dates[0]).toBe(timelineDay(to));
  expect(dates[1], `dates shown: ${dates.join(' → ')}`).toBe(timelineDay(from));
  expect(dates.at(-1)).toBe(timelineDay(to));
  expect(dates.length, `the timeline moved through the days: ${dates.join(' → ')}`).toBeGreaterThan(3);
  // Once: out of view and back, as when a reader scrolls away and returns, it stays at the end.
  // (The page is too short at this width to scroll the map away, so space above pushes it out.)
  // The map plays when its IntersectionObserver says it is visible; this test's observer, made
  // later, is told after it, and two frames more give a replay the time to show.
  const seen = (visible: boolean, pushedDown: boolean) =>
    page.locator('.embed-stage').evaluate(
      (stage, [visible, pushedDown]) =>
        new Promise<void>((done) => {
          document.body.style.paddingTop = pushedDown ? '300vh' : '';
          const observer = new IntersectionObserver((entries) => {
            if (entries.at(-1)!.isIntersecting !== visible) return;
            observer.disconnect();
            done();
          });
          observer.observe(stage);
        }),
      [visible, pushedDown] as const,
    );
  await seen(false, true);
  await seen(true, false);
  await rendered(page.locator('html'));
  expect(await page.locator('html').getAttribute('data-play')).toBe('done');
  expect(await recorded()).toEqual(dates);
});

test('a phone-sized embed frames what its still frames, so the live map takes over without a jump', async ({ page }) => {
  // A section whose narrow still moves the camera to fit its places: the live map must move too.
  const fitted = (s: StorySection) => endFrame(s.map, world, { narrow: true, viewport: NARROW_STILL }).camera;
  const section = story.find((s) => JSON.stringify(fitted(s)) !== JSON.stringify(endFrame(s.map, world, { narrow: true }).camera));
  expect(section, 'a section whose still is framed differently from its camera').toBeDefined();
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.setViewportSize({ width: 360, height: 700 });
  await page.goto(`embed/${section!.slug}/?testing`);
  await expect(page.locator('html')).toHaveAttribute('data-map', 'ready');
  const width = await page.locator('.embed-stage').evaluate((stage) => stage.clientWidth);
  const still = fitted(section!);
  const state = await mapState(page);
  expectCamera(state!.camera, { ...still, zoom: zoomFor(still.zoom, width, true) });
});

test('under reduced motion the end state shows at once', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const section = story.find((s) => typeof s.map.date !== 'string')!;
  await page.goto(`embed/${section.slug}/`);
  await expect(page.locator('html')).toHaveAttribute('data-map', 'ready');
  expect(await page.locator('html').getAttribute('data-play')).toBe('done');
  const to = typeof section.map.date === 'string' ? section.map.date : section.map.date.end;
  await expect(page.locator('.timeline-date time')).toHaveText(timelineDay(to));
});

test('without WebGL the still map stays', async ({ page }) => {
  await page.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
      if (/webgl/.test(type)) return null;
      return (original as (...a: unknown[]) => RenderingContext | null).call(this, type, ...rest);
    } as typeof original;
  });
  await page.goto(`embed/${SECTIONS[0]}/`);
  await expect(page.locator('html')).toHaveAttribute('data-map', 'failed');
  const poster = page.locator('.embed-stage .poster img');
  await expect(poster).toBeVisible();
  expect(await poster.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
});

test('screenshots: a host page with two embeds at 320 and 960 px', async ({ page }) => {
  test.setTimeout(180_000);
  for (const width of [320, 960]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${host.origin}/loader.html?sections=${SECTIONS.slice(0, 2).join(',')}`);
    for (const iframe of await embeds(page).all()) {
      await showMap(iframe);
      await expect(iframe.contentFrame().locator('html')).toHaveAttribute('data-play', 'done');
    }
    // Chromium's full-page capture leaves cross-origin frames below the fold blank: make the
    // viewport as tall as the page instead (the frames keep their width, so their heights), and
    // wait until each frame has drawn in it.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width, height });
    for (const iframe of await embeds(page).all()) await rendered(iframe.contentFrame().locator('html'));
    await page.screenshot({ path: `${ARTIFACTS}/host-two-embeds-${width}.png` });
  }
});

test('without JavaScript: the section with its still map, and embed codes from the site root', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: baseURL! });
  const page = await context.newPage();
  await page.setViewportSize({ width: 800, height: 900 });
  await page.goto(`embed/${SECTIONS[0]}/`);
  const poster = page.locator('.embed-stage .poster img');
  await expect(poster).toBeVisible();
  expect(await poster.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect(page.locator('h1')).toHaveText(story[0]!.title);
  await page.setViewportSize({ width: 360, height: 900 });
  // Narrow: the narrow still, framed for phones.
  await expect.poll(() => poster.evaluate((img: HTMLImageElement) => img.currentSrc)).toMatch(/narrow\.svg$/);
  await page.goto('embed/');
  const code = await page.locator('#embed-code').inputValue();
  expect(code.startsWith(`<iframe src="embed/${story[0]!.slug}/"`)).toBe(true);
  await expect(page.locator('#static-note')).toBeVisible();
  await expect(page.locator('button.copy').first()).toBeHidden();
  await context.close();
});

test('axe: the journalists’ page and an embed at 320 px have no serious violations', async ({ page }) => {
  for (const [url, width] of [
    ['embed/', 1280],
    [`embed/${SECTIONS[1]}/`, 320],
  ] as const) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(url);
    const results = await new AxeBuilder({ page }).exclude('iframe').analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      url,
    ).toEqual([]);
  }
});

test('storage that throws (a third-party frame with storage blocked) changes nothing', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await page.goto(`embed/${SECTIONS[2]}/`);
  await expect(page.locator('html')).toHaveAttribute('data-map', 'ready');
  await expect(page.locator('html')).toHaveAttribute('data-play', 'done');
});
