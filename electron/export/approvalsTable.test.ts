import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { renderBundleHtml } from './bundleHtml.js';
import { chromiumExecutablePath, chromiumLaunchArguments } from './chromiumLaunch.js';
import { bundleOf, workspaceWith } from './testing/exportFixtures.js';

const approval = (by: string) =>
  `  - {by: ${by}, email: ${by.toLowerCase().replace(/ /g, '.')}@a-very-long-company-domain.example, at: 2026-11-20T09:00:00Z, fingerprint: 0000aaaa}\n`;
const files = {
  'specs/pay.md': `---\nkey: SPEC-1\ntype: spec\ntitle: Pay\nstatus: approved\napprovals:\n${approval('Dana Whitfield-Montgomery')}${approval('Alexandra Konstantinopoulou')}---\n## Problem\n\n:::requirement{#REQ-1 priority=must}\nPay by card.\n:::\n`,
};

describe('the approvals table of a PDF cover', () => {
  it('never breaks a key or a date across lines, however long the names beside them', async () => {
    const bundle = await bundleOf(await workspaceWith(files), { specs: ['SPEC-1'], include: [] });
    const { html } = renderBundleHtml(bundle, { date: new Date('2026-11-25T12:00:00Z') });
    const browser = await chromium.launch({
      executablePath: chromiumExecutablePath(),
      args: chromiumLaunchArguments,
    });
    try {
      // About the width of an A4 page's text column in print.
      const page = await browser.newPage({ viewport: { width: 560, height: 900 } });
      await page.emulateMedia({ media: 'print' });
      await page.setContent(html);
      // Lines each key and date cell's text takes, evaluated in the page (this file's types know no DOM).
      const lines =
        await page.evaluate(`[...document.querySelectorAll('table.approvals tbody tr')].map((row) =>
        [0, 2].map((column) => {
          const range = document.createRange();
          range.selectNodeContents(row.cells[column]);
          return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
        }))`);
      expect(lines).toEqual([
        [1, 1],
        [1, 1],
      ]);
    } finally {
      await browser.close();
    }
  });
});
