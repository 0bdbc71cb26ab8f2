/**
 * The workspace's files that are not Markdown (images, PDFs, source files), by workspace path: what
 * `![[image.png]]`, `[text](../src/)` and `<img src>` may name. Links are not followed, as git does not.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { isMarkdownPath, skippedFolderNames } from './workspacePaths.js';

/** A folder of more files than this is not a document workspace's: the rest are left out. */
const fileLimit = 200_000;

export function listOtherFiles(root: string): string[] {
  const files: string[] = [];
  const pending = [''];
  while (pending.length > 0 && files.length < fileLimit) {
    const folder = pending.pop()!;
    let entries;
    try {
      entries = readdirSync(path.join(root, folder), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const relative = folder === '' ? entry.name : `${folder}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!skippedFolderNames.has(entry.name)) pending.push(relative);
      } else if (entry.isFile() && !isMarkdownPath(entry.name)) files.push(relative);
    }
  }
  return files.sort();
}
