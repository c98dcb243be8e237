import { describe, expect, it } from 'vitest';
import { browserCandidates, ensureBrowser, findBrowser } from './ensure-browser.mjs';

/** A machine where `installs` (command line → the path it makes appear, or failure) is all that works. */
function machine(installs: Record<string, string | false>, present: string[] = []) {
  const paths = new Set(present);
  const ran: string[] = [];
  return {
    ran,
    find: () => findBrowser({ exists: (p) => paths.has(p), candidates: ['/env/chrome', '/usr/bin/chromium', '/pw/chrome'] }),
    run: (command: string, args: string[]) => {
      const line = [command, ...args].join(' ');
      ran.push(line);
      const made = installs[line];
      if (made === undefined || made === false) return { ok: false, why: `${command}: no network` };
      if (made) paths.add(made);
      return { ok: true };
    },
  };
}

describe('findBrowser', () => {
  it('takes $CHROME_PATH first, then Debian’s Chromium, then Playwright’s, skipping what does not exist', () => {
    const candidates = ['/env/chrome', '/usr/bin/chromium', '/pw/chrome'];
    expect(findBrowser({ exists: () => true, candidates })).toBe('/env/chrome');
    expect(findBrowser({ exists: (p) => p !== '/env/chrome', candidates })).toBe('/usr/bin/chromium');
    expect(findBrowser({ exists: (p) => p === '/pw/chrome', candidates: [undefined, ...candidates] })).toBe('/pw/chrome');
    expect(findBrowser({ exists: () => false, candidates })).toBeUndefined();
  });

  it('looks at CHROME_PATH, then /usr/bin/chromium, then Playwright’s download', () => {
    const [env, debian, playwright] = browserCandidates({ CHROME_PATH: '/opt/c' });
    expect([env, debian]).toEqual(['/opt/c', '/usr/bin/chromium']);
    expect(playwright).toMatch(/ms-playwright|chrom/i);
  });
});

describe('ensureBrowser', () => {
  it('installs nothing when a browser is there', () => {
    const m = machine({}, ['/usr/bin/chromium']);
    expect(ensureBrowser({ ...m, isRoot: true })).toEqual({ path: '/usr/bin/chromium', line: 'Browser: /usr/bin/chromium.' });
    expect(m.ran).toEqual([]);
  });

  it('tries Playwright’s own download first', () => {
    const m = machine({ 'npx playwright install chromium': '/pw/chrome' });
    const { path, line } = ensureBrowser({ ...m, isRoot: true });
    expect(path).toBe('/pw/chrome');
    expect(line).toBe("Browser: none found, so installed Playwright's Chromium: /pw/chrome.");
    expect(m.ran).toEqual(['npx playwright install chromium']);
  });

  it('as root, falls back to apt-get when Playwright cannot download', () => {
    const m = machine({ 'apt-get update': '', 'apt-get install -y chromium': '/usr/bin/chromium' });
    const { path, line } = ensureBrowser({ ...m, isRoot: true });
    expect(path).toBe('/usr/bin/chromium');
    expect(m.ran).toEqual(['npx playwright install chromium', 'apt-get update', 'apt-get install -y chromium']);
    expect(line).toBe("Browser: none found and npx playwright install chromium failed (npx: no network), so installed Debian's: /usr/bin/chromium.");
  });

  it('does not install the package when apt-get update fails, and says so', () => {
    const m = machine({});
    const { path, line } = ensureBrowser({ ...m, isRoot: true });
    expect(path).toBeUndefined();
    expect(m.ran).toEqual(['npx playwright install chromium', 'apt-get update']);
    expect(line).toMatch(/^Browser: none found; .*apt-get install chromium failed \(apt-get: no network\)\. Install Chromium/);
  });

  it('without root, never runs apt-get', () => {
    const m = machine({ 'apt-get update': '', 'apt-get install -y chromium': '/usr/bin/chromium' });
    const { path, line } = ensureBrowser({ ...m, isRoot: false });
    expect(path).toBeUndefined();
    expect(m.ran).toEqual(['npx playwright install chromium']);
    expect(line).toContain('apt-get install chromium skipped (needs root)');
    expect(line.split('\n')).toHaveLength(1);
  });

  it('notices an install that succeeds but leaves no browser where the tests look', () => {
    const m = machine({ 'npx playwright install chromium': '/somewhere/else' });
    const { path, line } = ensureBrowser({ ...m, isRoot: false });
    expect(path).toBeUndefined();
    expect(line).toContain('npx playwright install chromium ran but left no Chromium where the tests look');
  });
});
