import { test, expect, waitForMap, distinctColours } from './fixtures.ts';
import { readFileSync } from 'node:fs';
import { readStory, endDate, type StorySection } from '../support/story.ts';
import { cameraFor } from '../../src/lib/frame/frame.ts';
import { formatDay } from '../../src/lib/story/timeline.ts';
import { expectCamera, mapState, scrollToSection, settled } from './story.ts';

const story = readStory();
const movements = new Set((JSON.parse(readFileSync('data/movements.json', 'utf8')) as { movements: { id: string }[] }).movements.map((m) => m.id));
const ARTIFACTS = 'tests/artifacts/sections';
const drawn = (state: Awaited<ReturnType<typeof settled>>, id: string) => state.paths[id]?.fraction ?? 0;

/** The end state a section's frontmatter promises, checked against what the live map shows. */
async function expectEndState(page: import('@playwright/test').Page, section: StorySection, narrow = false) {
  const state = await settled(page, section.slug);
  expectCamera(state.camera, cameraFor(section.map, narrow));
  expect([...state.layers].sort()).toEqual([...section.map.layers].sort());
  for (const p of section.map.paths) expect(drawn(state, p.id), `${section.slug}: ${p.id} drawn`).toBeCloseTo(p.drawn[1], 5);
  expect(Object.keys(state.paths).sort()).toEqual(section.map.paths.filter((p) => p.drawn[1] > 0).map((p) => p.id).sort());
  await expect(page.locator('.timeline-date')).toHaveText(formatDay(endDate(section.map)));
  return state;
}

test.describe('desktop', () => {
  test.describe.configure({ timeout: 240_000 });

  test('every section, scrolling down and then back up, shows its map', async ({ page }) => {
    expect(story.length).toBeGreaterThanOrEqual(10);
    await page.goto('./?testing');
    await waitForMap(page);
    const down = new Map<string, Awaited<ReturnType<typeof expectEndState>>>();
    for (const [i, section] of story.entries()) {
      await scrollToSection(page, section.slug, 0.9);
      const state = await expectEndState(page, section);
      down.set(section.slug, state);
      const shot = await page.locator('.stage').screenshot({ path: `${ARTIFACTS}/desktop-${String(i + 1).padStart(2, '0')}-${section.slug}.png` });
      expect(await distinctColours(page, shot), `${section.slug}: the map should be drawn`).toBeGreaterThan(40);
    }
    for (const section of [...story].reverse()) {
      await scrollToSection(page, section.slug, 0.9);
      const state = await expectEndState(page, section);
      const before = down.get(section.slug)!;
      expectCamera(state.camera, before.camera);
      const same = (s: typeof state) => ({ layers: s.layers, paths: s.paths, section: s.section });
      expect(same(state), `${section.slug} looks the same on the way up`).toEqual(same(before));
    }
  });

  test('within a section, paths draw with scroll progress and undraw when scrolling back', async ({ page }) => {
    const animates = (p: StorySection['map']['paths'][number]) => movements.has(p.id) && p.drawn[0] < p.drawn[1];
    const section = story.find((s) => s.map.paths.some(animates))!;
    expect(section, 'some section animates a movement').toBeDefined();
    const path = section.map.paths.find(animates)!;
    await page.goto('./?testing');
    await waitForMap(page);
    const drawnAt = async (progress: number) => {
      await scrollToSection(page, section.slug, progress);
      return drawn(await settled(page, section.slug), path.id);
    };
    expect(await drawnAt(0.02)).toBeCloseTo(path.drawn[0], 2);
    const middle = await drawnAt(0.4);
    expect(middle).toBeGreaterThan(path.drawn[0]);
    expect(middle).toBeLessThan(path.drawn[1]);
    const head = (await mapState(page))!.paths[path.id]!.head;
    expect(head, 'the arrow head stands on the map').toBeDefined();
    expect(await drawnAt(0.9)).toBeCloseTo(path.drawn[1], 5);
    expect(await drawnAt(0.4)).toBeCloseTo(middle, 2);
  });

  test('a #section link opens on that section’s map', async ({ page }) => {
    const section = story[5]!;
    await page.goto(`./?testing#${section.slug}`);
    await waitForMap(page);
    const state = await settled(page, section.slug);
    expectCamera(state.camera, section.map.camera);
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

  test('the keyboard and the arrows step through sections without hijacking the scroll', async ({ page }) => {
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
    // The wheel still scrolls the page as usual.
    const before = await page.evaluate(() => scrollY);
    await page.mouse.wheel(0, 400);
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(before);
  });

  test('the legend follows the map', async ({ page }) => {
    const section = story.find((s) => s.map.layers.includes('control'))!;
    await page.goto(`./?testing#${section.slug}`);
    await waitForMap(page);
    await scrollToSection(page, section.slug, 0.9);
    await settled(page, section.slug);
    await expect(page.locator('.legend')).toContainText('Held by rebels');
    const plain = story.find((s) => !s.map.layers.includes('control'))!;
    await page.goto(`./?testing#${plain.slug}`);
    await settled(page, plain.slug);
    await expect(page.locator('.legend')).not.toContainText('Held by rebels');
  });
});

/**
 * However the reader gets somewhere (End and Home, an instant jump, keys pressed fast, a resize
 * across the phone breakpoint), the section whose text is under the trigger line is the one the
 * map and the counter show.
 */
for (const size of [
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
  { name: 'phone', viewport: { width: 375, height: 812 } },
]) {
  test.describe(`jumps (${size.name})`, () => {
    test.use({ viewport: size.viewport });
    test.describe.configure({ timeout: 120_000 });

    test('End, Home and instant jumps land the map on the section the reader sees', async ({ page }) => {
      const first = story[0]!;
      const last = story[story.length - 1]!;
      await page.goto('./?testing');
      await waitForMap(page);
      await page.keyboard.press('End');
      await settled(page, last.slug);
      await expect(page.locator('.stepper .count')).toHaveText(`${story.length} / ${story.length}`);
      await page.keyboard.press('Home');
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

test('resizing across the phone breakpoint keeps the section and switches its camera', async ({ page }) => {
  const section = story[3]!;
  await page.goto(`./?testing#${section.slug}`);
  await waitForMap(page);
  await settled(page, section.slug);
  await page.setViewportSize({ width: 375, height: 812 });
  await scrollToSection(page, section.slug, 0.5);
  expectCamera((await settled(page, section.slug)).camera, cameraFor(section.map, true));
  await page.setViewportSize({ width: 1280, height: 800 });
  await scrollToSection(page, section.slug, 0.5);
  expectCamera((await settled(page, section.slug)).camera, cameraFor(section.map, false));
});

test('reduced motion: cuts to each section’s end state, and the toggle turns motion back on', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const section = story.find((s) => s.map.paths.some((p) => p.drawn[0] < p.drawn[1]))!;
  await page.goto('./?testing');
  await waitForMap(page);
  await scrollToSection(page, section.slug, 0.15);
  const state = await settled(page, section.slug);
  expect(state.reducedMotion).toBe(true);
  for (const p of section.map.paths) expect(drawn(state, p.id)).toBe(p.drawn[1]);
  const toggle = page.getByRole('button', { name: /Motion/ });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => (await mapState(page))!.reducedMotion).toBe(false);
});

test.describe('phone', () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
  test.describe.configure({ timeout: 240_000 });

  test('the map stays in view above the text in every section', async ({ page }) => {
    await page.goto('./?testing');
    await waitForMap(page);
    for (const [i, section] of story.entries()) {
      await scrollToSection(page, section.slug, 0.85);
      await expectEndState(page, section, true);
      const stage = await page.locator('.stage').boundingBox();
      expect(stage!.y).toBeGreaterThanOrEqual(-1);
      expect(stage!.height).toBeGreaterThan(812 * 0.35);
      // Nothing covers the middle of the map.
      const covered = await page.evaluate(({ x, y }) => !document.elementFromPoint(x, y)?.closest('.stage'), {
        x: stage!.x + stage!.width / 2,
        y: stage!.y + stage!.height / 2,
      });
      expect(covered, `${section.slug}: map covered`).toBe(false);
      await page.screenshot({ path: `${ARTIFACTS}/phone-${String(i + 1).padStart(2, '0')}-${section.slug}.png` });
    }
  });
});
