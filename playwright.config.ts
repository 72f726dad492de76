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
/** PW_DIST / PW_PORT / PW_FIXTURE_DIST / PW_FIXTURE_PORT let parallel work test its own builds. */
const port = process.env.PW_PORT ?? '4329';
const fixturePort = process.env.PW_FIXTURE_PORT ?? '4330';
const dist = process.env.PW_DIST ?? 'dist';
const fixtureDist = process.env.PW_FIXTURE_DIST ?? '.tmp/fixture-site/dist';
export const SITE = `http://127.0.0.1:${port}/`;
export const FIXTURE_SITE = `http://127.0.0.1:${fixturePort}/sub/`;
const serve = 'node scripts/serve.ts';

export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  reporter: [['list'], ['json', { outputFile: '.tmp/playwright.json' }]],
  use: { baseURL: SITE, launchOptions },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions } }],
  webServer: [
    { command: `${serve} ${dist} ${port} /`, url: SITE, reuseExistingServer: !process.env.CI, timeout: 60_000 },
    {
      command: `${serve} ${fixtureDist} ${fixturePort} /sub/`,
      url: FIXTURE_SITE,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
  ],
});
