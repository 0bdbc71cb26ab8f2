/** The workspace's folder inside its git repository (`docs`), read once at open for site-root links. */
import { runGit } from '../git/gitCommand.js';

/** `docs` for `<repository>/docs`; '' at the repository's root, outside any repository, or without git. */
export async function repositoryFolderOf(root: string): Promise<string> {
  try {
    const output = await runGit(['rev-parse', '--show-prefix'], { cwd: root, timeout: 5_000 });
    return output.ok ? output.stdout.trim().replace(/\/+$/, '') : '';
  } catch {
    // No git on the PATH: links from the site root read from the workspace root, as before.
    return '';
  }
}
