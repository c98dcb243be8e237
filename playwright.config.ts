import { defineConfig, devices } from '@playwright/test';
import { findBrowser } from './tests/e2e/browser.ts';

// DIST and PORT let several builds be tested side by side (e.g. `DIST=/tmp/x PORT=4400`).
const PORT = Number(process.env.PORT ?? 4321);
const DIST = process.env.DIST ?? 'dist';

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  // SwiftShader draws WebGL on the CPU of a 2-core machine: keep parallelism modest.
  workers: 2,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: 'test-reports/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    launchOptions: {
      executablePath: findBrowser(),
      args: ['--disable-quic', '--disable-background-networking', '--disable-component-update'],
    },
    screenshot: 'only-on-failure',
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } } }],
  webServer: {
    command: `node scripts/serve.mjs ${DIST} --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
});
