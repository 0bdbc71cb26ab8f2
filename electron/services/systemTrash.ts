/**
 * Delete on the desktop ends in the system trash. A deleted document first waits in
 * `.specbench/trash/<time>/` so the notice's Undo can put it back; when the notice goes (or at the next
 * open, for one left when the app quit) it moves on to the system trash (Electron's shell.trashItem).
 * Browser mode has no system trash to reach: there the file stays in `.specbench/trash/`.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** Moves one file or folder to the operating system's trash (Electron's shell.trashItem). */
export type MoveToSystemTrash = (absolutePath: string) => Promise<void>;

const trashFolder = path.join('.specbench', 'trash');

/** Sends `trashedTo` (a path answered by trashDocument) on to the system trash; answers why not, or undefined. */
export async function releaseToSystemTrash(
  root: string,
  trashedTo: string,
  moveToSystemTrash: MoveToSystemTrash,
): Promise<string | undefined> {
  const trash = path.join(root, trashFolder);
  const absolute = path.resolve(root, trashedTo);
  const stamp = path.relative(trash, absolute).split(path.sep)[0];
  if (!stamp || stamp === '..' || path.isAbsolute(path.relative(trash, absolute)))
    return `${trashedTo} is not in .specbench/trash/.`;
  if (!(await fs.lstat(absolute).catch(() => undefined)))
    return `${trashedTo} is no longer in .specbench/trash/.`;
  try {
    await moveToSystemTrash(absolute);
  } catch (error) {
    return `Could not move ${trashedTo} to the system trash: ${error instanceof Error ? error.message : String(error)}`;
  }
  await removeEmptyFolders(path.dirname(absolute), trash);
  return undefined;
}

/** Sends everything left in `.specbench/trash/` on to the system trash (at open, after a quit mid-notice). */
export async function sweepToSystemTrash(
  root: string,
  moveToSystemTrash: MoveToSystemTrash,
): Promise<number> {
  const trash = path.join(root, trashFolder);
  const stamps = await fs.readdir(trash).catch(() => [] as string[]);
  let moved = 0;
  for (const stamp of stamps) {
    const folder = path.join(trash, stamp);
    try {
      await moveToSystemTrash(folder);
      moved++;
    } catch {
      // Left where it is, still safe; the next open tries again.
    }
  }
  return moved;
}

/** Removes the now-empty folders between `folder` and the trash (rmdir refuses any that is not empty). */
async function removeEmptyFolders(folder: string, trash: string): Promise<void> {
  while (folder.startsWith(trash + path.sep)) {
    if (
      !(await fs.rmdir(folder).then(
        () => true,
        () => false,
      ))
    )
      return;
    folder = path.dirname(folder);
  }
}
