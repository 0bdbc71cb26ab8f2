/**
 * Keys of the documents waiting in `.specbench/trash/`. A new document must not take one: Undo (or a
 * restore) would bring the deleted document back beside it under the same key, and links to the
 * deleted one would lead to the new one meanwhile.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { splitDocumentQuickly } from './plainFrontMatter.js';

/** Past this a file in the trash is not read for its key (no document's front matter is this far in). */
const largestRead = 1024 * 1024;

export async function keysInTrash(root: string): Promise<string[]> {
  const trash = path.join(root, '.specbench', 'trash');
  const names = await fs.readdir(trash, { recursive: true }).catch(() => [] as string[]);
  const keys = await Promise.all(
    names.filter((name) => name.endsWith('.md')).map((name) => keyOf(path.join(trash, name))),
  );
  return keys.filter((key): key is string => key !== undefined);
}

async function keyOf(file: string): Promise<string | undefined> {
  // Only plain files: a symbolic link in the trash is not followed out of it.
  const stat = await fs.lstat(file).catch(() => undefined);
  if (!stat?.isFile() || stat.size > largestRead) return undefined;
  try {
    const key = splitDocumentQuickly(await fs.readFile(file, 'utf8')).frontMatter?.data.key;
    return typeof key === 'string' && key.trim() ? key.trim() : undefined;
  } catch {
    // Unreadable or malformed front matter: it names no key to keep free.
    return undefined;
  }
}
