/** Where the Open Workspace dialog starts: since Electron 43 it is Downloads unless `defaultPath` is given. */
import path from 'node:path';

/**
 * The folder holding the open workspace, so a sibling is one click away; Documents when nothing is
 * open, or when the open one is the sample copy inside the app's own data folder.
 */
export function openWorkspaceDefaultPath(
  currentRoot: string | undefined,
  folders: { documents: string; userData: string },
): string {
  if (!currentRoot) return folders.documents;
  const inside = path.relative(folders.userData, currentRoot);
  if (inside === '' || (!inside.startsWith('..') && !path.isAbsolute(inside))) return folders.documents;
  return path.dirname(currentRoot);
}
