/**
 * For tests of the app's git methods: a bare remote and two clones of the sample workspace, Dana's
 * pushed first and Sam's cloned from it, each with the merge driver installed and a git identity,
 * and one service per clone, as the app holds one (a second would find the roadmap locked).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseCall, type MethodName, type MethodOutput } from '../../../shared/contract/apiContract.js';
import { sampleWorkspaceFolder } from '../../cli/packageRoot.js';
import { Workspace } from '../../engine/workspace.js';
import { createGitSandbox, runSpecbenchIn, type GitSandbox } from '../../git/testing/gitSandbox.js';
import { WorkspaceService } from '../workspaceService.js';

export interface SampleTeam {
  sandbox: GitSandbox;
  dana: string;
  sam: string;
  /**
   * The service for a clone, opened for writing the first time it is asked for; `reopen` closes it and
   * opens the clone again, as the app does when started anew (it reads files written behind its back).
   */
  serviceFor(folder: string, reopen?: 'reopen'): Promise<WorkspaceService>;
  /** Closes every workspace opened and removes the sandbox. */
  close(): Promise<void>;
}

/** Calls a contract method as the transport does: its input checked by the contract first. */
export async function call<M extends MethodName>(
  service: WorkspaceService,
  method: M,
  input: unknown,
): Promise<MethodOutput<M>> {
  const parsed = parseCall(method, input);
  if (!parsed.ok) throw new Error(parsed.message);
  return service.invoke(parsed.method, parsed.input as never) as Promise<MethodOutput<M>>;
}

/** The code under test starts git itself: the process takes the sandbox's HOME, config and identity. */
export async function sampleTeam(): Promise<SampleTeam> {
  const sandbox = await createGitSandbox();
  Object.assign(process.env, sandbox.env);
  const dana = await sandbox.clone('dana');
  await fs.cp(sampleWorkspaceFolder(), dana, {
    recursive: true,
    filter: (file) => path.basename(file) !== '.specbench',
  });
  installDriver(sandbox, dana);
  sandbox.git(dana, ['add', '-A']);
  sandbox.git(dana, ['commit', '-q', '-m', 'Sample workspace']);
  sandbox.git(dana, ['push', '-q', '-u', 'origin', 'main']);
  const sam = await sandbox.clone('sam');
  installDriver(sandbox, sam);
  for (const [folder, name] of [
    [dana, 'Dana'],
    [sam, 'Sam'],
  ] as const) {
    sandbox.git(folder, ['config', 'user.name', name]);
    sandbox.git(folder, ['config', 'user.email', `${name.toLowerCase()}@example.com`]);
  }
  const opened = new Map<string, { service: WorkspaceService; workspace: Workspace }>();
  return {
    sandbox,
    dana,
    sam,
    async serviceFor(folder, reopen) {
      const known = opened.get(folder);
      if (known && !reopen) return known.service;
      await known?.workspace.close();
      const result = await Workspace.open(folder, { write: true, watch: false, cache: false });
      if (!result.ok) throw new Error(result.message);
      const service = new WorkspaceService(result.workspace);
      opened.set(folder, { service, workspace: result.workspace });
      return service;
    },
    async close() {
      for (const { workspace } of opened.values()) await workspace.close();
      await sandbox.remove();
    },
  };
}

function installDriver(sandbox: GitSandbox, folder: string): void {
  const installed = runSpecbenchIn(sandbox, folder, ['merge-driver', 'install', '.']);
  if (installed.code !== 0) throw new Error(`merge-driver install failed: ${installed.stderr}`);
}
