/** `specbench init <dir> [--sample]`: a new, empty workspace, or a copy of the Acme Checkout sample. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../../engine/atomicFile.js';
import type { CliCommand } from '../cliCommand.js';
import {
  exitCodes,
  fail,
  outputFormat,
  outputHelp,
  outputOptions,
  shellQuote,
  systemMessage,
  writeJson,
  writeLines,
  type CliContext,
  shownPath,
} from '../cliOutput.js';
import { sampleWorkspaceFolder } from '../packageRoot.js';
import { workspaceAbove } from '../workspaceFolder.js';

const folders = ['specs', 'stories', 'faqs', 'feedback', 'assets', 'templates'];

export const initCommand: CliCommand = {
  name: 'init',
  summary: 'create a new workspace in an empty or new folder',
  usage: 'specbench init <dir> [--sample] [--merge-driver] [--json]',
  details: `Writes specbench.json, roadmap.json, a .gitignore for the local cache (.specbench/) and the
folders specs/, stories/, faqs/, feedback/, assets/ and templates/. Refuses a folder that is not empty (a
freshly initialised git repository, holding only .git, counts as empty), and a folder inside another
workspace (whose documents the outer one would read twice).

In a git repository it offers the merge driver (see specbench help merge-driver), which lets git
merge specs block by block and roadmap.json item by item; --merge-driver installs it right away when
<dir> is the repository's top folder (run git init <dir> or clone first). A <dir> inside a bigger
repository leaves that repository alone: specbench merge-driver install <dir> installs it there.

Options:
  --sample        copy the bundled "Acme Checkout" sample workspace instead of starting empty
  --merge-driver  also run specbench merge-driver install on the new workspace (its own repository only)
${outputHelp}
      {"path" (relative to the working folder), "sample", "notes": [what else was said, one line each]}

Exit codes: 0 created, 2 the folder is not empty, is inside a workspace or cannot be written (nothing is
left behind).`,
  positionals: ['dir'],
  options: { sample: { type: 'boolean' }, 'merge-driver': { type: 'boolean' }, ...outputOptions },
  async run(context, [dir], values) {
    const format = outputFormat(context, 'init', values);
    if (format === undefined) return exitCodes.usage;
    const root = path.resolve(context.cwd, dir!);
    const state = await folderState(root);
    if (state === 'file') return fail(context, `init: ${dir} is a file, not a folder`);
    if (state === 'below-file')
      return fail(context, `init: cannot create ${dir}: part of its path is a file`);
    if (state === 'non-empty')
      return fail(context, `init: ${dir} is not empty; choose a new or empty folder`);
    // A workspace inside another would be read by both: its documents counted twice, its keys duplicated.
    const enclosing = workspaceAbove(root);
    if (enclosing !== undefined)
      return fail(
        context,
        `init: ${dir} is inside the workspace in ${shownPath(context, enclosing)}, which would read its documents too; choose a folder outside it`,
      );
    const createdRoot = state === 'missing';
    const existing = createdRoot ? [] : await fs.readdir(root);
    try {
      await fs.mkdir(root, { recursive: true });
      if (values.sample === true) await copySample(root);
      else await writeEmptyWorkspace(root);
      for (const folder of folders) await fs.mkdir(path.join(root, folder), { recursive: true });
    } catch (error) {
      await removeWhatWeWrote(root, createdRoot, existing);
      return fail(context, `init: cannot write ${dir}: ${systemMessage(error)}`);
    }
    if (format === 'json') {
      const notes: string[] = [];
      const quiet = {
        ...context,
        stdout: { write: (text: string) => notes.push(...text.split('\n').filter(Boolean)) },
      };
      const code = await offerMergeDriver(quiet, root, values['merge-driver'] === true);
      writeJson(context, {
        path: shownPath(context, root),
        sample: values.sample === true,
        notes,
      });
      return code;
    }
    writeLines(context, summary(context, root, values.sample === true));
    return offerMergeDriver(context, root, values['merge-driver'] === true);
  },
};

async function folderState(root: string): Promise<'missing' | 'empty' | 'non-empty' | 'file' | 'below-file'> {
  try {
    const stats = await fs.stat(root);
    if (!stats.isDirectory()) return 'file';
    const entries = (await fs.readdir(root)).filter((entry) => entry !== '.git');
    return entries.length === 0 ? 'empty' : 'non-empty';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') return 'below-file';
    throw error;
  }
}

async function writeEmptyWorkspace(root: string): Promise<void> {
  // zod is loaded on demand so the other commands' --help and usage errors start fast.
  const { settingsSchema } = await import('../../../shared/model/settingsModel.js');
  const settings = settingsSchema.parse({ name: titleFromFolder(root) });
  await writeFileAtomic(path.join(root, 'specbench.json'), `${JSON.stringify(settings, null, 2)}\n`);
  await writeFileAtomic(
    path.join(root, 'roadmap.json'),
    `${JSON.stringify({ version: 1, items: [] }, null, 2)}\n`,
  );
  // The local cache, and the roadmap's previous version the roadmap store keeps beside it.
  await writeFileAtomic(path.join(root, '.gitignore'), gitignore);
}

const gitignore =
  '.specbench/\n# The previous roadmap.json, kept by Specbench to recover a corrupt file.\nroadmap.json.bak\n';

/** Copies the sample that ships with the package, leaving out any local cache it may have grown. */
async function copySample(root: string): Promise<void> {
  const source = sampleWorkspaceFolder();
  await fs.cp(source, root, {
    recursive: true,
    errorOnExist: true,
    force: false,
    filter: (file) => path.basename(file) !== '.specbench',
  });
}

/** The folder was empty (or absent, or held only .git) before, so everything else in it now is ours to remove. */
async function removeWhatWeWrote(root: string, createdRoot: boolean, existing: string[]): Promise<void> {
  if (createdRoot) {
    await fs.rm(root, { recursive: true, force: true }).catch(() => undefined);
    return;
  }
  const entries = await fs.readdir(root).catch(() => []);
  for (const entry of entries) {
    if (existing.includes(entry)) continue;
    await fs.rm(path.join(root, entry), { recursive: true, force: true }).catch(() => undefined);
  }
}

function titleFromFolder(root: string): string {
  const words = path.basename(root).replace(/[-_]+/g, ' ').trim();
  return words === '' ? 'Untitled workspace' : words.charAt(0).toUpperCase() + words.slice(1);
}

function summary(context: CliContext, root: string, sample: boolean): string[] {
  const shown = shownPath(context, root);
  // Pasted into a shell as they are: a folder with spaces stays one argument.
  const typed = shellQuote(shown);
  return [
    sample
      ? `Created the Acme Checkout sample workspace in ${shown}`
      : `Created an empty workspace in ${shown}`,
    'Next:',
    `  specbench serve ${typed} --write   write in it, in your browser (or open the folder in the desktop app)`,
    `  specbench check ${typed}           check it for broken links and empty sections, as CI would`,
  ];
}

/**
 * In a git repository: installs the merge driver when asked, else says how in one line. It writes to
 * a repository's config only when the workspace is that repository's top folder: a workspace made
 * inside a bigger repository (a clone of something else) leaves it alone and says where it is, and
 * `specbench merge-driver install <dir>` installs there by the user's explicit choice.
 */
async function offerMergeDriver(context: CliContext, root: string, install: boolean): Promise<number> {
  const { GitMissingError, runGit } = await import('../../git/gitCommand.js');
  const shown = shownPath(context, root);
  let top: string | undefined;
  try {
    const found = await runGit(['rev-parse', '--show-toplevel'], { cwd: root });
    if (found.ok) top = found.stdout.replace(/\n$/, '');
  } catch (error) {
    if (!(error instanceof GitMissingError)) throw error;
    if (install) return fail(context, `init: created ${shown}, but ${error.message}`);
    return exitCodes.ok;
  }
  if (top === undefined) {
    if (install)
      return fail(context, `init: created ${shown}, but it is not in a git repository (run git init first)`);
    const typed = shellQuote(shown);
    writeLines(context, [
      `To share it through git: git init ${typed} && specbench merge-driver install ${typed} (git then merges specs block by block).`,
    ]);
    return exitCodes.ok;
  }
  const own = (await fs.realpath(top)) === (await fs.realpath(root));
  const repository = own ? 'a git repository' : `the git repository at ${top}`;
  const command = `specbench merge-driver install ${shellQuote(shown)}`;
  if (install && !own) {
    return fail(
      context,
      `init: created ${shown}, but did not install the merge driver: ${shown} is inside ${repository}, not its top folder, and init changes no repository but the workspace's own (to install it there anyway: ${command})`,
    );
  }
  if (!install) {
    writeLines(context, [
      `This folder is in ${repository}: ${command} lets git merge specs block by block and roadmap.json item by item.`,
    ]);
    return exitCodes.ok;
  }
  const { mergeDriverCommand } = await import('./mergeDriver.js');
  return mergeDriverCommand.run(context, ['install', shown], {});
}
