import { test, expect, waitForMap, distinctColours } from './fixtures.ts';

test('the story page loads and the map really draws from local data', async ({ page }) => {
  const dataRequests: string[] = [];
  page.on('requestfinished', (request) => {
    if (request.url().includes('/data/')) dataRequests.push(new URL(request.url()).pathname);
  });
  await page.goto('./');
  await expect(page.locator('h1')).toBeVisible();
  await waitForMap(page);
  const canvas = page.locator('canvas.maplibregl-canvas');
  await expect(canvas).toBeVisible();
  const colours = await distinctColours(page, await canvas.screenshot({ path: 'tests/artifacts/foundation-map.png' }));
  // Land, sea and borders antialiased together give dozens of colours; a blank canvas gives 1.
  expect(colours).toBeGreaterThan(20);
  expect(dataRequests).toContain('/data/countries.geojson');
});
