import { test as base, expect, type Locator, type Page } from '@playwright/test';

/**
 * Every end-to-end test runs behind the same guard: any request that is not for the local test
 * server is aborted and recorded, and any console error is recorded; both lists must be empty
 * when the test ends. A site that phones home, or throws, fails every test.
 */
export const test = base.extend<{ guard: { offsite: string[]; errors: string[] } }>({
  guard: [
    async ({ page }, use) => {
      const offsite: string[] = [];
      const errors: string[] = [];
      await page.route(
        (url) => !isLocal(url),
        (route) => {
          offsite.push(route.request().url());
          return route.abort('blockedbyclient');
        },
      );
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(String(error)));
      await use({ offsite, errors });
      expect(offsite, 'requests that left the host').toEqual([]);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

function isLocal(url: URL): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) || url.protocol === 'data:' || url.protocol === 'blob:';
}

/** Waits until the live map has loaded and finished drawing. */
export async function waitForMap(page: Page) {
  if ((await page.locator('html').getAttribute('data-map')) !== 'ready') await wake(page);
  await expect(page.locator('html')).toHaveAttribute('data-map', 'ready', { timeout: 60_000 });
}

/**
 * The story's live map waits for the reader's first move (the section's still shows until then):
 * make one, as a reader would, once the page can hear it.
 */
export async function wake(page: Page) {
  // html[data-map]: waiting (listening for the reader), loading, ready, or failed.
  await expect(page.locator('html')).toHaveAttribute('data-map', /waiting|loading|ready|failed/);
  await page.mouse.wheel(0, 1);
}

/**
 * Waits until the document of `root` (a page's or a frame's `html`) has rendered two more
 * frames, so what a resize or scroll set off (media-query listeners, resize and intersection
 * observers, the updates they make) has run. Counted in rendered frames, not time: a frame the
 * browser does not draw (an off-screen cross-origin iframe) never resolves.
 */
export async function rendered(root: Locator) {
  await root.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/**
 * Counts the distinct colours in a PNG by decoding it in the page itself (no image library
 * needed): a blank or single-colour canvas has a handful, a drawn map has hundreds.
 */
export async function distinctColours(page: Page, png: Buffer): Promise<number> {
  return page.evaluate(async (b64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${b64}`;
    await image.decode();
    const canvas = new OffscreenCanvas(image.width, image.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 4) seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    return seen.size;
  }, png.toString('base64'));
}
