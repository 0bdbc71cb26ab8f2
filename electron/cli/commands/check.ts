/** `specbench check <dir> [--json]`: the rule engine, for people and for CI. */
import type { FindingView } from '../../../shared/contract/apiContract.js';
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
import { defaultSeverities, ruleIds } from '../../../shared/model/settingsModel.js';

const severityOrder = { error: 0, warning: 1, info: 2 } as const;

export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'run the rules: broken links, duplicate keys, coverage gaps, malformed files',
  usage: 'specbench check <dir> [--json]',
  details: `Prints one finding per line as "file:line  severity  rule  message", sorted by file and line,
then a count; files, and the places a message names, are relative to the working folder. Severities come from specbench.json ("rules": { "<rule>": "error|warning|info|off" }).

Rules (default severity):
${rulesBySeverity()}
unmeasured-metric counts 30 days from the spec's first release, dated by today in UTC;
criterion-not-gherkin is an acceptance criterion that does not split into Given/When/Then steps
for export --format feature. The README's rules table says what each one flags.

Like search, show and trace, it keeps an index cache in <dir>/.specbench/ (git-ignored, never the
truth) so the next run only re-reads changed files; it never changes a document.

${workspaceFolderHelp}
A spec is a Markdown file whose front matter has a key (key: SPEC-1) and type: spec, or a key and a
place in specs/; stories and FAQs likewise (type: story in stories/, type: faq in faqs/).

Options:
${outputHelp}
      {"findings": [{"rule", "severity", "path", "line", "message", "key"?}],
      "counts": {"error", "warning", "info"}}; paths, in messages too, are relative to the
      workspace

Exit codes: 0 no error-level finding, 1 at least one, 2 bad usage, an unreadable workspace or a
folder that is not one.`,
  positionals: ['dir'],
  options: { ...outputOptions },
  async run(context, [dir], values) {
    const format = outputFormat(context, 'check', values);
    if (format === undefined) return exitCodes.usage;
    const opened = await openWorkspace(context, 'check', dir!, {
      write: false,
      judging: true,
      readsEveryEntry: true,
    });
    if (!opened.ok) return opened.code;
    try {
      const { findingsDuringMerge, mergeState } = await import('../../git/mergeFindings.js');
      const merging = await mergeState(opened.root);
      const findings = sortFindings(findingsDuringMerge(opened.workspace.check(), merging));
      const counts = { error: 0, warning: 0, info: 0 };
      for (const finding of findings) counts[finding.severity]++;
      if (format === 'json') writeJson(context, { findings, counts });
      else {
        const entries = opened.workspace.documents();
        const files = new Set([...entries, ...findings].map((place) => place.path));
        // A place a message names (duplicate-key's "also used in specs/a.md:3") reads like the row's own.
        const placesLikeRows = (message: string): string =>
          message.replace(/([^\s,;()]+):(\d+)/g, (place, file: string, line: string) =>
            files.has(file) ? fileLocation(context, opened.root, file, Number(line)) : place,
          );
        const rows = findings.map((finding) => [
          fileLocation(context, opened.root, finding.path, finding.line),
          finding.severity,
          finding.rule,
          placesLikeRows(finding.message),
        ]);
        writeLines(context, formatTable(rows));
        const documents = plural(entries.length, 'document');
        writeLines(context, [
          findings.length === 0
            ? `No findings in ${documents}.`
            : `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info in ${documents}.`,
        ]);
        // A vault or docs folder was told it is read as Markdown; the hint is for a workspace's first spec.
        if (!opened.markdownFolder && !entries.some((entry) => entry.type === 'spec'))
          writeLines(context, [`No specs yet: ${specDefinition}.`]);
      }
      return counts.error > 0 ? exitCodes.findings : exitCodes.ok;
    } finally {
      await opened.workspace.close();
    }
  },
};

/** What check and export say where no document is a spec. */
export const specDefinition =
  'a spec is a Markdown file whose front matter has key: SPEC-1 and type: spec (or a key and a place in specs/)';

function sortFindings(findings: FindingView[]): FindingView[] {
  return [...findings].sort(
    (a, b) =>
      a.path.localeCompare(b.path) ||
      a.line - b.line ||
      severityOrder[a.severity] - severityOrder[b.severity] ||
      a.rule.localeCompare(b.rule),
  );
}

/** Every rule under its default severity, from the list the engine runs, wrapped for an 80-column terminal. */
function rulesBySeverity(): string {
  return (['error', 'warning', 'info'] as const)
    .map((severity) => {
      const words = [...ruleIds.filter((rule) => defaultSeverities[rule] === severity), `(${severity})`];
      const lines: string[] = [];
      for (const word of words) {
        const last = lines.at(-1);
        if (last !== undefined && last.length + word.length + 2 <= 100)
          lines[lines.length - 1] = `${last}, ${word}`;
        else lines.push(`  ${word}`);
      }
      return lines.join(',\n').replace(/, \(/, ' (');
    })
    .join('\n');
}
