// The sections as the build reads them outside Astro: one reader, in src/build.
export { readSections } from '../../src/build/readSections.ts';
