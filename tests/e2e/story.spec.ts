import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { test, expect, waitForMap, distinctColours } from './fixtures.ts';
import { readStory, type StorySection } from '../support/story.ts';
import { endFrame, frame, type Frame } from '../../src/lib/frame/frame.ts';
import { slicePath } from '../../src/lib/frame/paths.ts';
import { LIGHT } from '../../src/lib/cartography/palette.ts';
import type { StoryPayload } from '../../src/lib/story/payload.ts';
import { STORY_END, STORY_START, formatDay } from '../../src/lib/story/timeline.ts';
import { expectCamera, mapState, pressAndScroll, scrollToSection, settled } from './story.ts';

const story = readStory();
const world = JSON.parse(readFileSync(`${process.env.DIST ?? 'dist'}/story.json`, 'utf8')) as StoryPayload;
const ARTIFACTS = 'tests/artifacts/sections';
const drawn = (state: Awaited<ReturnType<typeof settled>>, id: string) => state.paths[id]?.fraction ?? 0;
const hex = (colour: string) => [1, 3, 5].map((i) => Number.parseInt(colour.slice(i, i + 2), 16));

/** The map's size on the page: what `frame()` fits the section's places into. */
const mapSize = (page: Page) =>
  page.evaluate(() => ({ width: document.querySelector('.map-area .map')!.clientWidth, height: document.querySelector('.map-area .map')!.clientHeight }));

/**
 * What `frame()` says the section ends on, at this map's size, checked against what the live
 * map shows, read back from MapLibre: camera, layers, how far each path is drawn, the date on
 * the timeline, and every place the section labels drawn, inside the map and uncovered.
 */
async function expectEndState(page: Page, section: StorySection, narrow = false): Promise<Frame> {
  const state = await settled(page, section.slug);
  const expected = endFrame(section.map, world, { narrow, viewport: await mapSize(page) });
  expectCamera(state.camera, expected.camera);
  expect([...state.layers].sort()).toEqual([...expected.layers].sort());
  for (const p of expected.paths) expect(drawn(state, p.id), `${section.slug}: ${p.id} drawn`).toBeCloseTo(p.fraction, 3);
  await expect(page.locator('.timeline-date time')).toHaveText(formatDay(expected.date));
  await expectLabelsClear(page, section.slug);
  return expected;
}

/**
 * The canvas itself, not only the state: movement `id`, drawn to `fraction`, shows its colour
 * along its shaft behind the head, and none along the part it has not reached. Says which of the
 * two it could check: the head on the canvas, and at least three points on the path 30–80 px
 * from it.
 */
async function expectDrawnTo(page: Page, id: string, fraction: number) {
  const path = world.paths[id]!;
  const at = (f: number) => page.evaluate((point) => window.__mapTest!.pixel(point), slicePath(path, f).head!.at as [number, number]);
  const colour = hex(LIGHT[path.kind as 'government']);
  const distance = (rgb: number[]) => Math.max(...rgb.map((c, i) => Math.abs(c - colour[i]!)));
  const head = await at(fraction);
  if (!head) return { behind: false, ahead: false };
  /** The points on the canvas 30–80 px from the head (past its icon), stepping from it by `step`. */
  const near = async (step: number) => {
    const points = [];
    for (let f = fraction + step; f > 0 && f < 1; f += step) {
      const p = await at(f);
      const far = p ? Math.hypot(p.x - head.x, p.y - head.y) : Infinity;
      if (far > 80) break;
      if (far >= 30) points.push(p!);
    }
    return points;
  };
  // Steps of about 5 px: the path's length on screen, measured next to the head.
  const probe = (await at(fraction - 0.001)) ?? (await at(fraction + 0.001))!;
  const step = (5 * 0.001) / Math.hypot(probe.x - head.x, probe.y - head.y);
  /** The median distance from the path's colour: a dot or label over one point does not decide. */
  const median = (points: { rgb: number[] }[]) => points.map((p) => distance(p.rgb)).sort((x, y) => x - y)[Math.floor(points.length / 2)]!;
  const [behind, ahead] = [await near(-step), await near(step)].map((points) => (points.length >= 3 ? points : undefined));
  if (behind) expect(median(behind), `${id}: drawn behind its head`).toBeLessThan(24);
  if (ahead) expect(median(ahead), `${id}: not drawn ahead of its head`).toBeGreaterThan(60);
  return { behind: !!behind, ahead: !!ahead };
}

/** Every labelled place: its label placed by MapLibre, its point inside the map, nothing over it or its ring. */
async function expectLabelsClear(page: Page, slug: string) {
  const { labels } = (await mapState(page))!;
  expect(labels.length, `${slug} labels places`).toBeGreaterThan(0);
  const canvas = (await page.locator('.map-area canvas').boundingBox())!;
  for (const label of labels) {
    expect(label.drawn, `${slug}: ${label.id} label drawn`).toBe(true);
    expect(label.shielded, `${slug}: no road shield over ${label.id}`).toBe(false);
    expect(label.x, `${slug}: ${label.id} inside the map`).toBeGreaterThanOrEqual(0);
    expect(label.x).toBeLessThanOrEqual(canvas.width);
    expect(label.y, `${slug}: ${label.id} inside the map`).toBeGreaterThanOrEqual(0);
    expect(label.y).toBeLessThanOrEqual(canvas.height);
    const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.tagName, { x: canvas.x + label.x, y: canvas.y + label.y });
    expect(hit, `${slug}: nothing covers ${label.id}`).toBe('CANVAS');
  }
}

/**
 * On phones the scale bar sits in the map's corner: no name, shield or marker MapLibre placed
 * may lie under it (one in the other corner hid the lower M5 shield).
 */
async function expectNothingUnderScaleBar(page: Page, slug: string) {
  const canvas = (await page.locator('.map-area canvas').boundingBox())!;
  const scale = page.locator('.map-area .scale-bar');
  if (!(await scale.count())) return;
  const bar = (await scale.boundingBox())!;
  const box: [number, number, number, number] = [bar.x - canvas.x, bar.y - canvas.y, bar.x - canvas.x + bar.width, bar.y - canvas.y + bar.height];
  const under = await page.evaluate((b) => window.__mapTest!.placedIn(b), box);
  expect(under, `${slug}: nothing under the scale bar`).toEqual([]);
}

for (const size of [
  { name: 'desktop', viewport: { width: 1280, height: 800 }, narrow: false, mobile: false },
  { name: 'phone', viewport: { width: 375, height: 812 }, narrow: true, mobile: true },
]) {
  test.describe(size.name, () => {
    test.use({ viewport: size.viewport, isMobile: size.mobile, hasTouch: size.mobile });
    test.describe.configure({ timeout: 300_000 });

    test('every section, scrolling down and then back up, shows its map, every label drawn and clear', async ({ page }) => {
      expect(story.length).toBeGreaterThanOrEqual(10);
      await page.goto('./?testing');
      await waitForMap(page);
      // Every control and the scale bar lie whole on the screen (on phones the rail once pushed
      // the scale bar off its right edge).
      const stage = page.locator('.stage');
      for (const part of await stage.locator('.stepper > *, .scale-bar').all()) {
        if (!(await part.isVisible())) continue;
        const box = (await part.boundingBox())!;
        const label = await part.evaluate((e) => e.className || e.tagName);
        expect(box.x, `${label} starts on screen`).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width, `${label} ends on screen`).toBeLessThanOrEqual(size.viewport.width);
      }
      await expect(stage.locator('.scale-bar')).toBeVisible();
      const down = new Map<string, Awaited<ReturnType<typeof settled>>>();
      for (const [i, section] of story.entries()) {
        await scrollToSection(page, section.slug, 0.9);
        await expectEndState(page, section, size.narrow);
        await expectNothingUnderScaleBar(page, section.slug);
        down.set(section.slug, (await mapState(page))!);
        const shot = await page.locator('.stage').screenshot({ path: `${ARTIFACTS}/${size.name}-${String(i + 1).padStart(2, '0')}-${section.slug}.png` });
        expect(await distinctColours(page, shot), `${section.slug}: the map should be drawn`).toBeGreaterThan(40);
      }
      for (const section of [...story].reverse()) {
        await scrollToSection(page, section.slug, 0.9);
        await expectEndState(page, section, size.narrow);
        const now = (await mapState(page))!;
        const before = down.get(section.slug)!;
        expectCamera(now.camera, before.camera);
        const same = (s: typeof now) => ({ layers: s.layers, paths: s.paths, section: s.section });
        expect(same(now), `${section.slug} looks the same on the way up`).toEqual(same(before));
      }
    });

    test('End, Home and instant jumps land the map on the section the reader sees', async ({ page }) => {
      const first = story[0]!;
      const last = story[story.length - 1]!;
      await page.goto('./?testing');
      await waitForMap(page);
      await pressAndScroll(page, 'End');
      await settled(page, last.slug);
      await expect(page.locator('.stepper .count')).toHaveText(`${story.length} / ${story.length}`);
      await pressAndScroll(page, 'Home');
      await settled(page, first.slug);
      for (const section of [story[8]!, story[1]!, last, story[4]!]) {
        // An instant jump: no smooth scrolling, no scroll events in between.
        await page.evaluate((slug) => document.getElementById(slug)!.scrollIntoView({ behavior: 'instant', block: 'start' }), section.slug);
        await settled(page, section.slug);
      }
      await page.evaluate(() => scrollTo({ top: 0, behavior: 'instant' }));
      await settled(page, first.slug);
    });

    test('presses add up: ten quick → move ten sections, five ← back five', async ({ page }) => {
      await page.goto('./?testing');
      await waitForMap(page);
      await settled(page, story[0]!.slug);
      for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
      await settled(page, story[10]!.slug);
      for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
      await settled(page, story[5]!.slug);
    });
  });
}

test.describe('within a section', () => {
  test.describe.configure({ timeout: 180_000 });

  test('an arrow reaches as far as the timeline’s day, both ways, and the timeline moves with it', async ({ page }) => {
    const section = story.find((s) => s.slug === 'saraqeb')!;
    const arrow = 'gov-advance';
    await page.goto('./?testing');
    await waitForMap(page);
    const viewport = await mapSize(page);
    const at = async (progress: number) => {
      await scrollToSection(page, section.slug, progress);
      const state = await settled(page, section.slug);
      const expected = frame(section.map, state.progress, world, { viewport });
      expect(drawn(state, arrow)).toBeCloseTo(expected.paths.find((p) => p.id === arrow)!.fraction, 3);
      await expect(page.locator('.timeline-date time')).toHaveText(formatDay(expected.date));
      // The track's fill runs from the track's start to that day.
      const share = (Date.parse(expected.date) - Date.parse(STORY_START)) / (Date.parse(STORY_END) - Date.parse(STORY_START));
      const fill = () =>
        page.evaluate((share) => {
          const [fill, track] = ['.timeline-fill', '.timeline-track'].map((s) => document.querySelector(s)!.getBoundingClientRect());
          // Whole px off where it should start and end.
          return { start: Math.round(fill!.left - track!.left) || 0, end: Math.round(fill!.right - track!.left - share * track!.width) || 0 };
        }, share);
      await expect.poll(fill, { message: `the timeline's fill ends at ${expected.date}` }).toEqual({ start: 0, end: 0 });
      return drawn(state, arrow);
    };
    const early = await at(0.15);
    const late = await at(0.6);
    expect(late).toBeGreaterThan(early);
    expect(await at(0.15)).toBeCloseTo(early, 3);
    expect((await mapState(page))!.paths[arrow]!.head, 'the arrow head stands on the map').toBeDefined();
  });

  test('the canvas shows each arrow as far as it reaches, and nothing beyond', async ({ page }) => {
    await page.goto('./?testing');
    await waitForMap(page);
    const checked = { behind: 0, ahead: 0 };
    for (const [slug, progress] of [
      ['the-m5-falls', 0.5],
      ['the-exodus', 0.5],
      ['the-exodus', 0.2],
    ] as const) {
      await scrollToSection(page, slug, progress);
      const state = await settled(page, slug);
      for (const [id, { fraction }] of Object.entries(state.paths)) {
        if (world.paths[id]!.kind === 'road' || fraction < 0.05 || fraction > 0.95) continue;
        const { behind, ahead } = await expectDrawnTo(page, id, fraction);
        checked.behind += Number(behind);
        checked.ahead += Number(ahead);
      }
    }
    expect(Math.min(checked.behind, checked.ahead), `arrows checked on the canvas: ${JSON.stringify(checked)}`).toBeGreaterThanOrEqual(2);
  });

  test('a section that goes back in time says so on the timeline', async ({ page }) => {
    const section = story.find((s) => s.slug === 'the-exodus')!;
    await page.goto(`./?testing#${section.slug}`);
    await waitForMap(page);
    await settled(page, section.slug);
    await expect(page.locator('.timeline-back')).toContainText('back from');
    // The M-5 section runs 8–11 Feb after one that ended on 10 Feb: the note holds until the day
    // shown passes 10 Feb, never "11 Feb, back from 10 Feb".
    for (const [progress, day, note] of [
      [0.05, '2020-02-08', true],
      [0.95, '2020-02-11', false],
    ] as const) {
      await scrollToSection(page, 'the-m5-falls', progress);
      await settled(page, 'the-m5-falls');
      await expect(page.locator('.timeline-date time')).toHaveText(formatDay(day));
      await expect(page.locator('.timeline-back')).toHaveCount(note ? 1 : 0);
    }
  });

  test('the stage changes as the reader scrolls without a CSS transition or animation', async ({ page }) => {
    // While one runs the browser composites the page again as often as it can, and where WebGL
    // runs on the CPU the map's frames wait for those (bench/README.md).
    const section = story.find((s) => s.slug === 'saraqeb')!;
    // As for a reader who has not asked for reduced motion: nothing may ease for them either.
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await page.goto('./?testing');
    await waitForMap(page);
    await page.evaluate(() => {
      const w = window as unknown as { eased: string[] };
      w.eased = [];
      const name = (target: EventTarget | null) => (target instanceof Element ? `${target.tagName.toLowerCase()}.${target.getAttribute('class') ?? ''}` : '?');
      for (const type of ['transitionstart', 'animationstart'])
        document.addEventListener(type, (event) => w.eased.push(`${name(event.target)}: ${type}`), { capture: true });
    });
    const dates = new Set<string>();
    for (const progress of [0.1, 0.3, 0.5, 0.7, 0.3]) {
      await scrollToSection(page, section.slug, progress);
      // Web Animations (element.animate, Svelte's transitions) fire no event: ask for them.
      const running = await page.evaluate(() => document.getAnimations().map((a) => `${a.constructor.name} ${a.id}`));
      expect(running, `animations running at ${progress}`).toEqual([]);
      await settled(page, section.slug);
      dates.add((await page.locator('.timeline-date time').textContent()) ?? '');
    }
    expect(dates.size, 'the timeline moved through several days').toBeGreaterThan(2);
    expect(await page.evaluate(() => (window as unknown as { eased: string[] }).eased)).toEqual([]);
  });
});

test('a #section link opens on that section’s map', async ({ page }) => {
  const section = story[5]!;
  await page.goto(`./?testing#${section.slug}`);
  await waitForMap(page);
  await scrollToSection(page, section.slug, 0.9);
  await expectEndState(page, section);
});

test('reloading mid-story shows the same section', async ({ page }) => {
  const section = story[3]!;
  await page.goto('./?testing');
  await waitForMap(page);
  await scrollToSection(page, section.slug, 0.9);
  await settled(page, section.slug);
  await page.reload();
  await waitForMap(page);
  await expectEndState(page, section);
});

test('the keyboard, the arrows and the section menu step through sections without hijacking the scroll', async ({ page }) => {
  await page.goto(`./?testing#${story[1]!.slug}`);
  await waitForMap(page);
  await settled(page, story[1]!.slug);
  await page.keyboard.press('ArrowRight');
  await settled(page, story[2]!.slug);
  await expect(page.locator(`#${story[2]!.slug} h2`)).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await settled(page, story[1]!.slug);
  await page.getByRole('button', { name: 'Next section' }).click();
  await settled(page, story[2]!.slug);
  await page.locator('.section-menu summary').click();
  await page.locator('.section-menu a').nth(7).click();
  await settled(page, story[7]!.slug);
  // The wheel still scrolls the page as usual.
  const before = await page.evaluate(() => scrollY);
  await page.mouse.wheel(0, 400);
  await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(before);
});

test('resizing across the phone breakpoint keeps the section and switches its camera', async ({ page }) => {
  const section = story[3]!;
  await page.goto(`./?testing#${section.slug}`);
  await waitForMap(page);
  await page.setViewportSize({ width: 375, height: 812 });
  await scrollToSection(page, section.slug, 0.9);
  await expectEndState(page, section, true);
  await page.setViewportSize({ width: 1280, height: 800 });
  await scrollToSection(page, section.slug, 0.9);
  await expectEndState(page, section, false);
});

test('reduced motion: cuts to each section’s end state, and the switch turns animation back on', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const section = story.find((s) => s.slug === 'saraqeb')!;
  await page.goto('./?testing');
  await waitForMap(page);
  await scrollToSection(page, section.slug, 0.15);
  const state = await settled(page, section.slug);
  expect(state.reducedMotion).toBe(true);
  const end = endFrame(section.map, world, { viewport: await mapSize(page) });
  for (const p of end.paths) expect(drawn(state, p.id)).toBeCloseTo(p.fraction, 3);
  const toggle = page.getByRole('switch', { name: 'Animate the map' });
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await expect.poll(async () => (await mapState(page))!.reducedMotion).toBe(false);
});

test('until the reader moves, the map area shows the first section’s still, and the live map takes its place', async ({ page }) => {
  await page.goto('./');
  // The site's capture-phase listeners on window for the events that wake the map, read over CDP.
  // (Playwright adds capture listeners of its own, from a script with no URL: only the site's count.)
  const cdp = await page.context().newCDPSession(page);
  const urls = new Map<string, string>();
  cdp.on('Debugger.scriptParsed', (script) => urls.set(script.scriptId, script.url));
  await cdp.send('Debugger.enable');
  const site = new URL(page.url()).origin;
  const wakeListeners = async () => {
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'window' });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
    return listeners
      .filter((l) => l.useCapture && urls.get(l.scriptId)?.startsWith(site) && ['wheel', 'scroll', 'keydown', 'pointerdown', 'touchstart'].includes(l.type))
      .map((l) => l.type)
      .sort();
  };
  // Before the reader moves, the check sees the very listeners it later expects gone.
  await expect.poll(wakeListeners).toEqual(['keydown', 'pointerdown', 'scroll', 'touchstart', 'wheel']);
  const still = page.locator('.stage .map-still img');
  await expect(still).toBeVisible();
  await expect.poll(() => still.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  expect(await still.getAttribute('src')).toContain(`maps/${story[0]!.slug}/stage-wide.svg`);
  // Where the map area sits on the page (not on screen: the reader's first move scrolls).
  const place = async () => {
    const box = (await page.locator('.stage .map-area').boundingBox())!;
    return { ...box, y: box.y + (await page.evaluate(() => scrollY)) };
  };
  const before = await place();
  expect(before.width).toBeGreaterThan(300);
  expect(before.height).toBeGreaterThan(300);
  // No map code until the reader moves.
  expect(await page.evaluate(() => performance.getEntriesByType('resource').some((r) => /maplibre/.test(r.name)))).toBe(false);
  await waitForMap(page);
  await expect(still).toBeHidden();
  expect(await place()).toEqual(before);
  // The listeners that woke the map are gone: none runs on every later scroll or key.
  expect(await wakeListeners(), 'capture-phase listeners still on window after the map woke').toEqual([]);
});
