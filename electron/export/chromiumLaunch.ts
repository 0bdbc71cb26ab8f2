/** How every headless Chromium here starts: the system one, never a download, no background traffic. */
import { existsSync } from 'node:fs';

export const systemChromium = '/usr/bin/chromium';

export const chromiumLaunchArguments = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** `SPECBENCH_CHROMIUM` names another Chromium; otherwise Debian's if present, else none (Playwright's own). */
export function chromiumExecutablePath(): string | undefined {
  return process.env.SPECBENCH_CHROMIUM ?? (existsSync(systemChromium) ? systemChromium : undefined);
}
