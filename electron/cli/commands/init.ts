/** `specbench init <dir> [--sample]`: a new, empty workspace, or a copy of the Acme Checkout sample. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../../engine/atomicFile.js';
import type { CliCommand } from '../cliCommand.js';
import { exitCodes, fail, systemMessage, writeLines, type CliContext } from '../cliOutput.js';
import { sampleWorkspaceFolder } from '../packageRoot.js';

const folders = ['specs', 'stories', 'faqs', 'assets', 'templates'];

export const initCommand: CliCommand = {
  name: 'init',
  summary: 'create a new workspace in an empty or new folder',
  usage: 'specbench init <dir> [--sample]',
  details: `Writes specbench.json, roadmap.json, a .gitignore for the local cache (.specbench/) and the
folders specs/, stories/, faqs/, assets/ and templates/. Refuses a folder that is not empty.

Options:
  --sample  copy the bundled "Acme Checkout" sample workspace instead of starting empty

Exit codes: 0 created, 2 the folder is not empty or cannot be written (nothing is left behind).`,
  positionals: ['dir'],
  options: { sample: { type: 'boolean' } },
  async run(context, [dir], values) {
    const root = path.resolve(context.cwd, dir!);
    const state = await folderState(root);
    if (state === 'file') return fail(context, `init: ${dir} is a file, not a folder`);
    if (state === 'below-file')
      return fail(context, `init: cannot create ${dir}: part of its path is a file`);
    if (state === 'non-empty')
      return fail(context, `init: ${dir} is not empty; choose a new or empty folder`);
    const createdRoot = state === 'missing';
    try {
      await fs.mkdir(root, { recursive: true });
      if (values.sample === true) await copySample(root);
      else await writeEmptyWorkspace(root);
      for (const folder of folders) await fs.mkdir(path.join(root, folder), { recursive: true });
    } catch (error) {
      await removeWhatWeWrote(root, createdRoot);
      return fail(context, `init: cannot write ${dir}: ${systemMessage(error)}`);
    }
    writeLines(context, summary(context, root, values.sample === true));
    return exitCodes.ok;
  },
};

async function folderState(root: string): Promise<'missing' | 'empty' | 'non-empty' | 'file' | 'below-file'> {
  try {
    const stats = await fs.stat(root);
    if (!stats.isDirectory()) return 'file';
    return (await fs.readdir(root)).length === 0 ? 'empty' : 'non-empty';
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
  await writeFileAtomic(path.join(root, '.gitignore'), '.specbench/\n');
}

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

/** The folder was empty (or absent) before, so everything in it now is ours to remove. */
async function removeWhatWeWrote(root: string, createdRoot: boolean): Promise<void> {
  if (createdRoot) {
    await fs.rm(root, { recursive: true, force: true }).catch(() => undefined);
    return;
  }
  const entries = await fs.readdir(root).catch(() => []);
  for (const entry of entries) {
    await fs.rm(path.join(root, entry), { recursive: true, force: true }).catch(() => undefined);
  }
}

function titleFromFolder(root: string): string {
  const words = path.basename(root).replace(/[-_]+/g, ' ').trim();
  return words === '' ? 'Untitled workspace' : words.charAt(0).toUpperCase() + words.slice(1);
}

function summary(context: CliContext, root: string, sample: boolean): string[] {
  const shown = path.relative(context.cwd, root) || '.';
  return [
    sample
      ? `Created the Acme Checkout sample workspace in ${shown}`
      : `Created an empty workspace in ${shown}`,
    `Next: specbench check ${shown}`,
  ];
}
