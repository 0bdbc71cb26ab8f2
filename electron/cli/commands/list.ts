/** `specbench list <dir> [--type …] [--status …] [--lane …] [--release REL-n] [--spec KEY[,KEY]] [--json]`. */
import { isKey } from '../../../shared/grammar/linkGrammar.js';
import { lanes } from '../../../shared/model/roadmapModel.js';
import type { CliCommand } from '../cliCommand.js';
import {
  commaList,
  exitCodes,
  fail,
  fileLocation,
  formatTable,
  outputFormat,
  outputHelp,
  outputOptions,
  plural,
  writeJson,
  writeLines,
} from '../cliOutput.js';
import { displayValue } from '../showDetails.js';
import { listItems, listTypes, type ListFilters, type ListType } from '../listItems.js';
import { openWorkspace, workspaceFolderHelp } from '../openWorkspace.js';

export const listCommand: CliCommand = {
  name: 'list',
  summary:
    'list specs, stories, FAQs, requirements or roadmap items, filtered by status, lane, release or spec',
  usage:
    'specbench list <dir> [--type story|spec|faq|feedback|requirement|roadmap|doc] [--status S] [--lane now|next|later] [--release REL-n] [--spec KEY[,KEY]] [--json]',
  details: `Prints one row per item: "KEY  type  status  title  file:line" (roadmap items show their lane
instead of a file). Without --type every keyed document, requirement and roadmap item is listed.
Filters combine, and follow the links: --lane now keeps the roadmap items in Now, the requirements
delivering them, the specs holding those, the stories implementing them and the FAQs answering the
specs; --release and --spec narrow the same way. So the stories ready to build now are
  specbench list <dir> --type story --status ready --lane now

Options:
  --type T[,T]     spec, requirement, story, faq, feedback, roadmap or doc (a Markdown file without a key)
  --status S[,S]   the item's status (a story's ready, a requirement's approved, an item's planned…);
                   one that no item of those types has is refused as a typo
  --lane L[,L]     now, next or later
  --release REL-n  what ships in that release
  --spec KEY[,KEY] those specs, their requirements, their stories, their FAQs and the items they
                   deliver (repeat --spec, or give a comma list)
${outputHelp}
      {"items": [{"key"?, "type", "title", "status"?, "owner"?, "path"?, "line"?, "lane"?,
      "quarter"?, "estimate"?, "links"?: [keys], "spec"?}]}; paths are relative to the workspace

${workspaceFolderHelp}

Exit codes: 0 listed (also when nothing matches), 2 bad usage, an unreadable workspace or a folder
that is not one, 3 a --spec or --release key that is not in the workspace.`,
  positionals: ['dir'],
  options: {
    type: { type: 'string', multiple: true },
    status: { type: 'string', multiple: true },
    lane: { type: 'string', multiple: true },
    release: { type: 'string' },
    spec: { type: 'string', multiple: true },
    ...outputOptions,
  },
  async run(context, [dir], values) {
    const format = outputFormat(context, 'list', values);
    if (format === undefined) return exitCodes.usage;
    const types = commaList(values.type);
    const unknownType = types?.find((type) => !(listTypes as readonly string[]).includes(type));
    if (unknownType !== undefined)
      return fail(context, `list: --type must be one of ${listTypes.join(', ')}, not '${unknownType}'`);
    const laneList = commaList(values.lane);
    const unknownLane = laneList?.find((lane) => !(lanes as readonly string[]).includes(lane));
    if (unknownLane !== undefined)
      return fail(context, `list: --lane must be now, next or later, not '${unknownLane}'`);
    if (typeof values.release === 'string' && !isKey(values.release))
      return fail(context, `list: --release takes a key like REL-2, not '${values.release}'`);
    const specKeys = commaList(values.spec);
    const badSpec = specKeys?.find((key) => !isKey(key));
    if (badSpec !== undefined) return fail(context, `list: --spec takes a key like SPEC-3, not '${badSpec}'`);
    const opened = await openWorkspace(context, 'list', dir!, { write: false, judging: true });
    if (!opened.ok) return opened.code;
    try {
      const { workspace, root } = opened;
      const filters: ListFilters = {};
      if (types) filters.types = types as ListType[];
      const statuses = commaList(values.status);
      if (statuses) filters.statuses = statuses;
      if (laneList) filters.lanes = laneList;
      if (typeof values.release === 'string') {
        const release = workspace.releases().find((candidate) => candidate.key === values.release);
        if (!release)
          return fail(context, `list: there is no release ${values.release}`, exitCodes.unknownKey);
        filters.release = release;
      }
      if (specKeys) {
        filters.specs = [];
        for (const key of specKeys) {
          const spec = workspace.document(key);
          if (!spec || spec.type !== 'spec')
            return fail(context, `list: there is no spec ${key}`, exitCodes.unknownKey);
          filters.specs.push(spec);
        }
      }
      if (filters.statuses) {
        // A status no item of these types has is a typo (Ready, bogus), not an empty answer for a CI
        // script; one the other filters happen to leave out is a real empty answer.
        const inUse = new Set(
          listItems(
            workspace.documents(),
            workspace.roadmap(),
            types ? { types: filters.types! } : {},
          ).flatMap((row) => row.status ?? []),
        );
        const unknown = filters.statuses.find((status) => !inUse.has(status));
        if (unknown !== undefined) {
          const known = [...inUse].sort();
          return fail(
            context,
            `list: nothing here has the status '${unknown}'${known.length > 0 ? `; statuses in use: ${known.join(', ')}` : ''}`,
          );
        }
      }
      const rows = listItems(workspace.documents(), workspace.roadmap(), filters);
      if (format === 'json') {
        writeJson(context, { items: rows });
        return exitCodes.ok;
      }
      if (rows.length === 0) {
        writeLines(context, ['Nothing matches.']);
        return exitCodes.ok;
      }
      writeLines(
        context,
        formatTable(
          rows.map((row) => [
            row.key ?? '',
            row.type,
            row.status ?? '',
            row.estimate === undefined ? row.title : `${row.title} (${displayValue(row.estimate)} points)`,
            row.path === undefined
              ? [row.lane, row.quarter].filter(Boolean).join(' ')
              : fileLocation(context, root, row.path, row.line),
          ]),
        ),
      );
      writeLines(context, ['', `${plural(rows.length, 'item')}.`]);
      return exitCodes.ok;
    } finally {
      await opened.workspace.close();
    }
  },
};
