#!/usr/bin/env node
// Adds up what the unit (vitest) and end-to-end (Playwright) runs wrote to test-reports/ and
// prints the one closing line CI reads: `N passed, N failed`. A report that is missing (its
// stage never ran because an earlier one failed) counts as one failure, never as silence.
import { readFileSync } from 'node:fs';

function read(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

let passed = 0;
let failed = 0;
const unit = read('test-reports/unit.json');
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
} else failed += 1;
const e2e = read('test-reports/e2e.json');
if (e2e) {
  passed += e2e.stats.expected;
  failed += e2e.stats.unexpected + e2e.stats.flaky;
} else failed += 1;
console.log(`${passed} passed, ${failed} failed`);
