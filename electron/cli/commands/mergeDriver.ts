/** `specbench merge-driver install <dir>` and `specbench merge-driver run %O %A %B %P` (what git calls). */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { GitMissingError, runGit } from '../../git/gitCommand.js';
import type { CliCommand } from '../cliCommand.js';
import { exitCodes, fail, shownPath, systemMessage, writeLines, type CliContext } from '../cliOutput.js';
import { checkFolder } from '../checkFolder.js';
import { packageRoot } from '../packageRoot.js';

const usage =
  'specbench merge-driver install <dir> | specbench merge-driver run <base> <ours> <theirs> <path>';

export const mergeDriverCommand: CliCommand = {
  name: 'merge-driver',
  summary: 'let git merge specs block by block and roadmap.json item by item',
  usage,
  details: `install <dir>  registers the driver in the repository's git config (merge.specbench.name and
               merge.specbench.driver, this clone only) and adds to <dir>/.gitattributes:
                 *.md merge=specbench
                 *.markdown merge=specbench
                 roadmap.json merge=specbench
                 rekeys.json merge=specbench
               printing exactly what it changed. Commit .gitattributes; every clone runs install once.
run %O %A %B %P
               what git runs during a merge, rebase or pull: merges the ancestor %O, ours %A and
               theirs %B of the file %P and writes the result into %A. Markdown merges front matter
               field by field, requirement blocks by key and other blocks by position; roadmap.json
               item by item and field by field. Conflicts are left as standard markers around the
               one block both sides changed. A binary or non-UTF-8 file keeps ours (theirs stays in
               git's index).

Exit codes: install 0 done, 2 not a git repository, git missing or bad usage;
run 0 merged cleanly, 1 conflicts remain (git then reports the file as conflicted), 2 bad usage.`,
  positionals: ['action'],
  morePositionals: true,
  options: {},
  async run(context, [action, ...rest]) {
    if (action === 'install') {
      if (rest.length !== 1) return fail(context, `merge-driver: install takes one folder (usage: ${usage})`);
      return install(context, rest[0]!);
    }
    if (action === 'run') {
      if (rest.length !== 4)
        return fail(context, `merge-driver: run takes four paths, %O %A %B %P (usage: ${usage})`);
      return runDriver(context, rest as [string, string, string, string]);
    }
    return fail(context, `merge-driver: unknown action '${action}' (usage: ${usage})`);
  },
};

async function install(context: CliContext, dir: string): Promise<number> {
  const checked = await checkFolder(context, 'merge-driver', dir);
  if (!checked.ok) return checked.code;
  const { driverCommand, installMergeDriver } = await import('../../git/mergeDriver.js');
  const command = driverCommand(process.execPath, path.join(packageRoot(), 'bin', 'specbench.js'));
  try {
    const result = await installMergeDriver(checked.root, command);
    if (!result.ok) return fail(context, `merge-driver: ${dir}: ${result.message}`);
    const shown = shownPath(context, result.attributesPath);
    const lines: string[] = [];
    if (result.configured.length > 0) {
      lines.push(
        `Set in this clone's git config (${path.join(result.gitDir, 'config')}):`,
        ...result.configured.map((line) => `  ${line}`),
      );
    } else lines.push("This clone's git config already has the Specbench merge driver.");
    if (result.attributesAdded.length > 0) {
      lines.push(`Added to ${shown}:`, ...result.attributesAdded.map((line) => `  ${line}`));
      lines.push(
        `Commit ${shown} so merges use the driver in every clone; each clone runs this command once.`,
      );
    } else lines.push(`${shown} already routes Markdown and roadmap.json to it.`);
    writeLines(context, lines);
    return exitCodes.ok;
  } catch (error) {
    if (error instanceof GitMissingError) return fail(context, `merge-driver: ${error.message}`);
    return fail(context, `merge-driver: cannot write ${dir}: ${systemMessage(error)}`);
  }
}

async function runDriver(
  context: CliContext,
  [base, ours, theirs, file]: [string, string, string, string],
): Promise<number> {
  const { runMergeDriver } = await import('../../git/mergeDriver.js');
  const resolve = (name: string) => path.resolve(context.cwd, name);
  const where = file.replace(/\\/g, '/');
  try {
    const rebasing = await rebaseInProgress(context.cwd);
    const result = await runMergeDriver({
      base: resolve(base),
      ours: resolve(ours),
      theirs: resolve(theirs),
      path: where,
      ...(rebasing ? { rebasing: true } : {}),
    });
    for (const line of result.message?.split('\n') ?? []) context.stderr.write(`specbench: ${line}\n`);
    if (result.renumbered) await noteRenumberedLinks(context, where, result.renumbered, rebasing);
    return result.exitCode;
  } catch (error) {
    // Git reads a failed driver as a conflict and keeps %A, which still holds ours.
    context.stderr.write(`specbench: ${file}: not merged, kept ours: ${systemMessage(error)}\n`);
    return exitCodes.findings;
  }
}

/** Records the links written for each moved roadmap entry, and says how many; the merge stands either way. */
async function noteRenumberedLinks(
  context: CliContext,
  file: string,
  renumbered: { list: string; from: string; to: string }[],
  rebasing: boolean,
): Promise<void> {
  try {
    const { recordRenumberings } = await import('../../git/renumberedLinks.js');
    const records = await recordRenumberings(context.cwd, file, renumbered, rebasing);
    for (const { key, newKey, references } of records) {
      if (references.length === 0) continue;
      const count = `${references.length} ${references.length === 1 ? 'link' : 'links'}`;
      context.stderr.write(
        `specbench: ${count} to ${key} written for the item that is now ${newKey}: open Changes in Specbench to point ${references.length === 1 ? 'it' : 'them'} to ${newKey}\n`,
      );
    }
  } catch (error) {
    context.stderr.write(
      `specbench: ${file}: could not list the links written for the renumbered items: ${systemMessage(error)}\n`,
    );
  }
}

/** Whether git runs the driver while replaying commits (a rebase keeps its state in rebase-merge/). */
async function rebaseInProgress(cwd: string): Promise<boolean> {
  const found = await runGit(['rev-parse', '--git-path', 'rebase-merge', '--git-path', 'rebase-apply'], {
    cwd,
  });
  if (!found.ok) return false;
  const places = found.stdout.trim().split('\n');
  const present = await Promise.all(
    places.map((place) =>
      fs.stat(path.resolve(cwd, place)).then(
        () => true,
        () => false,
      ),
    ),
  );
  return present.some(Boolean);
}
