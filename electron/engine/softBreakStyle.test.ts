import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { softBreakStyleOf } from './softBreakStyle.js';
import { writeFiles } from '../testing/writeFiles.js';

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => fs.rm(folder, { recursive: true, force: true })));
});

/** A workspace folder holding `files` (path → text). */
async function folderWith(files: Record<string, string>): Promise<string> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'specbench-soft-breaks-'));
  folders.push(root);
  await writeFiles(root, files);
  return root;
}

describe('softBreakStyleOf', () => {
  it('shows a newline as a space outside an Obsidian vault, as GitHub does', async () => {
    expect(await softBreakStyleOf(await folderWith({ 'a.md': 'One\nTwo\n' }))).toBe('space');
  });

  it("shows it as a line break in a vault with Obsidian's default settings", async () => {
    expect(await softBreakStyleOf(await folderWith({ '.obsidian/app.json': '{}' }))).toBe('line');
    expect(await softBreakStyleOf(await folderWith({ '.obsidian/workspace.json': '{}' }))).toBe('line');
  });

  it('follows "Strict line breaks" when the vault turned it on', async () => {
    const strict = await folderWith({ '.obsidian/app.json': '{"strictLineBreaks": true}' });
    expect(await softBreakStyleOf(strict)).toBe('space');
    const loose = await folderWith({ '.obsidian/app.json': '{"strictLineBreaks": false}' });
    expect(await softBreakStyleOf(loose)).toBe('line');
  });

  it("reads a broken settings file as Obsidian's defaults and a file named .obsidian as no vault", async () => {
    expect(await softBreakStyleOf(await folderWith({ '.obsidian/app.json': '{"strictLine' }))).toBe('line');
    expect(await softBreakStyleOf(await folderWith({ '.obsidian': 'not a folder' }))).toBe('space');
  });
});
