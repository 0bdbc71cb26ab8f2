/** `specbench trace <dir> [--json]`: roadmap items → requirements → stories, with coverage. */
import { traceCoverage } from '../../../shared/contract/traceRows.js';
import type { CliCommand } from '../cliCommand.js';
import {
  exitCodes,
  fileLocation,
  formatTable,
  outputFormat,
  outputHelp,
  outputOptions,
  plural,
  writeJson,
  writeLines,
} from '../cliOutput.js';
import { openWorkspace, workspaceFolderHelp } from '../openWorkspace.js';

export const traceCommand: CliCommand = {
  name: 'trace',
  summary: 'roadmap items → requirements → stories, with coverage',
  usage: 'specbench trace <dir> [--json]',
  details: `For each roadmap item (Now, then Next, then Later), lists the requirements that deliver it and
the stories that implement each requirement with their status (STORY-4 (ready)), then the share of
requirements with a story.

A requirement counts once however many items it delivers.

${workspaceFolderHelp}

Options:
${outputHelp}
      {"items": [{"item": {roadmap item}, "requirements": [{"key", "path", "priority"?,
      "status"?, "stories": [keys], "storyStatus": {story key: status}}], "covered"}],
      "coverage": {"requirements", "withStories"}}

Exit codes: 0, or 2 for bad usage, an unreadable workspace or a folder that is not one.`,
  positionals: ['dir'],
  options: { ...outputOptions },
  async run(context, [dir], values) {
    const format = outputFormat(context, 'trace', values);
    if (format === undefined) return exitCodes.usage;
    const opened = await openWorkspace(context, 'trace', dir!, { write: false, judging: true });
    if (!opened.ok) return opened.code;
    try {
      const items = opened.workspace.trace();
      const coverage = traceCoverage(items);
      if (format === 'json') {
        writeJson(context, { items, coverage });
        return exitCodes.ok;
      }
      const rows: string[][] = [];
      for (const row of items) {
        const { item } = row;
        const covered =
          row.requirements.length === 0
            ? 'no requirement'
            : `${row.covered}/${row.requirements.length} covered`;
        rows.push([item.key, item.lane, item.quarter ?? '', covered, item.title]);
        for (const requirement of row.requirements) {
          rows.push([
            `  ${requirement.key}`,
            requirement.priority ?? '',
            requirement.status ?? '',
            requirement.stories.length > 0
              ? requirement.stories
                  .map((story) => {
                    const status = requirement.storyStatus[story];
                    return status === undefined ? story : `${story} (${status})`;
                  })
                  .join(' ')
              : '(no story)',
            fileLocation(context, opened.root, requirement.path),
          ]);
        }
      }
      if (items.length === 0) {
        writeLines(context, [
          'No roadmap items yet: add them on the roadmap board or in roadmap.json, then link requirements with roadmap=RM-1.',
        ]);
        return exitCodes.ok;
      }
      writeLines(context, [...formatTable(rows), '']);
      const { requirements, withStories } = coverage;
      writeLines(context, [
        requirements === 0
          ? `${plural(items.length, 'roadmap item')}; no requirement delivers one yet (a requirement names its item with roadmap=RM-1).`
          : `${plural(items.length, 'roadmap item')}; ${withStories} of ${plural(requirements, 'requirement')} ${requirements === 1 ? 'has' : 'have'} a story (${Math.round((withStories / requirements) * 100)}%).`,
      ]);
      return exitCodes.ok;
    } finally {
      await opened.workspace.close();
    }
  },
};
