import { defineConfig } from '@playwright/test';

/**
 * End-to-end journeys in Debian's Chromium against the whole platform started as in production: the built API
 * (`node apps/api/dist/main.js`) serving the built SPA, on a PostgreSQL database made for this run and dropped after.
 * `npx nx run web-e2e:e2e` builds contracts, web and api first.
 */
const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = process.env.E2E_BASE_URL ?? `http://127.0.0.1:${port}`;
const isCI = !!process.env.CI;

export default defineConfig({
  testDir: './src',
  outputDir: './.artifacts',
  fullyParallel: false,
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  use: {
    baseURL,
    browserName: 'chromium',
    viewport: { width: 1280, height: 800 },
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
    launchOptions: {
      // Debian's Chromium, never a downloaded browser build (no network here but the npm registry).
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-quic',
        '--no-first-run',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  // E2E_BASE_URL points the specs at a platform that is already running (and starts nothing).
  webServer: process.env.E2E_BASE_URL
    ? undefined
    : {
        command: 'node apps/web-e2e/scripts/start-platform.mjs',
        cwd: '../..',
        url: `${baseURL}/api/health/ready`,
        env: { E2E_PORT: String(port) },
        timeout: 120_000,
        // Never reuse: every run gets a fresh database.
        reuseExistingServer: false,
        stdout: 'pipe',
        stderr: 'pipe',
        // SIGTERM (not the default SIGKILL) so that the script drops its database before it exits.
        gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
      },
});
