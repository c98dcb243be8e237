#!/usr/bin/env node
// `npm test`: runs the test stages given as arguments, in order, stopping at the first that
// fails (as `a && b` would), then adds up what vitest and Playwright wrote to test-reports/ and
// prints the closing line people and CI read: `N passed, N failed`. A report that is missing (its
// stage never ran, or crashed) counts as one failure, never as silence. Exits 1 on any failure.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

const REPORTS = 'test-reports';

function read(file) {
  try {
    return JSON.parse(readFileSync(`${REPORTS}/${file}`, 'utf8'));
  } catch {
    return undefined;
  }
}

const seconds = (ms) => (ms < 60_000 ? `${Math.round(ms / 1000)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`);

// Reports of an earlier run must not stand in for stages that do not run this time.
rmSync(REPORTS, { recursive: true, force: true });

const times = [];
let stageFailed;
for (const stage of process.argv.slice(2)) {
  const start = Date.now();
  const { status } = spawnSync(stage, { stdio: 'inherit', shell: true });
  times.push(`${stage.replace(/^npm run /, '')} ${seconds(Date.now() - start)}`);
  if (status !== 0) {
    stageFailed = stage;
    break;
  }
}

let passed = 0;
let failed = 0;
const unit = read('unit.json');
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
} else failed += 1;
const e2e = read('e2e.json');
if (e2e) {
  passed += e2e.stats.expected;
  failed += e2e.stats.unexpected + e2e.stats.flaky;
} else failed += 1;

console.log(`\n${stageFailed ? `Stopped: \`${stageFailed}\` failed. ` : ''}Took ${times.join(', ')}.`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(stageFailed || failed ? 1 : 0);
