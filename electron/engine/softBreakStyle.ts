/**
 * How a workspace shows a soft line break (a single newline inside a paragraph). GitHub and CommonMark
 * show it as a space; Obsidian shows it as a line break unless its "Strict line breaks" setting is on
 * (`strictLineBreaks` in `.obsidian/app.json`). A vault's notes are written to be read the Obsidian
 * way, so a folder with an `.obsidian` settings folder is shown as Obsidian would show it.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { SoftBreakStyle } from '../../shared/contract/apiContract.js';

/** Larger than any real `app.json`; a bigger file is not read. */
const settingsSizeLimit = 256 * 1024;

export async function softBreakStyleOf(root: string): Promise<SoftBreakStyle> {
  const settingsFolder = path.join(root, '.obsidian');
  try {
    if (!(await stat(settingsFolder)).isDirectory()) return 'space';
  } catch {
    return 'space';
  }
  return (await strictLineBreaks(path.join(settingsFolder, 'app.json'))) ? 'space' : 'line';
}

/** Obsidian's setting, false (its default) when the file is missing, too large or not JSON. */
async function strictLineBreaks(file: string): Promise<boolean> {
  try {
    if ((await stat(file)).size > settingsSizeLimit) return false;
    const settings: unknown = JSON.parse(await readFile(file, 'utf8'));
    return (
      typeof settings === 'object' &&
      settings !== null &&
      (settings as Record<string, unknown>).strictLineBreaks === true
    );
  } catch {
    return false;
  }
}
