import { test, expect, waitForMap, distinctColours } from './fixtures.ts';
import { readStory, endDate, type StorySection } from '../support/story.ts';
import { cameraFor } from '../../src/lib/frame.ts';
import { expectCamera, mapState, scrollToSection, settled } from './story.ts';

const story = readStory();
const ARTIFACTS = 'tests/artifacts/sections';

/** The end state a section's frontmatter promises, checked against what the live map shows. */
async function expectEndState(page: import('@playwright/test').Page, section: StorySection, narrow = false) {
  const state = await settled(page, section.slug);
  expectCamera(state.camera, cameraFor(section.map, narrow));
  expect([...state.layers].sort()).toEqual([...section.map.layers].sort());
  expect(state.paths).toEqual(Object.fromEntries(section.map.paths.map((p) => [p.id, p.to])));
  expect(state.date).toBe(endDate(section.map));
  return state;
}

test.describe('desktop', () => {
  test.describe.configure({ timeout: 240_000 });

  test('every section, scrolling down and then back up, shows its map', async ({ page }) => {
    expect(story.length).toBeGreaterThanOrEqual(10);
    await page.goto('./');
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
      const same = (s: typeof state) => ({ layers: s.layers, paths: s.paths, date: s.date, step: s.step });
      expect(same(state), `${section.slug} looks the same on the way up`).toEqual(same(before));
    }
  });

  test('within a section, paths draw with scroll progress and undraw when scrolling back', async ({ page }) => {
    const section = story.find((s) => s.map.paths.some((p) => p.from < p.to));
    expect(section, 'some section animates a path').toBeDefined();
    const path = section!.map.paths.find((p) => p.from < p.to)!;
    await page.goto('./');
    await waitForMap(page);
    // The map updates on the animation frame after a scroll event: read it once it holds still.
    const drawnAt = async (progress: number) => {
      await scrollToSection(page, section!.slug, progress);
      let last = NaN;
      await expect
        .poll(async () => {
          const now = (await mapState(page))!.paths[path.id]!;
          const steady = now === last;
          last = now;
          return steady;
        })
        .toBe(true);
      return last;
    };
    await drawnAt(0.02);
    await settled(page, section!.slug);
    expect(await drawnAt(0.02)).toBeCloseTo(path.from, 2);
    const middle = await drawnAt(0.4);
    expect(middle).toBeGreaterThan(path.from);
    expect(middle).toBeLessThan(path.to);
    expect(await drawnAt(0.9)).toBeCloseTo(path.to, 5);
    expect(await drawnAt(0.4)).toBeCloseTo(middle, 2);
  });

  test('a #section link opens on that section’s map', async ({ page }) => {
    const section = story[5]!;
    await page.goto(`./#${section.slug}`);
    await waitForMap(page);
    const state = await settled(page, section.slug);
    expectCamera(state.camera, section.map.camera);
  });

  test('reloading mid-story shows the same section', async ({ page }) => {
    const section = story[3]!;
    await page.goto('./');
    await waitForMap(page);
    await scrollToSection(page, section.slug, 0.9);
    await settled(page, section.slug);
    await page.reload();
    await waitForMap(page);
    await expectEndState(page, section);
  });

  test('the keyboard and the arrows step through sections without hijacking the scroll', async ({ page }) => {
    await page.goto(`./#${story[1]!.slug}`);
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

  test('the timeline and the legend follow the map', async ({ page }) => {
    const section = story.find((s) => s.map.layers.includes('control'))!;
    await page.goto(`./#${section.slug}`);
    await waitForMap(page);
    await scrollToSection(page, section.slug, 0.9);
    await settled(page, section.slug);
    const day = new Date(`${endDate(section.map)}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    await expect(page.locator('.timeline-date')).toHaveText(day);
    await expect(page.locator('.legend')).toContainText('Held by rebels');
    const plain = story.find((s) => !s.map.layers.includes('control'))!;
    await page.goto(`./#${plain.slug}`);
    await settled(page, plain.slug);
    await expect(page.locator('.legend')).not.toContainText('Held by rebels');
  });
});

test('reduced motion: cuts to each section’s end state, and the toggle turns motion back on', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const section = story.find((s) => s.map.paths.some((p) => p.from < p.to))!;
  await page.goto('./');
  await waitForMap(page);
  await scrollToSection(page, section.slug, 0.15);
  const state = await settled(page, section.slug);
  expect(state.reducedMotion).toBe(true);
  for (const p of section.map.paths) expect(state.paths[p.id]).toBe(p.to);
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
    await page.goto('./');
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
