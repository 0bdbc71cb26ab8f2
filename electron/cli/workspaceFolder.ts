/**
 * Whether a folder is a Specbench workspace (it has specbench.json), the workspace a subfolder is in
 * and the workspaces below one that is not, found the way git finds a repository: so `specbench
 * check .` in specs/ checks the whole workspace, and at a repository's root the one inside it,
 * instead of passing quietly on a folder of nothing.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { CliStreams } from './cliOutput.js';
import { settingsFileName } from '../engine/settingsStore.js';
import { skippedFolderNames } from '../engine/workspacePaths.js';

/** How deep below the named folder workspaces are looked for, and how many folders at most. */
const searchDepth = 4;
const folderLimit = 5_000;

export function isWorkspaceFolder(root: string): boolean {
  return existsSync(path.join(root, settingsFileName));
}

/** The nearest folder above `folder` (not `folder` itself) holding a specbench.json, as git finds .git. */
export function workspaceAbove(folder: string): string | undefined {
  let current = folder;
  for (let parent = path.dirname(current); parent !== current; parent = path.dirname(current)) {
    current = parent;
    if (isWorkspaceFolder(current)) return current;
  }
  return undefined;
}

/** Folders below `root` (not `root` itself) holding a specbench.json, nearest first; hidden folders are skipped. */
export function workspacesBelow(root: string): string[] {
  const found: string[] = [];
  let level = [root];
  let visited = 0;
  for (let depth = 1; depth <= searchDepth && level.length > 0; depth++) {
    const next: string[] = [];
    for (const folder of level) {
      let entries;
      try {
        entries = readdirSync(folder, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const entry of entries) {
        if (!entry.isDirectory() || entry.name.startsWith('.') || skippedFolderNames.has(entry.name))
          continue;
        if (++visited > folderLimit) return found.sort();
        const child = path.join(folder, entry.name);
        if (isWorkspaceFolder(child)) found.push(child);
        else next.push(child);
      }
    }
    level = next;
  }
  return found.sort();
}

/**
 * The workspace a folder stands for: itself, or the workspace it is inside (named on stderr, as
 * openWorkspace does); a folder in none is taken as it is.
 */
export function workspaceRoot(context: CliStreams, command: string, dir: string, root: string): string {
  if (isWorkspaceFolder(root)) return root;
  const above = workspaceAbove(root);
  if (above === undefined) return root;
  const shown = path.join(dir, path.relative(root, above));
  context.stderr.write(`specbench: ${command}: using the workspace in ${shown}\n`);
  return above;
}
