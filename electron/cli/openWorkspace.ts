/**
 * Opens the workspace a command names, turning a missing folder, an unreadable workspace or (for
 * commands that report on a workspace) a folder that is none into one line and exit 2.
 */
import path from 'node:path';
import type { Workspace } from '../engine/workspace.js';
import { checkFolder } from './checkFolder.js';
import { fail, plural, type CliContext } from './cliOutput.js';
import { isWorkspaceFolder, workspaceAbove, workspacesBelow } from './workspaceFolder.js';

export type OpenedWorkspace =
  | {
      ok: true;
      workspace: Workspace;
      root: string;
      /** Read as a plain folder of Markdown (no specbench.json, no keyed document), with the warning said. */
      markdownFolder: boolean;
    }
  /** The command is over: refused (the reason said), or answered by `early`. */
  | { ok: false; code: number };

export interface OpenOptions {
  /** A command that writes refuses a folder that is not a workspace (nor in one, nor holding one). */
  write: boolean;
  /**
   * `check`, `trace`, `list`, `search` and `show` report on a workspace: a folder without
   * specbench.json (in it, above it or once below it) and without a single keyed document is read
   * as a folder of Markdown with a warning saying so, and refused (exit 2) when it holds no
   * Markdown at all, rather than reported clean or empty.
   */
  judging?: boolean;
  /**
   * Answers the command from the workspace's files before its documents are loaded (search from
   * the index cache), once its settings and roadmap passed; the exit code, or undefined to load them.
   */
  early?: (root: string) => Promise<number | undefined>;
  /** The command reads every document's entry (check's rules): the index cache is decoded at once. */
  readsEveryEntry?: boolean;
  /** With `write`: save one existing file at a time even while Specbench has the workspace open (see Workspace). */
  oneFileWrites?: boolean;
}

/** How check, trace, list, search and show find the workspace, for their help. */
export const workspaceFolderHelp = `<dir> is the workspace folder (the one holding specbench.json) or any folder inside it, which
stands for the whole workspace (as git finds its repository). Given a folder with no workspace
around it, the command uses the single workspace below it, names them and exits 2 when there are
several. A folder of Markdown that is no workspace (an Obsidian vault, a repository's docs) is read as
it is, with a warning on stderr; a folder without Markdown is refused (exit 2). It writes no
.specbench/ cache into a folder that is not a workspace.`;

/** How many of the workspaces below a folder the refusal names before "and N more". */
const namedWorkspaces = 5;

export async function openWorkspace(
  context: CliContext,
  command: string,
  dir: string,
  options: OpenOptions,
): Promise<OpenedWorkspace> {
  const checked = await checkFolder(context, command, dir);
  if (!checked.ok) return checked;
  let root = checked.root;
  // Named as the user named <dir>: /tmp gives /tmp/web, . gives web, specs gives specs/.. as ..
  const shown = (folder: string): string => path.join(dir, path.relative(checked.root, folder));
  let workspace = isWorkspaceFolder(root);
  // A subfolder of a workspace is read as the whole workspace, as git reads its repository from any subfolder.
  const above = workspace ? undefined : workspaceAbove(root);
  const below = workspace || above !== undefined ? [] : workspacesBelow(root);
  if (below.length > 1) {
    const named = below.slice(0, namedWorkspaces).map(shown).join(', ');
    const more = below.length > namedWorkspaces ? ` and ${below.length - namedWorkspaces} more` : '';
    return {
      ok: false,
      code: fail(
        context,
        `${command}: ${dir} is not a Specbench workspace, and ${below.length} workspaces are below it (${named}${more}): name one`,
      ),
    };
  }
  const found = above ?? below[0];
  if (found !== undefined) {
    root = found;
    workspace = true;
    context.stderr.write(`specbench: ${command}: using the workspace in ${shown(root)}\n`);
  }
  // A command that writes (rekey, review, import) would leave a .specbench/ journal in a folder of someone else's files.
  if (!workspace && options.write) {
    return {
      ok: false,
      code: fail(
        context,
        `${command}: ${dir} is not a Specbench workspace: it has no specbench.json, in it or above it; nothing was written (name the workspace folder, or start one with specbench init <new folder>)`,
      ),
    };
  }
  // Loaded on demand so --help, init and usage errors start without the engine.
  const { Workspace } = await import('../engine/workspace.js');
  // One-shot: no watcher. The cache makes the next run fast; a folder that is not a workspace gets none.
  const begun = await Workspace.begin(root, {
    write: options.write,
    watch: false,
    cache: workspace,
    wholeEntries: options.readsEveryEntry === true,
    oneFileWrites: options.oneFileWrites === true,
  });
  if (!begun.ok) return { ok: false, code: fail(context, `${command}: ${dir}: ${begun.message}`) };
  const answered = workspace && options.early ? await options.early(root) : undefined;
  if (answered !== undefined) {
    await begun.abandon();
    return { ok: false, code: answered };
  }
  const opened = { workspace: await begun.load() };
  const documents = opened.workspace.documents();
  const markdownFolder = !workspace && !documents.some((entry) => entry.key);
  if (markdownFolder && options.judging === true) {
    if (documents.length === 0) {
      await opened.workspace.close();
      return {
        ok: false,
        code: fail(
          context,
          `${command}: ${dir} is not a Specbench workspace: it has no specbench.json and no Markdown file (name the workspace folder, or start one with specbench init <new folder>)`,
        ),
      };
    }
    // A vault or a repository's docs: read as a folder of Markdown (links, names, assets), as serve
    // serves it, but never quietly, since a wrong folder looks the same.
    context.stderr.write(
      `specbench: ${command}: warning: ${dir} is not a Specbench workspace (no specbench.json, and none of its ${plural(documents.length, 'Markdown file')} has a key); reading it as a folder of Markdown\n`,
    );
  }
  return { ok: true, workspace: opened.workspace, root, markdownFolder };
}
