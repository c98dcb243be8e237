import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';
import { readStory } from '../support/story.ts';

/** Helpers shared by the resilience specs: what "nothing lost" looks like on the page. */

export const story = readStory();
export const ARTIFACTS = 'tests/artifacts/resilience';

/** The one line a reader sees when the live map gives up. */
export const FAILED_LINE = 'The interactive map could not load here, so each section shows a still map instead.';

/** Chromium's own console line for a response with an error status (it names no URL). */
const HTTP_ERROR = /^Failed to load resource: the server responded with a status of 404/;

/**
 * The story is all there without the live map: every section's heading, text, still map (shown
 * and really loaded) and map description are visible, and the map stage is not.
 */
export async function expectStillMaps(page: Page) {
  await expect(page.locator('.stage .map')).toBeHidden();
  await expect(page.locator('canvas')).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  for (const section of story) {
    const card = page.locator(`section#${section.slug}`);
    await expect(card.getByRole('heading', { level: 2, name: section.title })).toBeVisible();
    await expect(card.locator('.prose')).toBeVisible();
    expect((await card.locator('.prose').innerText()).length, `${section.slug}: prose`).toBeGreaterThan(100);
    const img = card.locator('.static-map img');
    await img.scrollIntoViewIfNeeded();
    await expect(img, `${section.slug}: still map`).toBeVisible();
    // Visible to Playwright is not enough: nothing (a stage left behind, say) may cover it.
    expect(
      await img.evaluate((i) => {
        const r = i.getBoundingClientRect();
        return document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height, innerHeight - r.top) / 2) === i;
      }),
      `${section.slug}: still map uncovered`,
    ).toBe(true);
    await expect
      .poll(() => img.evaluate((i: HTMLImageElement) => (i.complete ? i.naturalWidth : 0)), { message: `${section.slug}: still map loaded` })
      .toBeGreaterThan(0);
    const description = card.locator('.map-description');
    await expect(description).toBeVisible();
    await expect(description).toHaveText(`Map: ${section.alt}`);
  }
}

/** The live map has failed over: the page says so once, calmly, and shows the still maps. */
export async function expectFailedOver(page: Page) {
  // The page may wait out its load timeout (20 s) first, on a machine that may be busy.
  await expect(page.locator('html')).toHaveAttribute('data-map', 'failed', { timeout: 60_000 });
  const line = page.getByRole('status').filter({ hasText: FAILED_LINE });
  await expect(line).toHaveCount(1);
  await expect(line).toBeVisible();
  await expectStillMaps(page);
}

/**
 * Tests that make a request fail on purpose expect Chromium's "Failed to load resource" console
 * line for it (when the page, not a worker, made it): take exactly those out of the guard's list
 * and leave every other console error to fail the test.
 */
export function dropHttpErrors(errors: string[]) {
  const rest = errors.filter((e) => !HTTP_ERROR.test(e));
  errors.splice(0, errors.length, ...rest);
}

/** Records every securitypolicyviolation event from the first script on; read with `cspViolations`. */
export async function watchCsp(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`),
    );
  });
}

export const cspViolations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
