/** `specbench trace <dir> [--json]`: roadmap items → requirements → stories, with coverage. */
import { traceCoverage } from '../../../shared/contract/traceRows.js';
import type { CliCommand } from '../cliCommand.js';
import { exitCodes, fileLocation, formatTable, writeJson, writeLines } from '../cliOutput.js';
import { openWorkspace } from '../openWorkspace.js';

export const traceCommand: CliCommand = {
  name: 'trace',
  summary: 'roadmap items → requirements → stories, with coverage',
  usage: 'specbench trace <dir> [--json]',
  details: `For each roadmap item (Now, then Next, then Later), lists the requirements that deliver it and
the stories that implement each requirement, then the share of requirements with a story.

Options:
  --json  prints {"items": [{"item": {roadmap item}, "requirements": [{"key", "path", "priority"?,
          "status"?, "stories": [keys]}], "covered"}], "coverage": {"requirements", "withStories"}}

Exit codes: 0, or 2 for bad usage or an unreadable workspace.`,
  positionals: ['dir'],
  options: { json: { type: 'boolean' } },
  async run(context, [dir], values) {
    const opened = await openWorkspace(context, 'trace', dir!, { write: false });
    if (!opened.ok) return opened.code;
    try {
      const items = opened.workspace.trace();
      const coverage = traceCoverage(items);
      if (values.json === true) {
        writeJson(context, { items, coverage });
        return exitCodes.ok;
      }
      const rows: string[][] = [];
      for (const row of items) {
        const { item } = row;
        const covered = `${row.covered}/${row.requirements.length} covered`;
        rows.push([item.key, item.lane, item.quarter ?? '', covered, item.title]);
        for (const requirement of row.requirements) {
          rows.push([
            `  ${requirement.key}`,
            requirement.priority ?? '',
            requirement.status ?? '',
            requirement.stories.length > 0 ? requirement.stories.join(' ') : '(no story)',
            fileLocation(context, opened.root, requirement.path),
          ]);
        }
      }
      writeLines(context, formatTable(rows));
      const { requirements, withStories } = coverage;
      const share = requirements === 0 ? 100 : Math.round((withStories / requirements) * 100);
      writeLines(context, [
        '',
        `${items.length} roadmap items; ${withStories} of ${requirements} requirements have a story (${share}%).`,
      ]);
      return exitCodes.ok;
    } finally {
      await opened.workspace.close();
    }
  },
};
