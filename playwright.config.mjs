// End-to-end tests against the release build in dist/ (make dist), in Debian's Chromium.
import { defineConfig } from '@playwright/test';

// GAP42_DIST and GAP42_PORT let several builds be tested side by side (default dist/ on 8043;
// the same files under the sub-path /tools/gap42/ on the next port).
const dist = process.env.GAP42_DIST || 'dist';
const port = +(process.env.GAP42_PORT || 8043);

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  retries: 0,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    serviceWorkers: 'allow',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-background-networking',
             '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: [
    { command: `node tests/e2e/serve.mjs ${dist} ${port} /`, url: `http://127.0.0.1:${port}/`, reuseExistingServer: false },
    { command: `node tests/e2e/serve.mjs ${dist} ${port + 1} /tools/gap42/`, url: `http://127.0.0.1:${port + 1}/tools/gap42/`, reuseExistingServer: false },
  ],
});
