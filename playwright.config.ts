// End-to-end tests drive Debian's Chromium (/usr/bin/chromium) against the BUILT app served by
// `vite preview`. `npm test` builds first; run `npx vite build` yourself before `npx playwright test`.
// Never `npx playwright install`: this project's machines cannot download browsers.
import { defineConfig } from '@playwright/test';

// PW_PORT and PW_DIST let two engineers run the journeys at once against their own builds
// (`vite build --outDir /tmp/x`), without sharing a server.
const PORT = Number(process.env.PW_PORT ?? 4173);
const DIST = process.env.PW_DIST ?? 'dist';
const BASE_URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  // The simulated cluster runs in a Worker on a 2-core machine shared with other test runs: be
  // generous. Tests wait for states, never for wall-clock durations.
  timeout: 180_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    baseURL: BASE_URL,
    headless: true,
    viewport: { width: 1600, height: 900 },
    screenshot: 'on',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort --outDir ${DIST}`,
    url: BASE_URL,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
