// End-to-end tests against the release build in dist/ (make dist), in Debian's Chromium.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  retries: 0,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: 'http://127.0.0.1:8043/',
    serviceWorkers: 'allow',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-background-networking',
             '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: [
    { command: 'node tests/e2e/serve.mjs dist 8043 /', url: 'http://127.0.0.1:8043/', reuseExistingServer: !process.env.CI },
    { command: 'node tests/e2e/serve.mjs dist 8044 /tools/gap42/', url: 'http://127.0.0.1:8044/tools/gap42/', reuseExistingServer: !process.env.CI },
  ],
});
