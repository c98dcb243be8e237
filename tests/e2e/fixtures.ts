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
 * The distinct colours and the mean luminance (0–255) of a PNG, decoded in the page itself (no
 * image library needed): a blank or single-colour canvas has a handful of colours, a drawn map
 * hundreds; a dark map is dark. With `match` (r, g, b), also the share of its pixels within 40
 * of that colour on every channel.
 */
export async function pngStats(page: Page, png: Buffer, match?: number[]): Promise<{ colours: number; luminance: number; matching: number }> {
  return page.evaluate(
    async ({ b64, match }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${b64}`;
      await image.decode();
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, image.width, image.height);
      const seen = new Set<number>();
      let sum = 0;
      let matching = 0;
      for (let i = 0; i < data.length; i += 4) {
        seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
        sum += 0.2126 * data[i]! + 0.7152 * data[i + 1]! + 0.0722 * data[i + 2]!;
        if (match && match.every((v, c) => Math.abs(data[i + c]! - v) <= 40)) matching++;
      }
      return { colours: seen.size, luminance: sum / (data.length / 4), matching: matching / (data.length / 4) };
    },
    { b64: png.toString('base64'), match },
  );
}

export const distinctColours = async (page: Page, png: Buffer) => (await pngStats(page, png)).colours;

/** A day as the timeline writes it, e.g. "28 Jan 2020". */
export const timelineDay = (iso: string) =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/**
 * Records, from the first paint, every date the timeline shows as it changes; call before
 * `goto`. The returned function reads the dates recorded so far.
 */
export async function recordTimelineDates(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { __dates: string[] }).__dates = []);
    new MutationObserver(() => {
      const text = document.querySelector('.timeline-date time')?.textContent ?? '';
      if (text && text !== seen.at(-1)) seen.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { __dates: string[] }).__dates);
}
