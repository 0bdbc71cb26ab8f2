/** `specbench diff <dir> <REV> [<REV2>] [--json]`: the change report between two baselines. */
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

export const diffCommand: CliCommand = {
  name: 'diff',
  summary: 'what changed between two baselines: requirements, roadmap items, story and spec status, sign-off',
  usage: 'specbench diff <dir> <REV> [<REV2>] [--json]',
  details: `Compares the workspace at REV (a tag, branch or commit) with REV2, or with the working tree
when REV2 is left out: requirements added, removed and changed (their text diff and changed
fields: priority, status, roadmap, spec, file), roadmap items added, removed and changed (field by
field), stories whose status moved, documents added or removed, and specs (any document but a
story) whose own status moved (draft → review → approved) or whose sign-off changed: approvals
recorded, and approvals no longer there. Needs git.

Options:
${outputHelp}
      {"from", "to", "requirements": {"added", "removed", "changed": [{"key", "path",
      "fields": [{"field", "from", "to"}], "diff"}]}, "roadmap": {"added", "removed", "changed"},
      "stories": [{"key", "from", "to"}], "documents": {"added", "removed", "changed": [{"key",
      "path", "title"?, "status"?: {"from", "to"}, "approvals": {"added", "removed": [{"by",
      "email"?, "at", "fingerprint"}]}}]}}

Exit codes: 0 shown (with or without changes), 2 bad usage, an unknown revision or no git repository.`,
  positionals: ['dir', 'rev'],
  morePositionals: true,
  options: { ...outputOptions },
  async run(context, [dir, from, to, ...extra], values) {
    const format = outputFormat(context, 'diff', values);
    if (format === undefined) return exitCodes.usage;
    if (extra.length > 0)
      return fail(context, `diff: unexpected argument '${extra[0]}' (usage: ${diffCommand.usage})`);
    const opened = await openRepository(context, 'diff', dir!);
    if (!opened.ok) return opened.code;
    const { repository } = opened;
    const revisions = [from!, ...(to === undefined ? [] : [to])];
    for (const revision of revisions) {
      const resolved = await repository.resolve(revision);
      if (!resolved.ok) return fail(context, `diff: ${resolved.message}`);
    }
    const { changeReport } = await import('../../git/changeReport.js');
    const before = await repository.filesAt(from!);
    const after = to === undefined ? await repository.workingFiles() : await repository.filesAt(to);
    const report = changeReport(from!, to ?? 'the working tree', before, after);
    if (format === 'json') {
      writeJson(context, report);
      return exitCodes.ok;
    }
    const { formatChangeReport } = await import('../../git/formatChangeReport.js');
    writeLines(context, formatChangeReport(report));
    return exitCodes.ok;
  },
};
