import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { bundleStyles } from './bundleStyles.js';
import { chromiumExecutablePath, chromiumLaunchArguments } from './chromiumLaunch.js';

describe('code in an export', () => {
  it('shows the characters written: no ligature turns => or --> into an arrow', async () => {
    const browser = await chromium.launch({
      executablePath: chromiumExecutablePath(),
      args: chromiumLaunchArguments,
    });
    try {
      const page = await browser.newPage();
      await page.setContent(
        `<!doctype html><style>${bundleStyles}</style><p><code>a => b</code></p><pre><code>x --> y</code></pre>`,
      );
      // Evaluated in the page (this file's types know no DOM).
      const ligatures = await page.evaluate(
        "[...document.querySelectorAll('code, pre')].map((element) => getComputedStyle(element).fontVariantLigatures)",
      );
      expect(ligatures).toEqual(['none', 'none', 'none']);
    } finally {
      await browser.close();
    }
  });
});
