/** `specbench rekey <dir> <OLD> <NEW>`: renames a key and rewrites every reference, all files or none. */
import path from 'node:path';
import { isKey } from '../../../shared/grammar/linkGrammar.js';
import type { CliCommand } from '../cliCommand.js';
import {
  exitCodes,
  fail,
  fileLocation,
  outputFormat,
  outputHelp,
  outputOptions,
  plural,
  shellQuote,
  writeJson,
  writeLines,
  type CliContext,
} from '../cliOutput.js';
import type { RepointCandidateView } from '../../../shared/contract/gitViews.js';
import type { Workspace } from '../../engine/workspace.js';
import { openWorkspace } from '../openWorkspace.js';

export const rekeyCommand: CliCommand = {
  name: 'rekey',
  summary: 'rename a key and rewrite every reference to it',
  usage: 'specbench rekey <dir> <OLD> <NEW> [--file PATH] [--json]',
  details: `Renames a document, requirement or roadmap key (for example SPEC-3 to SPEC-30) and rewrites
every [[reference]], implements, answers and roadmap= link to it. Either every file changes or none.

When two files define OLD (a duplicate key, as after merging two branches), rekey refuses to guess:
--file PATH names the one to rename, and only its definition changes; links to OLD keep meaning the
other. PATH is relative to the current folder, or to the workspace.

Options:
  --file PATH  the file whose definition of OLD to rename, when more than one defines it
${outputHelp}
      {"old", "new", "changedFiles": [paths relative to the workspace], "links": [{"path", "line",
      "kind", "from", "commit", "author"}]}

With --file, in a git repository, rekey then lists the links to OLD that were written on the
renamed copy's side of the merge (git blame): a story's implements, a [[OLD]] in the text. They most
likely mean the renamed copy; the app's Changes panel points them to NEW in one click.

NEW keeps OLD's kind (SPEC-3 may become SPEC-30, not STORY-30). A story's reviewed: stamp moves to a
renamed requirement's new key, and a spec's approval stays current: renaming changes no words.

Exit codes: 0 renamed, 2 bad usage, a NEW of another kind, an OLD defined more than once without
--file, a NEW already in use, a folder that is not a workspace, or a file that could not be written, 3 an OLD that is not in the workspace (nothing is changed).`,
  positionals: ['dir', 'old', 'new'],
  options: { file: { type: 'string' }, ...outputOptions },
  async run(context, [dir, oldKey, newKey], values) {
    const format = outputFormat(context, 'rekey', values);
    if (format === undefined) return exitCodes.usage;
    for (const key of [oldKey!, newKey!]) {
      if (!isKey(key)) return fail(context, `rekey: '${key}' is not a key like SPEC-3 or REQ-12`);
    }
    if (oldKey === newKey) return fail(context, `rekey: the old and new keys are both ${oldKey}`);
    const opened = await openWorkspace(context, 'rekey', dir!, { write: true });
    if (!opened.ok) return opened.code;
    try {
      const file =
        typeof values.file === 'string' ? workspaceFile(context, opened.root, values.file) : undefined;
      const result = await opened.workspace.rekey(oldKey!, newKey!, file);
      if (!result.ok) {
        if (result.error !== 'ambiguous' || !('definedIn' in result) || !result.definedIn) {
          return fail(
            context,
            `rekey: ${result.message}`,
            result.error === 'not-found' && file === undefined ? exitCodes.unknownKey : exitCodes.usage,
          );
        }
        const places = result.definedIn.map((place) => fileLocation(context, opened.root, place));
        return fail(
          context,
          `rekey: ${oldKey} is defined in ${places.join(' and ')}; name the one to rename with --file ${shellQuote(places[0]!)}`,
        );
      }
      const links =
        file === undefined
          ? []
          : await linksFromItsSide(opened.root, opened.workspace, oldKey!, newKey!, file);
      // Remembered in .specbench/ until pointed or kept: the app's Changes offers them, check reports them.
      if (file !== undefined)
        await opened.workspace.rekeys.record({
          key: oldKey!,
          newKey: newKey!,
          path: file,
          references: links,
        });
      if (format === 'json') {
        writeJson(context, { old: oldKey, new: newKey, changedFiles: result.changedFiles, links });
        return exitCodes.ok;
      }
      const where =
        file === undefined
          ? `in ${plural(result.changedFiles.length, 'file')}`
          : `in ${fileLocation(context, opened.root, file)}; links to ${oldKey} keep meaning the other`;
      writeLines(context, [
        `Renamed ${oldKey} to ${newKey} ${where}.`,
        ...(links.length === 0
          ? []
          : [
              `git blame says these links to ${oldKey} were written on the renamed copy's side of the merge, so they most likely mean ${newKey}:`,
              ...links.map(
                (link) =>
                  `  ${fileLocation(context, opened.root, link.path)}:${link.line}  ${link.from} ${link.kind} ${oldKey}  (${link.author}, ${link.commit})`,
              ),
            ]),
      ]);
      return exitCodes.ok;
    } finally {
      await opened.workspace.close();
    }
  },
};

/** The links the renamed copy's own side wrote to the old key, when git can tell; none without git. */
async function linksFromItsSide(
  root: string,
  workspace: Workspace,
  oldKey: string,
  newKey: string,
  file: string,
): Promise<RepointCandidateView[]> {
  const [{ GitMissingError }, { findRepository }, { linksMeantForNewKey }] = await Promise.all([
    import('../../git/gitCommand.js'),
    import('../../git/repositoryStatus.js'),
    import('../../git/rekeyReferences.js'),
  ]);
  try {
    const place = await findRepository(root);
    return place ? await linksMeantForNewKey(place, workspace, oldKey, newKey, file) : [];
  } catch (error) {
    if (error instanceof GitMissingError) return [];
    throw error;
  }
}

/** A path as typed (from the current folder), made workspace-relative; one outside it is taken as workspace-relative already. */
function workspaceFile(context: CliContext, root: string, typed: string): string {
  const relative = path.relative(root, path.resolve(context.cwd, typed));
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  return (inside ? relative : typed).split(path.sep).join('/');
}
