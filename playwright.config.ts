import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/** Debian's Chromium; Playwright's own browser only where that is absent. */
const exe = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const launchOptions = existsSync(exe)
  ? {
      executablePath: exe,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    }
  : {};

/** The shipped site (dist/, base /) and the fixture site (.tmp/fixture-site/dist, base /sub/). */
export const SITE = 'http://127.0.0.1:4329/';
export const FIXTURE_SITE = 'http://127.0.0.1:4330/sub/';
const serve = 'node scripts/serve.ts';

export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  reporter: [['list'], ['json', { outputFile: '.tmp/playwright.json' }]],
  use: { baseURL: SITE, launchOptions },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions } }],
  webServer: [
    { command: `${serve} dist 4329 /`, url: SITE, reuseExistingServer: !process.env.CI, timeout: 60_000 },
    {
      command: `${serve} .tmp/fixture-site/dist 4330 /sub/`,
      url: FIXTURE_SITE,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});
