#!/usr/bin/env node
// `npm run build`: builds the site into a fresh folder and puts it in place of dist/ only once
// the build has succeeded, so a build that fails, however late, leaves the last good site whole.
// On failure it prints what went wrong plainly (file, field, reason) and exits 1.
//
//   node scripts/build.mjs [--outDir dist]
import { build } from 'astro';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { constants } from 'node:os';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
process.chdir(ROOT); // the data compiler and Astro read their folders from the working directory
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';

function parseArgs(argv) {
  let outDir = 'dist';
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--outDir' && argv[i + 1]) outDir = argv[++i];
    else throw new Error(`unknown option ${argv[i]} (known: --outDir DIR)`);
  }
  return resolve(ROOT, outDir);
}

/** Project-relative, for messages. */
const shown = (path) => relative(ROOT, path).split(sep).join('/') || '.';

/** The message of a build error, with where it came from when the message does not say. */
function describe(error) {
  if (!(error instanceof Error)) return String(error);
  // A DataError (data/*.json or a story file) already names file, field and reason for each problem.
  if (error.name === 'DataError') return error.message;
  const lines = [error.message];
  const file = error.loc?.file;
  if (file && !error.message.includes(shown(file))) lines.push(`  in ${shown(file)}${error.loc.line ? `:${error.loc.line}` : ''}`);
  if (error.hint) lines.push(`  hint: ${error.hint}`);
  // The project's own frames only: Astro's and Vite's say nothing about what to fix.
  const ours = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line) && line.includes(ROOT) && !line.includes(`${sep}node_modules${sep}`) && !line.includes(`${sep}.builds${sep}`));
  lines.push(...ours.slice(0, 5).map((line) => line.replace(`${ROOT}${sep}`, '')));
  return lines.join('\n');
}

async function main() {
  const target = parseArgs(process.argv.slice(2));
  // Beside the target, so the final rename never crosses file systems.
  const scratch = join(dirname(target), '.builds');
  const fresh = join(scratch, `${basename(target)}-${process.pid}`);
  const previous = join(scratch, `${basename(target)}-${process.pid}-previous`);
  const cleanUp = () => rmSync(fresh, { recursive: true, force: true });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      cleanUp();
      process.exit(128 + constants.signals[signal]);
    });
  }
  mkdirSync(scratch, { recursive: true });
  // Astro keeps parsed story files in a data store keyed by each file's content, so a change to
  // the schema (which lives in src/build, not in content.config.ts) would not reach unchanged
  // files. Twelve files parse in well under a second: always parse them afresh.
  rmSync(join(ROOT, 'node_modules', '.astro', 'data-store.json'), { force: true });

  try {
    await build({ root: ROOT, outDir: fresh });
  } catch (error) {
    cleanUp();
    const kept = existsSync(target) ? `${shown(target)}/ still holds the last good build` : `${shown(target)}/ was not written`;
    console.error(`\nBuild failed; ${kept}.\n${describe(error)}\n`);
    process.exit(1);
  }

  // Two renames: the old site is replaced in one step, and removed only once the new one is in place.
  if (existsSync(target)) renameSync(target, previous);
  renameSync(fresh, target);
  rmSync(previous, { recursive: true, force: true });
  console.log(`Built into ${shown(target)}/`);
}

await main();
