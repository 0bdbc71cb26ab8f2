/** `specbench rekey <dir> <OLD> <NEW>`: renames a key and rewrites every reference, all files or none. */
import { isKey } from '../../../shared/grammar/linkGrammar.js';
import type { CliCommand } from '../cliCommand.js';
import { exitCodes, fail, plural, writeLines } from '../cliOutput.js';
import { openWorkspace } from '../openWorkspace.js';

export const rekeyCommand: CliCommand = {
  name: 'rekey',
  summary: 'rename a key and rewrite every reference to it',
  usage: 'specbench rekey <dir> <OLD> <NEW>',
  details: `Renames a document, requirement or roadmap key (for example SPEC-3 to SPEC-30) and rewrites
every [[reference]], implements, answers and roadmap= link to it. Either every file changes or none.

Exit codes: 0 renamed, 2 bad usage, an unknown OLD, a NEW already in use, or a file that could not
be written (nothing is changed).`,
  positionals: ['dir', 'old', 'new'],
  options: {},
  async run(context, [dir, oldKey, newKey]) {
    for (const key of [oldKey!, newKey!]) {
      if (!isKey(key)) return fail(context, `rekey: '${key}' is not a key like SPEC-3 or REQ-12`);
    }
    if (oldKey === newKey) return fail(context, `rekey: the old and new keys are both ${oldKey}`);
    const opened = await openWorkspace(context, 'rekey', dir!, { write: true });
    if (!opened.ok) return opened.code;
    try {
      const result = await opened.workspace.rekey(oldKey!, newKey!);
      if (!result.ok) return fail(context, `rekey: ${result.message}`);
      writeLines(context, [
        `Renamed ${oldKey} to ${newKey} in ${plural(result.changedFiles.length, 'file')}.`,
      ]);
      return exitCodes.ok;
    } finally {
      await opened.workspace.close();
    }
  },
};
