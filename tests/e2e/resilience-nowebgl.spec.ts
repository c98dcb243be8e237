import { test, expect } from './fixtures.ts';
import { findBrowser } from './browser.ts';
import { ARTIFACTS, cspViolations, expectFailedOver, story, watchCsp } from './resilience.ts';

// A browser with no WebGL at all (old hardware, blocklisted GPU drivers, hardened browsers): its
// own launch flags, so its own file. The config's flags are kept beside the two that remove WebGL.
test.use({
  launchOptions: {
    executablePath: findBrowser(),
    args: ['--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-webgl', '--disable-3d-apis'],
  },
});

test('no WebGL: the page notices, says so in one calm line and shows every still map', async ({ page }) => {
  await watchCsp(page);
  await page.goto('./');
  // The browser really has no WebGL.
  expect(await page.evaluate(() => !document.createElement('canvas').getContext('webgl2') && !document.createElement('canvas').getContext('webgl'))).toBe(true);
  await expectFailedOver(page);
  // Nothing thrown, nothing logged as an error: the fixture's guard fails the test otherwise.
  expect(await cspViolations(page)).toEqual([]);
  await page.evaluate(() => scrollTo(0, 0));
  await page.screenshot({ path: `${ARTIFACTS}/nowebgl-top.png` });
  await page.locator(`#${story[2]!.slug} .static-map`).evaluate((e) => e.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: `${ARTIFACTS}/nowebgl-section.png` });
  await page.screenshot({ path: `${ARTIFACTS}/nowebgl-full.png`, fullPage: true });
});

test.describe('no WebGL on a phone', () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

  test('the still maps fill the column and the line is readable', async ({ page }) => {
    await page.goto('./');
    await expectFailedOver(page);
    await page.evaluate(() => scrollTo(0, 0));
    await page.screenshot({ path: `${ARTIFACTS}/nowebgl-phone-top.png` });
    const img = page.locator(`#${story[0]!.slug} .static-map img`);
    const box = (await img.boundingBox())!;
    expect(box.width).toBeGreaterThan(375 * 0.8);
  });
});
