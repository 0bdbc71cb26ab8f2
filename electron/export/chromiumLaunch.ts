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

/**
 * A Chromium or Playwright failure in words: its first line without Playwright's method prefix
 * (`browserType.launch: `, `page.pdf: `), and a closed browser said as such.
 */
export function chromiumFailure(error: unknown): string {
  const line = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.trim();
  const reason = line.replace(/^(?:[a-z][A-Za-z]*\.[a-z][A-Za-z]*: )+/, '');
  if (/Target page, context or browser has been closed|Browser closed|has been closed/i.test(reason))
    return 'Chromium closed before the print was done';
  return reason;
}
