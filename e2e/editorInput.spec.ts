import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect, test } from './specbenchTest.js';

test('[[ autocompletes keys and writes a reference; / inserts blocks', async ({ app, workspaceDir }) => {
  await app.openDocument('specs/guest-checkout.md');
  await app.clickEndOf('Cut the time to complete checkout on mobile');
  await app.page.keyboard.type(' See [[saved pay');
  const options = app.page.getByRole('listbox', { name: 'Link to' });
  await expect(options.getByRole('option', { name: /SPEC-2/ })).toBeVisible();
  await app.page.keyboard.press('Enter');
  await expect(app.editor.locator('[data-reference-key="SPEC-2"]')).toBeVisible();
  await app.page.keyboard.press('Enter');
  await app.page.keyboard.press('Enter');
  await app.page.keyboard.type('/task');
  await expect(
    app.page.getByRole('listbox', { name: 'Insert block' }).getByRole('option', { name: 'Task list' }),
  ).toBeVisible();
  await app.page.keyboard.press('Enter');
  await app.page.keyboard.type('Given a task, when typed, then it is a checkbox.');
  await app.waitSaved();
  const text = await fs.readFile(path.join(workspaceDir, 'specs/guest-checkout.md'), 'utf8');
  expect(text).toContain('by at least 30 seconds. See [[SPEC-2]]');
  expect(text).toContain('- [ ] Given a task, when typed, then it is a checkbox.');
});

test('[[REQ-2]] and [[Note]] typed to the end, past the autocomplete, are links, not escaped brackets', async ({
  app,
  workspaceDir,
}) => {
  await app.openDocument('specs/guest-checkout.md');
  await app.clickEndOf('Cut the time to complete checkout on mobile');
  await app.page.keyboard.type(' See [[REQ-2]] and [[Pay as a guest|the story]].');
  await expect(app.editor.locator('[data-reference-key="REQ-2"]')).toBeVisible();
  await app.waitSaved();
  const text = await fs.readFile(path.join(workspaceDir, 'specs/guest-checkout.md'), 'utf8');
  expect(text).toContain('by at least 30 seconds. See [[REQ-2]] and [[Pay as a guest|the story]].');
});

test('a pasted image is saved under assets/ and linked relatively', async ({ app, workspaceDir }) => {
  await app.openDocument('specs/guest-checkout.md');
  await app.clickEndOf('Cut the time to complete checkout on mobile');
  await app.pasteImage(
    await fs.readFile(path.join(workspaceDir, 'assets', 'checkout-flow.png')),
    'flow diagram.png',
  );
  // The spec already shows checkout-flow.png: wait for the pasted one, by its name.
  await expect(app.editor.getByRole('img', { name: 'flow diagram' })).toBeVisible();
  await app.waitSaved();
  const text = await fs.readFile(path.join(workspaceDir, 'specs/guest-checkout.md'), 'utf8');
  const link = /!\[flow diagram\]\((\.\.\/assets\/[^)]+)\)/.exec(
    text.split('## Non-goals')[0]!.split('## Goals')[1]!,
  );
  expect(link?.[1]).toMatch(/^\.\.\/assets\/.+\.png$/);
  await expect(fs.stat(path.join(workspaceDir, 'specs', decodeURI(link![1]!)))).resolves.toBeTruthy();
});

test('while a pasted image is being written the document is not Saved, and leaving it then keeps the image', async ({
  app,
  workspaceDir,
}) => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await app.page.route('**/api/saveAsset', async (route) => {
    await held;
    await route.continue();
  });
  await app.openDocument('specs/guest-checkout.md');
  await app.clickEndOf('Cut the time to complete checkout on mobile');
  const asked = app.page.waitForRequest('**/api/saveAsset');
  await app.pasteImage(await fs.readFile(path.join(workspaceDir, 'assets', 'checkout-flow.png')), 'held.png');
  await asked;
  await expect(app.saveState).toHaveText('Unsaved');
  // Away to another document while the image is still on its way: it must still land in this one.
  await app.goto('#/doc/faqs/saved-cards-faq.md');
  release();
  await expect(app.title).toHaveValue('Saved cards FAQ');
  await app.waitSaved();
  const text = await fs.readFile(path.join(workspaceDir, 'specs/guest-checkout.md'), 'utf8');
  expect(text).toMatch(
    /Cut the time to complete checkout on mobile[^\n]*!\[held\]\(\.\.\/assets\/[^)]+\.png\)/,
  );
});

test('pasted HTML keeps links to the web, mail and the workspace and workspace images, and nothing else', async ({
  app,
  workspaceDir,
}) => {
  await app.openDocument('specs/guest-checkout.md');
  await app.clickEndOf('Cut the time to complete checkout on mobile');
  await app.page.keyboard.press('Enter');
  await app.pasteHtml(
    [
      '<p>Pasted: <a href="https://example.com/docs">web</a> <a href="mailto:pm@example.com">mail</a>',
      '<a href="../faqs/guest-checkout-pr-faq.md">faq</a> <a href="#goals">anchor</a>',
      '<a href="ftp://example.com/x">ftp</a> <a href="JaVaScRiPt&colon;alert(1)">js</a>',
      '<a href="data:text/html,x">data</a> <b style="color:red" onclick="alert(1)">bold</b> end.</p>',
      '<p><img src="../assets/checkout-flow.png" alt="flow"><img src="https://example.com/x.png" alt="remote">',
      '<img src="data:image/png;base64,AAAA" alt="inline"></p>',
    ].join(' '),
  );
  await expect(app.editor).toContainText('bold end.');
  await app.waitSaved();
  const text = await fs.readFile(path.join(workspaceDir, 'specs/guest-checkout.md'), 'utf8');
  // The cursor sat in the Goals list, so the paste lands as a list item; the remote and data: images are gone.
  expect(text.split('\n').filter((line) => line.includes('Pasted:') || line.includes('![flow]'))).toEqual([
    '- Pasted: [web](https://example.com/docs) [mail](mailto:pm@example.com) [faq](../faqs/guest-checkout-pr-faq.md) [anchor](#goals) ftp js data **bold** end.',
    '  ![flow](../assets/checkout-flow.png)',
  ]);
  expect(text).not.toMatch(/!\[(remote|inline)\]|example\.com\/x|data:|ftp:|javascript:|style=|onclick/i);
});
