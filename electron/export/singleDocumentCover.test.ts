/** A one-document PDF opens with its header block at the top of page 1, in real Chromium. */
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { renderBundleHtml } from './bundleHtml.js';
import { chromiumExecutablePath, chromiumLaunchArguments } from './chromiumLaunch.js';
import { bundleOf, workspaceWith } from './testing/exportFixtures.js';

const files = { 'notes/Launch checklist.md': '# Maya notes\n\nPlanning notes for the Q3 review.\n' };

describe('the header block of a one-document PDF', () => {
  it('starts at the top of the page, with no empty band above it', async () => {
    const bundle = await bundleOf(await workspaceWith(files), {
      specs: [],
      documents: ['notes/Launch checklist.md'],
      include: [],
    });
    const { html } = renderBundleHtml(bundle, { date: new Date('2026-12-07T12:00:00Z') });
    const browser = await chromium.launch({
      executablePath: chromiumExecutablePath(),
      args: chromiumLaunchArguments,
    });
    try {
      const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
      await page.emulateMedia({ media: 'print' });
      await page.setContent(html);
      // Millimetres from the top of the page's text area to the header's first line (this file's types know no DOM).
      const gap = await page.evaluate(`(() => {
        const name = document.querySelector('header.cover-single .workspace');
        return Math.round((name.getBoundingClientRect().top + window.scrollY) / 96 * 25.4);
      })()`);
      expect(gap).toBeLessThan(5);
    } finally {
      await browser.close();
    }
  });
});
