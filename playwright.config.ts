import { defineConfig } from '@playwright/test';
import { chromiumLaunchArguments, systemChromium } from './electron/export/chromiumLaunch.js';

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e',
  // The machines have two cores shared with other work; each test starts its own server.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 45_000,
  expect: { timeout: 7_000 },
  reporter: [['list']],
  use: {
    headless: true,
    viewport: { width: 1440, height: 900 },
    // Never download browsers: the system Chromium, headless, with no background network traffic.
    launchOptions: {
      executablePath: process.env.SPECBENCH_CHROMIUM ?? systemChromium,
      args: chromiumLaunchArguments,
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  // Globs here match absolute paths, so 'electron/**' also matched every spec under a checkout whose
  // path holds an 'electron' folder: each project names its folder instead.
  projects: [
    { name: 'browser', testIgnore: [/[\\/]e2e[\\/]electron[\\/]/] },
    { name: 'electron', testDir: 'e2e/electron' },
  ],
});
