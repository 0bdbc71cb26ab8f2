import { plural } from '../../../shared/model/plural.js';

/**
 * The home page's count of problems, agreeing with the Problems badge (errors and warnings, not
 * infos): "0 errors · 15 warnings" (walk11h: "0 errors" beside a badge of 15 warnings).
 */
export function problemSummary(findings: readonly { severity: string }[]): string {
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.filter((finding) => finding.severity === 'warning').length;
  return warnings === 0
    ? plural(errors, 'error')
    : `${plural(errors, 'error')} · ${plural(warnings, 'warning')}`;
}
