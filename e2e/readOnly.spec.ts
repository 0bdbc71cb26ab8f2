/** A read-only serve looks read-only (issue 16): fields read as text, no save state or placeholders, said once how to edit. */
import { expect, openApp, screenshot, serve, test } from './specbenchTest.js';

test('in a read-only serve nothing looks editable, and the navigator says once how to edit', async ({
  page,
  workspaceDir,
}) => {
  const served = await serve(workspaceDir, false);
  try {
    const app = await openApp(page, served.url);
    await expect(page.getByText('To edit, start it with specbench serve --write.')).toHaveCount(1);
    await app.goto('#/SPEC-1');
    await expect(app.editor).toHaveAttribute('contenteditable', 'false');
    await expect(app.saveState).toHaveCount(0);
    const owner = page.getByRole('textbox', { name: 'Owner' });
    await expect(owner).not.toBeEditable();
    // Shown as text: no box around it and no caret in it.
    await expect(owner).toHaveCSS('border-top-color', 'rgba(0, 0, 0, 0)');
    await expect(owner).toHaveCSS('caret-color', 'rgba(0, 0, 0, 0)');
    await expect(page.getByRole('combobox', { name: 'Status' })).toBeDisabled();
    await expect(page.getByRole('toolbar', { name: 'Formatting' })).toHaveCount(0);
    await screenshot(page, 'read-only-spec');

    await app.goto('#/roadmap/RM-1');
    await expect(page.getByRole('spinbutton', { name: 'Reach' })).toBeDisabled();
    // Description and release note read as text, not as empty-looking boxes.
    await expect(page.getByRole('textbox', { name: /^(Description|Release note)$/ })).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Description' })).toContainText(
      'Let first-time shoppers pay without creating an account.',
    );
    await app.goto('#/roadmap/RM-5');
    await expect(page.getByRole('region', { name: /^Release note/ })).toContainText(
      'No release note: customers see the title alone.',
    );
    await expect(page.getByRole('spinbutton', { name: 'Reach' })).toHaveCSS(
      'background-color',
      'rgba(0, 0, 0, 0)',
    );
    // Filters stay controls: they change what is shown, not the workspace.
    await app.goto('#/feedback');
    await expect(page.getByRole('combobox', { name: 'Source' })).toBeEnabled();
    await expect(page.getByRole('combobox', { name: 'Source' })).not.toHaveCSS(
      'border-top-color',
      'rgba(0, 0, 0, 0)',
    );
  } finally {
    served.process.kill('SIGTERM');
  }
});
