import { createServer } from 'node:net';
import { defineConfig, devices } from '@playwright/test';
import { findBrowser } from './tests/e2e/browser.ts';

/** A port nobody listens on now, from the system (port 0). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as { port: number };
  await new Promise((closed) => server.close(closed));
  return port;
}

// Each run serves dist/ on a port of its own, so runs side by side (other checkouts, other
// builds: `DIST=/tmp/x`) never meet. The runner picks it and puts it in PORT, which its worker
// processes inherit, so they all load this file with the same port; PORT set by hand wins.
process.env.PORT ??= String(await freePort());
const PORT = Number(process.env.PORT);
const DIST = process.env.DIST ?? 'dist';

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  // SwiftShader draws WebGL on the CPU of a 2-core machine: keep parallelism modest.
  workers: 2,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Generous, because the suite must pass on a loaded machine (SwiftShader draws on the CPU),
  // and free when things go well: tests wait for events, never for the clock.
  timeout: 120_000,
  expect: { timeout: 60_000 },
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
    // Never test whatever else is listening there (another checkout's server, an old build):
    // a port in use fails the run at once.
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
