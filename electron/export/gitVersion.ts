/** The version printed on a bundle's cover: the git commit (and its tag) when the workspace is in a repository. */
import { execFile } from 'node:child_process';

function git(root: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['-C', root, ...args], { timeout: 5000, windowsHide: true }, (error, stdout) => {
      resolve(error ? undefined : stdout.trim());
    });
  });
}

/** `commit 1a2b3c4 · tag v1.2 · uncommitted changes`; undefined without git or outside a repository. */
export async function workspaceVersion(root: string): Promise<string | undefined> {
  const commit = await git(root, ['rev-parse', '--short', 'HEAD']);
  if (!commit) return undefined;
  const [tag, changes] = await Promise.all([
    git(root, ['describe', '--tags', '--exact-match', 'HEAD']),
    git(root, ['status', '--porcelain', '--untracked-files=no', '--', '.']),
  ]);
  return [`commit ${commit}`, tag ? `tag ${tag}` : '', changes ? 'uncommitted changes' : '']
    .filter(Boolean)
    .join(' · ');
}
