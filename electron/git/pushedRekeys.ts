/**
 * Which renames after a merge the remote already has: its `rekeys.json` (on the branch's upstream)
 * lists them. Pushing again teaches teammates nothing new about those, so only the clone that made a
 * rename and has not pushed it yet is stopped by Push's warning; every other clone just lists the links.
 */
import { parseRekeys, rekeysFile } from '../engine/rekeyLog.js';
import { GitMissingError, runGit } from './gitCommand.js';

/** `REQ-16→REQ-17`: one rename, whichever clone holds it. */
export const renameId = (record: { key: string; newKey: string }) => `${record.key}→${record.newKey}`;

/** The renames on the upstream (none without git, a repository, an upstream or the file there). */
export async function pushedRekeys(root: string): Promise<ReadonlySet<string>> {
  try {
    // `./` reads the path from the workspace folder, which may sit below the repository's top.
    const shown = await runGit(['show', `@{upstream}:./${rekeysFile}`], { cwd: root });
    if (!shown.ok) return new Set();
    return new Set((parseRekeys(shown.stdout) ?? []).map(renameId));
  } catch (error) {
    if (error instanceof GitMissingError) return new Set();
    throw error;
  }
}
