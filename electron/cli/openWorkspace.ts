/**
 * Opens the workspace a command names, turning a missing folder, an unreadable workspace or (for
 * commands that judge a workspace) a folder that is none into one line and exit 2.
 */
import path from 'node:path';
import type { Workspace } from '../engine/workspace.js';
import { checkFolder } from './checkFolder.js';
import { fail, type CliContext } from './cliOutput.js';
import { isWorkspaceFolder, workspacesBelow } from './workspaceFolder.js';

export type OpenedWorkspace = { ok: true; workspace: Workspace; root: string } | { ok: false; code: number };

export interface OpenOptions {
  write: boolean;
  /**
   * `check` and `trace` judge a workspace: on a folder without specbench.json they use the one
   * workspace below it, else they refuse a folder without a single keyed document (exit 2) rather
   * than report it clean.
   */
  judging?: boolean;
}

export async function openWorkspace(
  context: CliContext,
  command: string,
  dir: string,
  options: OpenOptions,
): Promise<OpenedWorkspace> {
  const checked = await checkFolder(context, command, dir);
  if (!checked.ok) return checked;
  let root = checked.root;
  let workspace = isWorkspaceFolder(root);
  const below = workspace || options.judging !== true ? [] : workspacesBelow(root);
  if (below.length === 1) {
    root = below[0]!;
    workspace = true;
    context.stderr.write(
      `specbench: ${command}: using the workspace in ${path.relative(context.cwd, root) || '.'}\n`,
    );
  }
  // Loaded on demand so --help, init and usage errors start without the engine.
  const { Workspace } = await import('../engine/workspace.js');
  // One-shot: no watcher. The cache makes the next run fast; a folder that is not a workspace gets none.
  const opened = await Workspace.open(root, { write: options.write, watch: false, cache: workspace });
  if (!opened.ok) return { ok: false, code: fail(context, `${command}: ${dir}: ${opened.message}`) };
  if (!workspace && options.judging === true && !opened.workspace.documents().some((entry) => entry.key)) {
    await opened.workspace.close();
    const shown = (folder: string): string => path.relative(context.cwd, folder) || '.';
    const reason =
      below.length > 1
        ? `it has no specbench.json, and the workspaces below it are ${below.map(shown).join(', ')}: name one`
        : 'it has no specbench.json and no document with a key: in its front matter (name the workspace folder, or start one with specbench init <new folder>)';
    return { ok: false, code: fail(context, `${command}: ${dir} is not a Specbench workspace: ${reason}`) };
  }
  return { ok: true, workspace: opened.workspace, root };
}
