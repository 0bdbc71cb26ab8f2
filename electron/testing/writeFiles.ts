/** Test folders: `files` (path → content) written under `root`, making folders as needed. */
import { promises as fs } from 'node:fs';
import path from 'node:path';

export async function writeFiles(
  root: string,
  files: Readonly<Record<string, string | Uint8Array>>,
): Promise<void> {
  for (const [file, content] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await fs.writeFile(path.join(root, file), content);
  }
}
