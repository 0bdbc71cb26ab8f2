/**
 * Notes with the same name, missing targets and the quick switcher in a vault, from the walkthrough
 * of issue 11: a second Settings note never takes links over silently, a link two notes answer to
 * equally is marked and offers both, and anything missing (a note, a heading, an image, a video)
 * reads as missing everywhere.
 */
import path from 'node:path';
import { expect, testOverFiles } from './specbenchTest.js';

const vault: Record<string, string> = {
  'Home.md': [
    'Open [[Settings]] or [[User interface/Settings|the real one]].',
    '',
    'Plans: [[Plan#Goals]] and [[Plan#Nope heading]].',
    '',
    '![[obsidian-cli.mp4#interface]]',
    '',
    '![[Engelbart.jpg]]',
    '',
  ].join('\n'),
  'User interface/Settings.md': '# Settings\n\nEvery option Obsidian has.\n',
  'Maya/Settings.md': '# My settings\n\nMaya’s own.\n',
  'Plan.md': '# Goals\n\nShip it.\n',
  'Extending Obsidian/Obsidian CLI.md': '# Obsidian CLI\n',
  'Obsidian Web Clipper/Clip web pages.md': '# Clip web pages\n',
};

const test = testOverFiles(vault);

const shots = (name: string) => path.join('test-results', 'screenshots', `${name}.png`);

test('a name two notes share is marked on its link, offers both, and is mentioned by both', async ({
  app,
}) => {
  await app.openDocument('Home.md');
  const ambiguous = app.editor.getByRole('link', { name: 'Settings', exact: true });
  await expect(ambiguous.locator('..')).toHaveClass(/\bambiguous\b/);
  await expect(app.editor.getByRole('link', { name: 'the real one' }).locator('..')).not.toHaveClass(
    /ambiguous|broken/,
  );
  await ambiguous.hover();
  const preview = app.page.getByRole('tooltip').filter({ hasText: '2 notes are named Settings' });
  await expect(preview.getByRole('link')).toHaveText(['Maya/Settings', 'User interface/Settings']);
  await app.page.screenshot({ path: shots('vault-ambiguous-link') });
  await preview.getByRole('link', { name: 'User interface/Settings' }).click();
  await expect(app.page).toHaveURL(/#\/doc\/User%20interface\/Settings\.md/);
  const mentionedBy = app.links.getByRole('region', { name: 'Mentioned by' });
  // Home also links to it by path on that line: a definite mention, not an ambiguous one.
  await expect(mentionedBy.getByRole('listitem')).toHaveText(['Home']);
  await app.openDocument('Maya/Settings.md');
  await expect(mentionedBy.getByRole('listitem')).toHaveText(['Homeambiguous name']);
});

test('a missing heading, video or image reads as missing in the editor and the Links panel', async ({
  app,
}) => {
  await app.openDocument('Home.md');
  await expect(app.editor.getByRole('link', { name: 'Plan › Goals' }).locator('..')).not.toHaveClass(
    /broken/,
  );
  const noHeading = app.editor.getByRole('link', { name: 'Plan › Nope heading' });
  await expect(noHeading.locator('..')).toHaveClass(/\bbroken\b/);
  await noHeading.hover();
  await expect(app.page.getByRole('tooltip').filter({ hasText: 'No heading' })).toHaveText(
    /No heading “Nope heading” in Plan/,
  );
  await app.page.screenshot({ path: shots('vault-missing-heading') });
  await expect(app.editor.getByRole('img', { name: 'Missing embed: obsidian-cli.mp4' })).toHaveText(
    'File not found: obsidian-cli.mp4',
  );
  await expect(app.editor.getByRole('img', { name: 'Missing embed: Engelbart.jpg' })).toHaveText(
    'Image not found: Engelbart.jpg',
  );
  const linksTo = app.links.getByRole('region', { name: 'Links to' });
  await expect(linksTo.getByRole('listitem')).toHaveText([
    // Two notes are titled Settings, so each names its folder (the Links panel since 00c9dc9).
    'SettingsMaya/ambiguous name',
    'SettingsUser interface/',
    'Plan',
    'obsidian-cli.mp4 Not found in this workspace',
    'Engelbart.jpg Not found in this workspace',
  ]);
  // toHaveText trims; the text itself has no stray space before a title shown without a key.
  expect(await linksTo.getByRole('listitem').allTextContents()).toEqual([
    'SettingsMaya/ambiguous name',
    'SettingsUser interface/',
    'Plan',
    'obsidian-cli.mp4 Not found in this workspace',
    'Engelbart.jpg Not found in this workspace',
  ]);
  await app.page.screenshot({ path: shots('vault-missing-links'), fullPage: true });
});

test('the quick switcher finds a path and puts a whole word before a word it starts', async ({ app }) => {
  await app.openDocument('Plan.md');
  const switcher = app.page.getByRole('dialog', { name: 'Quick switcher' });
  await app.page.keyboard.press('Control+P');
  await switcher.getByRole('combobox').fill('cli');
  await expect(switcher.getByRole('option')).toHaveText([/^DocObsidian CLI/, /^DocClip web pages/]);
  await switcher.getByRole('combobox').fill('Maya/Settings');
  await expect(switcher.getByRole('option')).toHaveText([/Maya\/Settings\.md/]);
  await app.page.screenshot({ path: shots('vault-switcher-path') });
  await app.page.keyboard.press('Enter');
  await expect(app.title).toHaveValue('Settings');
  await expect(app.page).toHaveURL(/#\/doc\/Maya\/Settings\.md/);
});
