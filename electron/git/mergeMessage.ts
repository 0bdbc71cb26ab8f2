/**
 * The message a stopped merge will be committed with: git's MERGE_MSG without its comment lines
 * ("# Conflicts:" and the files under it), which git removes only when an editor was used.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

export async function mergeMessage(gitDir: string): Promise<string | undefined> {
  const text = await fs.readFile(path.join(gitDir, 'MERGE_MSG'), 'utf8').catch(() => undefined);
  return text === undefined ? undefined : cleanMessage(text);
}

/** A commit message as git's `--cleanup=strip` leaves it: no `#` lines, no trailing spaces or blank lines at the ends. */
export function cleanMessage(text: string): string {
  return text
    .split(/\r?\n/)
    .filter((line) => !line.startsWith('#'))
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
