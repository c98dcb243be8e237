import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';
import type { Camera } from '../../src/lib/story/mapState.ts';

export interface MapStateForTests {
  step: string;
  index: number;
  progress: number;
  moving: boolean;
  camera: Camera;
  target: Camera;
  layers: string[];
  paths: Record<string, number>;
  date: string;
  reducedMotion: boolean;
}

export const mapState = (page: Page) =>
  page.evaluate(() => (window as unknown as { __mapState?: MapStateForTests }).__mapState);

/** Scrolls so the reader is `progress` (0..1) through the section, as the wheel would. */
export async function scrollToSection(page: Page, slug: string, progress: number) {
  const y = await page.evaluate(
    ({ slug, progress }) => {
      const element = document.getElementById(slug)!;
      const offset = matchMedia('(max-width: 639px)').matches ? 0.75 : 0.5;
      const top = element.getBoundingClientRect().top + scrollY;
      return Math.round(top + progress * element.offsetHeight - innerHeight * offset);
    },
    { slug, progress },
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

/** Waits until the map shows `slug` and has stopped moving, and returns its state. */
export async function settled(page: Page, slug: string): Promise<MapStateForTests> {
  await expect
    .poll(async () => {
      const s = await mapState(page);
      return s && !s.moving ? s.step : undefined;
    })
    .toBe(slug);
  // One more frame for the scroll position's last progress event.
  await page.waitForTimeout(150);
  return (await mapState(page))!;
}

/** Camera equality within what the eye can tell apart at the story's zooms. */
export function expectCamera(actual: Camera, expected: Camera) {
  expect(actual.center[0]).toBeCloseTo(expected.center[0], 2);
  expect(actual.center[1]).toBeCloseTo(expected.center[1], 2);
  expect(actual.zoom).toBeCloseTo(expected.zoom, 1);
  expect(actual.bearing).toBeCloseTo(expected.bearing, 0);
  expect(actual.pitch).toBeCloseTo(expected.pitch, 0);
}
