#!/usr/bin/env node
// `npm run export`: the social videos of every section into dist/downloads/ (see
// src/build/export/run.ts for the options). Runs the project's TypeScript under tsx.
import { resolve } from 'node:path';
import { register } from 'tsx/esm/api';

process.chdir(resolve(import.meta.dirname, '..'));
register();
const { main } = await import('../src/build/export/run.ts');
try {
  await main(process.argv.slice(2));
} catch (error) {
  console.error(`Export failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
