/** A story's Copy link names the view it was copied from, so a colleague on other settings lands there too. */
import type { Browser, BrowserContext } from '@playwright/test';
import { expect, openApp, serve, test } from './specbenchTest.js';

async function copiedLink(context: BrowserContext, url: string, hash: string): Promise<string> {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const sender = await openApp(await context.newPage(), url);
  await sender.goto(hash);
  const copy = sender.page.getByRole('button', { name: 'Copy link to STORY-4' });
  await copy.click();
  await expect(copy).toHaveText('Link copied');
  return sender.page.evaluate(() => navigator.clipboard.readText());
}

/** A fresh browser (default settings) signed in to `url`, then opening `link`. */
async function openInFreshBrowser(browser: Browser, url: string, link: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openApp(page, url);
  await page.goto(link);
  await page.locator('body[data-ready=true]').waitFor();
  return { context, page };
}

test('Copy link on the engineer view opens the engineer view in a colleague’s fresh browser; from the editor, the editor where they may edit', async ({
  browser,
  served,
  workspaceDir,
}) => {
  test.setTimeout(60_000);
  const sender = await browser.newContext();
  const readOnly = await serve(workspaceDir, false);
  const opened: BrowserContext[] = [sender];
  try {
    // The sender browses stories in the engineer view; the colleague's browser opens the editor by default.
    const fromEngineer = await copiedLink(sender, served.url, '#/STORY-4?view=engineer');
    expect(fromEngineer).toMatch(/#\/STORY-4\?view=engineer$/);
    const colleague = await openInFreshBrowser(browser, served.url, fromEngineer);
    opened.push(colleague.context);
    await expect(colleague.page.getByRole('link', { name: /^Edit story/ })).toBeVisible();
    await expect(colleague.page.getByRole('heading', { level: 1 })).toHaveText(
      'Create an account after ordering',
    );

    const fromEditor = await copiedLink(sender, served.url, '#/STORY-4?view=editor');
    expect(fromEditor).toMatch(/#\/STORY-4\?view=editor$/);
    await colleague.page.goto(fromEditor);
    await expect(colleague.page.getByRole('textbox', { name: 'Title' })).toHaveValue(
      'Create an account after ordering',
    );

    // On a read-only serve the editor link opens what the reader can use: the engineer view.
    const reader = await openInFreshBrowser(
      browser,
      readOnly.url,
      fromEditor.replace(new URL(served.url).origin, new URL(readOnly.url).origin),
    );
    opened.push(reader.context);
    await expect(reader.page.getByRole('heading', { level: 1 })).toHaveText(
      'Create an account after ordering',
    );
    await expect(reader.page.getByRole('region', { name: 'Acceptance criteria' })).toBeVisible();
  } finally {
    for (const context of opened) await context.close();
    readOnly.process.kill('SIGTERM');
  }
});
