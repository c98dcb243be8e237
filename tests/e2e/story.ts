import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';
import { NARROW_QUERY } from '../../src/lib/cartography/breakpoints.ts';
import type { MapTestState } from '../../src/lib/map/testHook.ts';
import type { Camera } from '../../src/lib/story/section.ts';

/** The live map's state, read back from MapLibre by the page's test hook (`?testing` pages only). */
export const mapState = (page: Page): Promise<MapTestState | undefined> => page.evaluate(() => window.__mapTest?.state());

/** Scrolls so the reader is `progress` (0..1) through the section, as the wheel would. */
export async function scrollToSection(page: Page, slug: string, progress: number) {
  const y = await page.evaluate(
    ({ slug, progress, narrowQuery }) => {
      const element = document.getElementById(slug)!;
      const offset = matchMedia(narrowQuery).matches ? 0.75 : 0.5;
      const top = element.getBoundingClientRect().top + scrollY;
      return Math.round(top + progress * element.offsetHeight - innerHeight * offset);
    },
    { slug, progress, narrowQuery: NARROW_QUERY },
  );
  // Move in wheel-sized steps with a frame between them, so scroll events and intersection
  // changes arrive as they do for a reader.
  for (let guard = 0; guard < 200; guard++) {
    const moved = await page.evaluate(async (y) => {
      const delta = y - scrollY;
      if (Math.abs(delta) < 2) return false;
      const before = scrollY;
      scrollBy(0, Math.sign(delta) * Math.min(Math.abs(delta), 400));
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return scrollY !== before;
    }, y);
    if (!moved) break;
  }
}

/**
 * Waits until the map shows `slug`, has stopped moving and holds still for two readings in a
 * row (the last scroll event's frame has been drawn), and so does the page's scroll, and
 * returns the map's state. A smooth scroll (End, Home) can run on after the map has nothing
 * left to change in the last section: a key pressed then would meet a page still scrolling.
 */
export async function settled(page: Page, slug: string): Promise<MapTestState> {
  let last = '';
  let state: MapTestState | undefined;
  // Flights draw slowly on a busy machine's software WebGL: allow for it.
  await expect
    .poll(
      async () => {
        const [read, y] = await Promise.all([mapState(page), page.evaluate(() => scrollY)]);
        state = read;
        const now = JSON.stringify([state, y]);
        const steady = !!state && state.section === slug && !state.moving && now === last;
        last = now;
        return steady;
      },
      { timeout: 60_000 },
    )
    .toBe(true);
  return state!;
}

/**
 * Presses a key that scrolls the page smoothly (End, Home) and waits for that scroll to end
 * (`scrollend`). A smooth scroll can stall for a moment on a busy machine, long enough to look
 * finished; a key pressed then may be lost to the scroll still running. Fails, rather than
 * waits, if the key does not move the page.
 */
export async function pressAndScroll(page: Page, key: string) {
  // Listening before the key goes down (a handle to an object holding the promise, not awaited yet).
  const scroll = await page.evaluateHandle(() => ({
    from: scrollY,
    ended: new Promise<void>((resolve) => document.addEventListener('scrollend', () => resolve(), { once: true })),
  }));
  await page.keyboard.press(key);
  await expect.poll(() => scroll.evaluate((s) => scrollY !== s.from), { message: `${key} moves the page`, timeout: 10_000 }).toBe(true);
  await scroll.evaluate((s) => s.ended);
}

/** Camera equality within what the eye can tell apart at the story's zooms. */
export function expectCamera(actual: Camera, expected: Camera) {
  expect(actual.center[0]).toBeCloseTo(expected.center[0], 2);
  expect(actual.center[1]).toBeCloseTo(expected.center[1], 2);
  expect(actual.zoom).toBeCloseTo(expected.zoom, 1);
  expect(actual.bearing).toBeCloseTo(expected.bearing, 0);
  expect(actual.pitch).toBeCloseTo(expected.pitch, 0);
}
