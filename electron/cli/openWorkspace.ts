/** Opens the workspace a command names, turning a missing folder or an unreadable workspace into one line and exit 2. */
import type { Workspace } from '../engine/workspace.js';
import { checkFolder } from './checkFolder.js';
import { fail, type CliContext } from './cliOutput.js';

export type OpenedWorkspace = { ok: true; workspace: Workspace; root: string } | { ok: false; code: number };

export async function openWorkspace(
  context: CliContext,
  command: string,
  dir: string,
  options: { write: boolean },
): Promise<OpenedWorkspace> {
  const checked = await checkFolder(context, command, dir);
  if (!checked.ok) return checked;
  const root = checked.root;
  // The CLI is one-shot: no watcher; the cache makes the next run fast and is never the truth.
  // Loaded on demand so --help, init and usage errors start without the engine.
  const { Workspace } = await import('../engine/workspace.js');
  const opened = await Workspace.open(root, { write: options.write, watch: false, cache: true });
  if (!opened.ok) return { ok: false, code: fail(context, `${command}: ${dir}: ${opened.message}`) };
  return { ok: true, workspace: opened.workspace, root };
}
