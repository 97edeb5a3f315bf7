import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// End-to-end tests run the built app (`next start`) against a fresh Postgres database that
// e2e/global-setup.ts creates, migrates and fills with demo calls through the real webhooks.
// Debian's Chromium is used where present: Playwright cannot download its own browser here.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3107);
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  // A test is a scenario of 10 to 40 steps, each waiting on what the page shows. On the 2-core CI
  // machine shared with other builds (load 12 to 18) such scenarios took 23 to 33 s and failed at
  // 30 s with no step wrong; the bound on the whole is therefore 90 s. A single wait keeps 10 s,
  // except a chart's first draw (e2e/charts.ts).
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results/e2e',
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? systemChromium,
      // Chromium otherwise keeps dialling hosts this network refuses.
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'],
    },
  },
});
