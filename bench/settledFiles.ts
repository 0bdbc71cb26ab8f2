/**
 * Waits until no document is too recent for the index cache to trust. The cache re-reads every file
 * whose mtime lies within `racyWindowMs` of the listing it was written from (it may have changed
 * again within one mtime tick), so a cache primed right after the files were written answers for none
 * of them: a freshly generated workspace made the warm measurement fail on a fresh machine.
 */
import { racyWindowMs } from '../electron/engine/indexCache.js';
import { listQuickly } from '../electron/engine/loadWorkspaceFiles.js';

/** Past the window by this much, so the open that follows is clear of it. */
const marginMs = 100;

/** Resolves once every Markdown file under `root` is older than the racy window; returns the milliseconds waited. */
export async function waitForSettledFiles(root: string): Promise<number> {
  // The quick listing gives up at a symbolic link: then any file may be new, so the whole window is waited.
  const newest = Math.max(0, ...(listQuickly(root)?.map((file) => file.mtimeMs) ?? [Date.now()]));
  const wait = Math.max(0, newest + racyWindowMs + marginMs - Date.now());
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  return wait;
}
