/**
 * `specbench check` findings (`#/problems`), grouped by severity, filtered by rule (each rule with its
 * count); each jumps to its file and line.
 */
import { useMemo, useState } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import type { FindingView } from '../../../shared/contract/apiContract.js';
import { documentHash, problemsHash, roadmapItemHash } from '../../workbench/route.js';
import { HashLink } from '../../ui/HashLink.js';
import { findingCounts, groupFindings, ruleCounts, severityTitles } from './groupFindings.js';
import './problems.css';

export interface ProblemsPanelProps {
  api: SpecbenchApi;
  workspace: WorkspaceState;
  navigate: (hash: string) => void;
  /** The rule the page shows findings of (from the URL, so a reload or a shared link keeps it). */
  rule?: string;
}

/** Findings rendered per group at first; a broken reference workspace can have thousands. */
const pageSize = 300;

export function ProblemsPanel({ workspace, navigate, rule = '' }: ProblemsPanelProps) {
  const rules = useMemo(() => ruleCounts(workspace.findings), [workspace.findings]);
  // A rule that found nothing any more (fixed, or turned off) no longer filters.
  const chosen = rules.some((each) => each.rule === rule) ? rule : '';
  const groups = useMemo(
    () =>
      groupFindings(
        chosen ? workspace.findings.filter((finding) => finding.rule === chosen) : workspace.findings,
      ),
    [workspace.findings, chosen],
  );
  const [shown, setShown] = useState<Record<string, number>>({});
  const [checking, setChecking] = useState(false);

  async function recheck() {
    setChecking(true);
    try {
      await workspace.refresh();
    } finally {
      setChecking(false);
    }
  }

  return (
    <div className="problems view">
      <header className="view__header">
        <div>
          <h1 className="view__title">Problems</h1>
          <p className="view__subtitle" role="status" aria-label="Problem count">
            {workspace.findingsChecked ? findingCounts(groups) : 'Checking…'}
          </p>
        </div>
        <div className="problems__tools">
          {rules.length > 0 && (
            <select
              className="problems__rule"
              aria-label="Rule"
              value={chosen}
              onChange={(event) => navigate(problemsHash(event.target.value || undefined))}
            >
              <option value="">All rules ({workspace.findings.length})</option>
              {rules.map((each) => (
                <option key={each.rule} value={each.rule}>
                  {each.rule} ({each.count})
                </option>
              ))}
            </select>
          )}
          <button type="button" className="button" onClick={() => void recheck()} disabled={checking}>
            {checking ? 'Checking…' : 'Check again'}
          </button>
        </div>
      </header>
      {workspace.findingsChecked && groups.length === 0 && (
        <p className="view-empty view-empty--success">Every rule passes. Nothing to fix.</p>
      )}
      {groups.map((group) => {
        const limit = shown[group.severity] ?? pageSize;
        return (
          <section
            key={group.severity}
            className={`problems__group problems__group--${group.severity}`}
            aria-labelledby={`problems-${group.severity}`}
          >
            <h2 id={`problems-${group.severity}`} className="problems__title">
              <span className={`severity-dot severity-dot--${group.severity}`} aria-hidden="true" />
              {severityTitles[group.severity]} <span className="panel__count">{group.findings.length}</span>
            </h2>
            <ul className="problems__list" aria-label={severityTitles[group.severity]}>
              {group.findings.slice(0, limit).map((finding, index) => (
                <li key={`${finding.path}:${finding.line}:${finding.rule}:${index}`}>
                  <HashLink className="problem" hash={findingHash(finding, workspace)} navigate={navigate}>
                    <span className="problem__message">{finding.message}</span>
                    <span className="problem__where">
                      {finding.path}:{finding.line}
                    </span>
                    <code className="problem__rule">{finding.rule}</code>
                  </HashLink>
                </li>
              ))}
            </ul>
            {group.findings.length > limit && (
              <button
                type="button"
                className="button button--quiet"
                onClick={() => setShown({ ...shown, [group.severity]: limit + pageSize * 5 })}
              >
                Show {Math.min(group.findings.length - limit, pageSize * 5)} more
              </button>
            )}
          </section>
        );
      })}
    </div>
  );
}

/** Roadmap findings point at roadmap.json; the item page is the place to fix them. */
function findingHash(finding: FindingView, workspace: WorkspaceState): string {
  if (finding.key && !workspace.byPath.has(finding.path) && workspace.roadmapByKey.has(finding.key)) {
    return roadmapItemHash(finding.key);
  }
  return documentHash(finding.path, finding.line);
}
