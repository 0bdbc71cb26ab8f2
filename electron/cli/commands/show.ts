/** `specbench show <dir> <KEY> [--json]`: a document, requirement or roadmap item with its links both ways. */
import type { LinkView } from '../../../shared/contract/apiContract.js';
import { isKey } from '../../../shared/grammar/linkGrammar.js';
import { riceScore } from '../../../shared/model/roadmapModel.js';
import type { CliCommand } from '../cliCommand.js';
import {
  exitCodes,
  fail,
  fileLocation,
  formatTable,
  writeJson,
  writeLines,
  type CliContext,
} from '../cliOutput.js';
import { openWorkspace } from '../openWorkspace.js';

export const showCommand: CliCommand = {
  name: 'show',
  summary: 'show a document, requirement, roadmap item or release with its links in both directions',
  usage: 'specbench show <dir> <KEY> [--json]',
  details: `Prints the item's fields, where it lives ("file:line"), then its links out (what it delivers,
implements, answers, is evidence for or mentions) and its links in (what points at it). Releases
(REL-n) are shown too.

Options:
  --json  prints {"kind": "document"|"requirement"|"roadmap"|"release", "key", "fields": {…},
          "links": {"outgoing": [link], "incoming": [link]}} where a link is
          {"from", "to", "kind": "delivers"|"implements"|"mentions"|"answers"|"evidence", "path", "line"}

Exit codes: 0 shown, 2 bad usage, a key that is not in the workspace, or an unreadable workspace.`,
  positionals: ['dir', 'key'],
  options: { json: { type: 'boolean' } },
  async run(context, [dir, key], values) {
    if (!isKey(key!)) return fail(context, `show: '${key}' is not a key like SPEC-3, REQ-12 or RM-4`);
    const opened = await openWorkspace(context, 'show', dir!, { write: false });
    if (!opened.ok) return opened.code;
    try {
      const { workspace, root } = opened;
      const shown = describe(workspace, key!);
      if (!shown)
        return fail(context, `show: no document, requirement, roadmap item or release has the key ${key}`);
      const links = workspace.links(key!);
      if (values.json === true) {
        writeJson(context, { kind: shown.kind, key, fields: shown.fields, links });
        return exitCodes.ok;
      }
      const location =
        shown.path === undefined ? undefined : fileLocation(context, root, shown.path, shown.line);
      writeLines(context, [`${key}  ${shown.title}`, '']);
      writeLines(
        context,
        formatTable([
          ['kind', shown.kind],
          ...(location === undefined ? [] : [['file', location]]),
          ...shown.rows.filter(([, value]) => value !== ''),
        ]),
      );
      writeLines(context, ['', 'Links out:', ...linkRows(context, root, links.outgoing, 'to')]);
      writeLines(context, ['', 'Links in:', ...linkRows(context, root, links.incoming, 'from')]);
      return exitCodes.ok;
    } finally {
      await opened.workspace.close();
    }
  },
};

interface Shown {
  kind: 'document' | 'requirement' | 'roadmap' | 'release';
  title: string;
  path?: string;
  line?: number;
  rows: [string, string][];
  fields: unknown;
}

type OpenWorkspace = Extract<Awaited<ReturnType<typeof openWorkspace>>, { ok: true }>['workspace'];

function describe(workspace: OpenWorkspace, key: string): Shown | undefined {
  const document = workspace.document(key);
  if (document) {
    return {
      kind: 'document',
      title: document.title,
      path: document.path,
      line: 1,
      rows: [
        ['type', document.type],
        ['status', document.status ?? ''],
        ['owner', document.owner ?? ''],
        ['requirements', document.requirements.map((requirement) => requirement.key).join(' ')],
        ['implements', document.implements.join(' ')],
        ['answers', document.answers.join(' ')],
        ['about', document.about.join(' ')],
        ['source', document.evidence?.source ?? ''],
        ['customer', document.evidence?.customer ?? ''],
        ['date', document.evidence?.date ?? ''],
        ['quote', document.evidence?.quote ?? ''],
      ],
      fields: { ...document, sections: undefined, headings: undefined, references: undefined },
    };
  }
  const found = workspace.requirement(key);
  if (found) {
    const { requirement, document: parent } = found;
    return {
      kind: 'requirement',
      title: requirement.summary,
      path: parent.path,
      line: requirement.line,
      rows: [
        ['spec', `${parent.key ?? ''} ${parent.title}`.trim()],
        ['section', requirement.section ?? ''],
        ['priority', requirement.priority ?? ''],
        ['status', requirement.status ?? ''],
        ['roadmap', requirement.roadmap.join(' ')],
      ],
      fields: { ...requirement, path: parent.path, document: parent.key },
    };
  }
  const item = workspace.roadmap().find((candidate) => candidate.key === key);
  if (item) {
    return {
      kind: 'roadmap',
      title: item.title,
      rows: [
        ['lane', item.lane],
        ['quarter', item.quarter ?? ''],
        ['status', item.status],
        ['theme', item.theme ?? ''],
        ['owner', item.owner ?? ''],
        [
          'RICE',
          item.rice
            ? `${riceScore(item.rice)} (reach ${item.rice.reach} × impact ${item.rice.impact} × confidence ${item.rice.confidence}% ÷ effort ${item.rice.effort})`
            : '',
        ],
        ['description', item.description],
        ['release note', item.releaseNote ?? ''],
      ],
      fields: item,
    };
  }
  const release = workspace.releases().find((candidate) => candidate.key === key);
  if (release) {
    return {
      kind: 'release',
      title: release.name,
      rows: [
        ['status', release.status],
        ['date', release.date ?? ''],
        ['items', release.items.join(' ')],
        ['summary', release.summary ?? ''],
      ],
      fields: release,
    };
  }
  return undefined;
}

function linkRows(context: CliContext, root: string, links: LinkView[], side: 'to' | 'from'): string[] {
  if (links.length === 0) return ['  (none)'];
  return formatTable(
    links.map((link) => ['  ' + link.kind, link[side], fileLocation(context, root, link.path, link.line)]),
  );
}
