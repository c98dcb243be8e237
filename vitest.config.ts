/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Unit tests run through Astro's Vite config so `astro:content` and friends resolve as in the build.
export default getViteConfig({
  test: {
    // Unit tests sit beside the code they test; tests/ holds those that read the built site.
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/build/**/*.test.ts', 'tests/public/**/*.test.ts'],
    environment: 'node',
    reporters: ['default', 'json'],
    outputFile: { json: 'test-reports/unit.json' },
  },
});
