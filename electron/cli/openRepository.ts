/** Opens the git repository a workspace folder is in, or explains in one line why it cannot (exit 2). */
import type { WorkspaceRepository } from '../git/workspaceRepository.js';
import { checkFolder } from './checkFolder.js';
import { fail, type CliContext } from './cliOutput.js';

export type OpenedRepository = { ok: true; repository: WorkspaceRepository } | { ok: false; code: number };

export async function openRepository(
  context: CliContext,
  command: string,
  dir: string,
): Promise<OpenedRepository> {
  const checked = await checkFolder(context, command, dir);
  if (!checked.ok) return checked;
  const [{ GitMissingError }, { WorkspaceRepository }] = await Promise.all([
    import('../git/gitCommand.js'),
    import('../git/workspaceRepository.js'),
  ]);
  try {
    const opened = await WorkspaceRepository.open(checked.root);
    if (!opened.ok)
      return { ok: false, code: fail(context, `${command}: ${dir} is not in a git repository`) };
    return opened;
  } catch (error) {
    if (error instanceof GitMissingError)
      return { ok: false, code: fail(context, `${command}: ${error.message}`) };
    throw error;
  }
}
