/** `specbench check <dir> [--format text|json]`: the rule engine, for people and for CI. */
import type { FindingView } from '../../../shared/contract/apiContract.js';
import type { CliCommand } from '../cliCommand.js';
import { exitCodes, fail, fileLocation, formatTable, plural, writeJson, writeLines } from '../cliOutput.js';
import { openWorkspace } from '../openWorkspace.js';

const severityOrder = { error: 0, warning: 1, info: 2 } as const;

export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'run the rules: broken links, duplicate keys, coverage gaps, malformed files',
  usage: 'specbench check <dir> [--format text|json]',
  details: `Prints one finding per line as "file:line  severity  rule  message", sorted by file and line,
then a count. Severities come from specbench.json ("rules": { "<rule>": "error|warning|info|off" }).

Rules (default severity): broken-link, duplicate-key, malformed-file (error);
requirement-without-roadmap, must-without-story, story-without-acceptance-criteria,
now-item-without-requirements, unmeasured-metric (warning: a Success metrics row without an
Actual more than 30 days after the spec's first release shipped, dated by today in UTC);
empty-required-section, criterion-not-gherkin (info: an acceptance criterion that does not split
into Given/When/Then steps for export --format feature).
Like search, show and trace, it keeps an index cache in <dir>/.specbench/ (git-ignored, never the
truth) so the next run only re-reads changed files; it never changes a document.

Options:
  --format text|json  json prints {"findings": [{"rule", "severity", "path", "line", "message",
                      "key"?}], "counts": {"error", "warning", "info"}}; paths are relative to <dir>

Exit codes: 0 no error-level finding, 1 at least one, 2 bad usage or an unreadable workspace.`,
  positionals: ['dir'],
  options: { format: { type: 'string', default: 'text' } },
  async run(context, [dir], values) {
    if (values.format !== 'text' && values.format !== 'json') {
      return fail(context, `check: --format must be text or json, not '${String(values.format)}'`);
    }
    const opened = await openWorkspace(context, 'check', dir!, { write: false });
    if (!opened.ok) return opened.code;
    try {
      const findings = sortFindings(opened.workspace.check());
      const counts = { error: 0, warning: 0, info: 0 };
      for (const finding of findings) counts[finding.severity]++;
      if (values.format === 'json') writeJson(context, { findings, counts });
      else {
        const rows = findings.map((finding) => [
          fileLocation(context, opened.root, finding.path, finding.line),
          finding.severity,
          finding.rule,
          finding.message,
        ]);
        writeLines(context, formatTable(rows));
        const documents = plural(opened.workspace.documents().length, 'document');
        writeLines(context, [
          findings.length === 0
            ? `No findings in ${documents}.`
            : `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info in ${documents}.`,
        ]);
      }
      return counts.error > 0 ? exitCodes.findings : exitCodes.ok;
    } finally {
      await opened.workspace.close();
    }
  },
};

function sortFindings(findings: FindingView[]): FindingView[] {
  return [...findings].sort(
    (a, b) =>
      a.path.localeCompare(b.path) ||
      a.line - b.line ||
      severityOrder[a.severity] - severityOrder[b.severity] ||
      a.rule.localeCompare(b.rule),
  );
}
