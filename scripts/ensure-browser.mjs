#!/usr/bin/env node
// Makes sure the end-to-end tests have a Chromium, and says in one line which one, or what it
// did to get one: $CHROME_PATH, else Debian's /usr/bin/chromium, else Playwright's own download;
// with none, `npx playwright install chromium`, then (as root) `apt-get install chromium`, which
// works where Playwright's download site is out of reach. Exits 1 when all of that fails.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';

/** Where a Chromium may already be, best first (Playwright's path exists only once downloaded). */
export function browserCandidates(env = process.env) {
  let playwrights;
  try {
    playwrights = chromium.executablePath();
  } catch {
    playwrights = undefined; // Playwright knows no build of its Chromium for this system
  }
  return [env.CHROME_PATH, '/usr/bin/chromium', playwrights];
}

/**
 * The first candidate that exists, or undefined.
 * @param {{ exists?: (path: string) => boolean, candidates?: (string | undefined)[] }} [options]
 * @returns {string | undefined}
 */
export function findBrowser({ exists = existsSync, candidates = browserCandidates() } = {}) {
  return candidates.find((path) => !!path && exists(path));
}

/**
 * Finds a Chromium or installs one. Every effect comes in through `find`, `run` and `isRoot`,
 * so the decisions can be tested without touching the machine.
 * @param {{
 *   find: () => string | undefined,
 *   run: (command: string, args: string[]) => { ok: boolean, why?: string },
 *   isRoot: boolean,
 * }} options
 * @returns {{ path: string | undefined, line: string }}
 */
export function ensureBrowser({ find, run, isRoot }) {
  const found = find();
  if (found) return { path: found, line: `Browser: ${found}.` };

  const failures = [];
  const attempt = (label, steps) => {
    for (const [command, args] of steps) {
      const result = run(command, args);
      if (!result.ok) {
        failures.push(`${label} failed${result.why ? ` (${result.why})` : ''}`);
        return undefined;
      }
    }
    const path = find();
    if (!path) failures.push(`${label} ran but left no Chromium where the tests look`);
    return path;
  };

  const playwrights = attempt('npx playwright install chromium', [['npx', ['playwright', 'install', 'chromium']]]);
  if (playwrights) return { path: playwrights, line: `Browser: none found, so installed Playwright's Chromium: ${playwrights}.` };

  if (isRoot) {
    const debians = attempt('apt-get install chromium', [
      ['apt-get', ['update']],
      ['apt-get', ['install', '-y', 'chromium']],
    ]);
    if (debians) return { path: debians, line: `Browser: none found and ${failures.join('; ')}, so installed Debian's: ${debians}.` };
  } else {
    failures.push('apt-get install chromium skipped (needs root)');
  }
  return {
    path: undefined,
    line: `Browser: none found; ${failures.join('; ')}. Install Chromium (apt-get install chromium) or set CHROME_PATH.`,
  };
}

/** Runs a command quietly, for at most 10 minutes; on failure, the last line it printed. */
function run(command, args) {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    timeout: 600_000,
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status === 0) return { ok: true };
  const said = `${result.stderr ?? ''}\n${result.stdout ?? ''}`
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return { ok: false, why: result.error?.message ?? said.find((l) => /error|fail|unable/i.test(l)) ?? said.at(-1) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { path, line } = ensureBrowser({ find: () => findBrowser(), run, isRoot: process.getuid?.() === 0 });
  console.log(line);
  if (!path) process.exit(1);
}
