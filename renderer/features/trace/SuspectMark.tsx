/** A trace cell's story whose requirement changed since the story was reviewed: said in words, with Mark reviewed. */
import { useState } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import { markReviewedWithUndo, type Reviewed } from '../../workbench/reviewedNotice.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';

/** Story path and requirement key of each `suspect-link` finding, as `path\u0000key`. */
export function suspectPairs(workspace: WorkspaceState): ReadonlySet<string> {
  return new Set(
    workspace.findings
      .filter((finding) => finding.rule === 'suspect-link' && finding.key)
      .map((finding) => `${finding.path}\u0000${finding.key}`),
  );
}

export function SuspectMark({
  api,
  workspace,
  storyPath,
  storyKey,
  requirementKey,
  onReviewed,
}: {
  api: SpecbenchApi;
  workspace: WorkspaceState;
  storyPath: string;
  storyKey: string;
  requirementKey: string;
  /** The matrix shows the notice: this cell is gone once the story is reviewed. */
  onReviewed: (reviewed: Reviewed) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const markReviewed = async () => {
    setBusy(true);
    // Mark reviewed stamps every requirement of the story: the notice names each one that had changed.
    const changed = workspace.findings
      .filter((finding) => finding.rule === 'suspect-link' && finding.path === storyPath && finding.key)
      .map((finding) => finding.key!);
    const result = await markReviewedWithUndo(api, storyPath, storyKey, changed);
    setBusy(false);
    if (!result.ok) return setError(result.message);
    onReviewed(result.reviewed);
    await workspace.update({ paths: [storyPath] });
  };
  return (
    <span className="trace__suspect">
      <span className="trace__suspect-note">{requirementKey} changed since review</span>
      {workspace.info?.writable && (
        <button
          type="button"
          disabled={busy}
          aria-label={`Mark reviewed: ${storyKey} against ${requirementKey}`}
          onClick={() => void markReviewed()}
        >
          Mark reviewed
        </button>
      )}
      {error && <span className="form-error">{error}</span>}
    </span>
  );
}
