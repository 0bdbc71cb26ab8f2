/** Which requirements of a spec changed since its approval, each by words against the approved version. */
import { useEffect, useState } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import type { ApprovedChangesView, BlockChangeView } from '../../../shared/contract/gitViews.js';
import { rekeyLabel } from '../../../shared/merge/rekeyedRequirement.js';
import { ChangedBlocks } from '../../ui/ChangedBlocks.js';

function blocksOf(requirements: NonNullable<ApprovedChangesView['requirements']>): BlockChangeView[] {
  return [
    ...requirements.added.map((entry) => ({
      what: entry.key,
      change: 'added' as const,
      diff: entry.body.split('\n').map((line) => `+${line}`),
      ...(entry.readable ? { readable: entry.readable } : {}),
    })),
    ...requirements.removed.map((entry) => ({
      what: entry.key,
      change: 'removed' as const,
      diff: entry.body.split('\n').map((line) => `-${line}`),
    })),
    ...requirements.changed.map((entry) => ({
      what: entry.from ? rekeyLabel(entry.from, entry.key) : entry.key,
      change: 'changed' as const,
      diff: entry.diff,
      ...(entry.readable ? { readable: entry.readable } : {}),
    })),
  ];
}

export function ApprovedChanges({
  api,
  path,
  revision,
}: {
  api: SpecbenchApi;
  path: string;
  revision: number;
}) {
  const [changes, setChanges] = useState<ApprovedChangesView | undefined>(undefined);
  useEffect(() => {
    let cancelled = false;
    void api.approvedChanges({ path }).then((result) => {
      if (!cancelled) setChanges(result.ok ? result.changes : undefined);
    });
    return () => {
      cancelled = true;
    };
  }, [api, path, revision]);
  if (!changes) return null;
  return (
    <section className="story-section reviewed-changes" aria-label="Changes since approval">
      <h2>
        Requirements changed since approval
        <span className="muted">
          {' '}
          · approved on {changes.approval.at.slice(0, 10)} by {changes.approval.by}
        </span>
      </h2>
      {changes.requirements ? (
        <ChangedBlocks blocks={blocksOf(changes.requirements)} />
      ) : (
        <p className="muted">{changes.note}</p>
      )}
    </section>
  );
}
