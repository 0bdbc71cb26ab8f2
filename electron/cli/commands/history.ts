/** `specbench history <dir> <KEY> [--json]`: the commits that changed one requirement, document or roadmap item. */
import { isKey } from '../../../shared/grammar/linkGrammar.js';
import { changeOrigin } from '../../../shared/merge/changeOrigin.js';
import type { CliCommand } from '../cliCommand.js';
import {
  exitCodes,
  fail,
  outputFormat,
  outputHelp,
  outputOptions,
  writeJson,
  writeLines,
} from '../cliOutput.js';
import { openRepository } from '../openRepository.js';
import { readableBlockLines } from '../readableBlockLines.js';

export const historyCommand: CliCommand = {
  name: 'history',
  summary: 'the commits that changed one requirement, document or roadmap item, with its diff',
  usage: 'specbench history <dir> <KEY> [--source] [--json]',
  details: `Newest first: commit, date, author and message, then what changed in that item alone, as
a PM reads it: a requirement's fields ("priority should → must"), its text by words as git's
--word-diff writes them ([-removed-]{+added+}), criteria added and removed; a roadmap item field by
field; a document block by block. A
requirement is followed by its key across files, renames and moves to another spec, and back
through a change of its key (REQ-15 given the new key REQ-16), also one given in a merge (Keep
both). A merge commit is listed where it settled the item (a conflict resolved, both sides' edits
combined), with its diff against its first parent; one that only brought in the other side's
change is not, as that change has its own commit. The line under a commit says what was done where
it was more than an edit: "kept both in a merge by Sam PM: this copy of REQ-1 became REQ-15",
"renumbered in a merge by Dana: the other side had added RM-13 too, so this one became RM-14",
"resolved in a merge by Lee". Changes not committed yet come first. Needs git.

Options:
      --source      the unified diff of the item's source lines instead
${outputHelp}
      {"key", "kind": "requirement"|"document"|"roadmap", "changes": [{"commit"?, "author",
      "email", "date", "message", "change": "added"|"changed"|"moved"|"removed", "path",
      "previousPath"?, "previousKey"? (its key before this change), "merge"? (true: made in a merge
      commit, a conflict settled there, diffed against its first parent), "keyGiven"? ({"how":
      "kept-both"|"renumbered", "to"}: Keep both gave it its key, or it was renumbered because its
      key was taken; absent for a key changed by hand), "before", "after",
      "diff": [unified diff lines], "blocks": [{"what", "change", "diff", "readable"?: {"fields":
      [{"field", "from", "to"}], "texts": [{"what", "words": [{"text", "change"?}]}], "added",
      "removed": [{"what", "text"}]}}]}]}

In a shallow clone (CI's default checkout) the history stops early and its oldest commit shows
the key as added: stderr says so, with the fix (git fetch --unshallow, or fetch-depth: 0).

Exit codes: 0 shown, 2 bad usage, a key never seen in the history, or no git repository.`,
  positionals: ['dir', 'key'],
  options: { ...outputOptions, source: { type: 'boolean' } },
  async run(context, [dir, key], values) {
    const format = outputFormat(context, 'history', values);
    if (format === undefined) return exitCodes.usage;
    if (!isKey(key!)) return fail(context, `history: '${key}' is not a key like SPEC-3, REQ-12 or RM-4`);
    const opened = await openRepository(context, 'history', dir!);
    if (!opened.ok) return opened.code;
    const [{ itemHistory }, { unshallowHint }] = await Promise.all([
      import('../../git/itemHistory.js'),
      import('../../git/workspaceRepository.js'),
    ]);
    const history = await itemHistory(opened.repository, key!);
    // A shallow clone's first commit holds everything as "added": say where the history stops.
    const shallow = await opened.repository.isShallow();
    if (history.changes.length === 0)
      return fail(
        context,
        `history: no commit in ${dir} touches ${key}${shallow ? `; this is a shallow clone: ${unshallowHint}` : ''}`,
      );
    if (shallow)
      context.stderr.write(
        `specbench: history: this is a shallow clone, so the history stops early and its oldest commit shows ${key} as added: ${unshallowHint}\n`,
      );
    if (format === 'json') {
      writeJson(context, history);
      return exitCodes.ok;
    }
    const lines: string[] = [];
    for (const change of history.changes) {
      const where = change.previousPath
        ? `from ${change.previousPath} to ${change.path}`
        : `${change.change === 'removed' ? 'from' : 'in'} ${change.path}`;
      const head = change.commit
        ? `${change.commit.slice(0, 8)}  ${change.date.slice(0, 10)}  ${change.author}  ${change.message}`
        : 'not committed yet';
      // What the person did, where it was more than an edit; it names the old key when it gave a new one.
      const origin = changeOrigin(change);
      const rekeyed = change.previousKey && !change.keyGiven ? ` (was ${change.previousKey})` : '';
      lines.push(
        head,
        `  ${change.change} ${where}${rekeyed}${origin ? `, ${origin}` : ''}`,
        ...(values.source === true ? change.diff : readableBlockLines(change.blocks)).map(
          (line) => `    ${line}`,
        ),
        '',
      );
    }
    writeLines(context, lines.slice(0, -1));
    return exitCodes.ok;
  },
};
