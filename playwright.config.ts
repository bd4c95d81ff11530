import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.ts';

const port = Number(process.env.E2E_PORT ?? 4399);

// End-to-end tests drive the built site (dist/, from `npm run build`) in Debian's Chromium.
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  // Sized for a busy 2-core machine (CI shares its cores with the build and the browser): a lazily loaded island
  // that appears in 1 s on a quiet machine can take 10 s under load, so an assertion waits up to 15 s by default.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
    trace: 'off',
    // The service worker precaches the whole site in every fresh context; only tests/e2e/offline.spec.ts,
    // which is about it, lets it run, so the other tests see the network as they always have.
    serviceWorkers: 'block',
  },
  webServer: {
    // E2E_DIST tests a build made into another folder (astro build --outDir), so two builds never share dist/.
    command: `npx astro preview --host 127.0.0.1 --port ${port}${process.env.E2E_DIST ? ` --outDir ${process.env.E2E_DIST}` : ''}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
