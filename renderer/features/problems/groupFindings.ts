/** Findings grouped by severity, most severe first, each group in file and line order. */
import type { FindingView } from '../../../shared/contract/apiContract.js';

export type Severity = FindingView['severity'];
export const severities: readonly Severity[] = ['error', 'warning', 'info'];
export const severityTitles: Record<Severity, string> = {
  error: 'Errors',
  warning: 'Warnings',
  info: 'Info',
};

export interface FindingGroup {
  severity: Severity;
  findings: FindingView[];
}

export function groupFindings(findings: readonly FindingView[]): FindingGroup[] {
  return severities
    .map((severity) => ({
      severity,
      findings: findings
        .filter((finding) => finding.severity === severity)
        .sort(
          (left, right) =>
            left.path.localeCompare(right.path) ||
            left.line - right.line ||
            left.rule.localeCompare(right.rule),
        ),
    }))
    .filter((group) => group.findings.length > 0);
}

/** One line for the panel header, e.g. "2 errors, 1 warning". */
export function findingCounts(groups: readonly FindingGroup[]): string {
  if (groups.length === 0) return 'No problems';
  return groups
    .map(({ severity, findings }) => {
      const noun = severity === 'info' ? 'info' : findings.length === 1 ? severity : `${severity}s`;
      return `${findings.length} ${noun}`;
    })
    .join(', ');
}

/** Each rule that found something, with how many findings, most first (then by name): the rule filter's choices. */
export function ruleCounts(findings: readonly FindingView[]): { rule: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(finding.rule, (counts.get(finding.rule) ?? 0) + 1);
  return [...counts]
    .map(([rule, count]) => ({ rule, count }))
    .sort((left, right) => right.count - left.count || left.rule.localeCompare(right.rule));
}
