import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * The browser the tests drive: $CHROME_PATH, else Debian's Chromium, else Playwright's own
 * download. Playwright cannot download browsers on every machine, so say plainly how to get one.
 */
export function findBrowser(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', safe(() => chromium.executablePath())];
  const found = candidates.find((path): path is string => !!path && existsSync(path));
  if (!found) {
    throw new Error(
      'No Chromium found. Install one (`apt-get install chromium`, or `npx playwright install chromium`) or set CHROME_PATH.',
    );
  }
  return found;
}

function safe(f: () => string): string | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
