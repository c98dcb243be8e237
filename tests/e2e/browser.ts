import { findBrowser as find } from '../../scripts/ensure-browser.mjs';

/**
 * The browser the tests drive: $CHROME_PATH, else Debian's Chromium, else Playwright's own
 * download (scripts/ensure-browser.mjs, which `npm run test:e2e` runs first, installs one).
 */
export function findBrowser(): string {
  const found = find();
  if (!found) throw new Error('No Chromium found. Run `node scripts/ensure-browser.mjs`, or set CHROME_PATH.');
  return found;
}
