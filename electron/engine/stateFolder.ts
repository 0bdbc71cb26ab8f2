/**
 * `.specbench/`: Specbench's local state inside a folder it opens (index cache, roadmap lock,
 * transaction journals, trash). It is never shared: whoever creates it first gives it a `.gitignore`
 * that ignores everything, so it stays out of `git status` in a Specbench workspace and in a vault or
 * repository that never heard of Specbench alike.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './atomicFile.js';

export const stateFolderName = '.specbench';

/**
 * Makes `<root>/.specbench/` (and its `.gitignore`) when missing; answers the folder's path. Never
 * the root itself: a cache written just after the workspace was deleted must not bring it back.
 */
export async function ensureStateFolder(root: string): Promise<string> {
  const folder = path.join(root, stateFolderName);
  await fs.mkdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EEXIST') throw error;
  });
  const ignore = path.join(folder, '.gitignore');
  if (!(await fs.stat(ignore).catch(() => undefined))) await writeFileAtomic(ignore, '*\n');
  return folder;
}
