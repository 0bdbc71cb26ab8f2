/** `specbench show <dir> <KEY>[#REQ-n|#Heading] [--json]`: one key with what it says and its links both ways. */
import type { LinkView } from '../../../shared/contract/apiContract.js';
import { keySource } from '../../../shared/grammar/linkGrammar.js';
import type { CliCommand } from '../cliCommand.js';
import {
  exitCodes,
  fail,
  fileLocation,
  formatTable,
  outputFormat,
  outputHelp,
  outputOptions,
  writeJson,
  writeLines,
  type CliContext,
} from '../cliOutput.js';
import { openWorkspace, workspaceFolderHelp } from '../openWorkspace.js';
import { describeKey } from '../showDetails.js';
import { reportUnreadable } from '../unreadableDocuments.js';

const keyArgument = new RegExp(`^(${keySource})(?:#(.+))?$`);

export const showCommand: CliCommand = {
  name: 'show',
  summary: 'show a document, requirement, roadmap item or release with its links in both directions',
  usage: 'specbench show <dir> <KEY>[#REQ-n] [--json]',
  details: `KEY is a key (SPEC-1, STORY-4, REQ-12, RM-3, REL-2) or a link as documents write it:
SPEC-1#REQ-4 (a requirement in that spec) or SPEC-1#Goals (a heading).

Prints the item's fields and where it lives ("file:line"); for a story its acceptance criteria and
each requirement it implements with its text and roadmap items; for a requirement its text; then
its links out (what it delivers, implements, answers, is evidence for or mentions) and in (what points at it).

Options:
${outputHelp}
    {"kind": "document", "key", "type", "title", "path", "line",
     "fields": {front matter as written: a number reading otherwise than as written is its text,
     "1.10" or "012"}, "problem"?: {"line", "message"},
     "requirements": [requirement], "depends"?: [{"key", "kind": "document"|"requirement"|"roadmap",
     "title"?, "status"?} or {"key", "missing": true}], "design"?: [{"label", "url"?}] (url only
     for http and https), "story"?: {"estimate"?, "acceptanceCriteria":
     [{"line", "text", "done"?}], "implements": [requirement + {"path", "spec", "text",
     "roadmap": [item]} or {"key", "missing": true}]}, "links"}
    {"kind": "requirement", "key", "line", "summary", "priority"?, "status"?, "path",
     "spec": {"key"?, "title"}, "section"?, "text", "roadmap": [item], "links"}
    {"kind": "roadmap", "key", "fields": {as in roadmap.json}, "requirements": [keys], "links"}
    {"kind": "release", "key", "fields": {as in roadmap.json}, "links"}
  where requirement is {"key", "line", "summary", "priority"?, "status"?, "roadmap": [keys]},
  item is {"key", "title"?, "lane"?, "status"?, "quarter"?} (only the key when it does not exist),
  links is {"outgoing": [link], "incoming": [link]} and link is {"from", "to", "kind":
  "delivers"|"implements"|"answers"|"mentions"|"evidence", "path", "line"}; paths are relative to
  the workspace

${workspaceFolderHelp}

Exit codes: 0 shown, 1 shown, but a document whose front matter cannot be read is left out (one line
on stderr each, naming its file and line), 2 bad usage, an unreadable workspace or a folder that is
not one, 3 a key that is not in the workspace.`,
  positionals: ['dir', 'key'],
  options: { ...outputOptions },
  async run(context, [dir, argument], values) {
    const format = outputFormat(context, 'show', values);
    if (format === undefined) return exitCodes.usage;
    const parsed = keyArgument.exec(argument!);
    if (!parsed)
      return fail(context, `show: '${argument}' is not a key like SPEC-3, REQ-12 or RM-4 (or SPEC-3#REQ-12)`);
    const [, key, anchor] = parsed as unknown as [string, string, string | undefined];
    const opened = await openWorkspace(context, 'show', dir!, { write: false, judging: true });
    if (!opened.ok) return opened.code;
    try {
      const { workspace, root } = opened;
      const shown = await describeKey(workspace, key, anchor);
      if ('missing' in shown) return fail(context, `show: ${shown.missing}`, exitCodes.unknownKey);
      const links = workspace.links(anchor !== undefined && shown.kind === 'requirement' ? anchor : key);
      const leftOut = reportUnreadable(context, 'show', root, workspace.documents());
      const done = leftOut.length > 0 ? exitCodes.findings : exitCodes.ok;
      if (format === 'json') {
        writeJson(context, { ...shown.json, links });
        return done;
      }
      const location =
        shown.path === undefined ? undefined : fileLocation(context, root, shown.path, shown.line);
      writeLines(context, [
        `${anchor !== undefined && shown.kind === 'requirement' ? anchor : key}  ${shown.title}`,
        '',
      ]);
      writeLines(
        context,
        formatTable([
          ['kind', shown.kind],
          ...(location === undefined ? [] : [['file', location]]),
          ...shown.rows.filter(([, value]) => value !== ''),
        ]),
      );
      for (const block of shown.blocks) writeLines(context, ['', `${block.title}:`, ...block.lines]);
      writeLines(context, ['', 'Links out:', ...linkRows(context, root, links.outgoing, 'to')]);
      writeLines(context, ['', 'Links in:', ...linkRows(context, root, links.incoming, 'from')]);
      return done;
    } finally {
      await opened.workspace.close();
    }
  },
};

function linkRows(context: CliContext, root: string, links: LinkView[], side: 'to' | 'from'): string[] {
  if (links.length === 0) return ['  (none)'];
  return formatTable(
    links.map((link) => ['  ' + link.kind, link[side], fileLocation(context, root, link.path, link.line)]),
  );
}
