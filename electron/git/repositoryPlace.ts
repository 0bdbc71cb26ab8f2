/**
 * Where a workspace sits in its repository: its folder, its prefix inside the repository and the git
 * directory. Apart from repositoryStatus.ts, so the modules status reads from can name it without
 * an import cycle.
 */
import { runGit } from './gitCommand.js';

export interface RepositoryPlace {
  /** The workspace folder. */
  root: string;
  /** The workspace's folder inside the repository, `docs/` style, or ''. */
  prefix: string;
  /** The repository's git directory, absolute. */
  gitDir: string;
}

/** A workspace file as a pathspec git reads from the repository's top, taken literally. */
export const topPath = (place: RepositoryPlace, file: string) => `:(top,literal)${place.prefix}${file}`;

/** The repository a folder is in, or undefined when it is in none (git missing throws GitMissingError). */
export async function findRepository(root: string): Promise<RepositoryPlace | undefined> {
  const output = await runGit(['rev-parse', '--show-prefix', '--absolute-git-dir'], { cwd: root });
  if (!output.ok) return undefined;
  const [prefix = '', gitDir = ''] = output.stdout.split('\n');
  return { root, prefix: prefix.trim(), gitDir: gitDir.trim() };
}
