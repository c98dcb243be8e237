/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

// Unit tests run through Astro's Vite config so `astro:content` and friends resolve as in the build.
export default getViteConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    reporters: ['default', 'json'],
    outputFile: { json: 'test-reports/unit.json' },
  },
});
