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
const port = 4329;
const base = process.env.BASE ?? '/';

export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  reporter: [['list'], ['json', { outputFile: '.tmp/playwright.json' }]],
  use: { baseURL: `http://127.0.0.1:${port}${base}`, launchOptions },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], launchOptions } }],
  webServer: {
    command: `npx astro preview --host 127.0.0.1 --port ${port}`,
    url: `http://127.0.0.1:${port}${base}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
