/** What each suspect requirement said when the story was reviewed, diffed with now (from git history). */
import { useEffect, useState } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import type { ReviewedVersionView } from '../../../shared/contract/gitViews.js';
import { ChangedBlocks } from '../../ui/ChangedBlocks.js';

export function ReviewedChanges({
  api,
  path,
  revision,
}: {
  api: SpecbenchApi;
  path: string;
  revision: number;
}) {
  const [versions, setVersions] = useState<ReviewedVersionView[]>([]);
  useEffect(() => {
    let cancelled = false;
    void api.reviewedVersions({ path }).then((result) => {
      if (!cancelled) setVersions(result.ok ? result.versions : []);
    });
    return () => {
      cancelled = true;
    };
  }, [api, path, revision]);
  if (versions.length === 0) return null;
  return (
    <section className="story-section reviewed-changes" aria-label="Changes since review">
      {versions.map((version) => (
        <div key={version.key}>
          <h2>
            {version.key} since this story was reviewed
            {version.found && version.found.changedBy.length > 0 && (
              <span className="muted">
                {' '}
                · changed by{' '}
                {version.found.changedBy
                  .map((change) => `${change.author} on ${change.date.slice(0, 10)}`)
                  .join(', ')}
              </span>
            )}
          </h2>
          {version.found ? (
            <ChangedBlocks
              headings={false}
              blocks={[
                {
                  what: `${version.key} since review`,
                  change: 'changed',
                  diff: version.found.diff,
                  ...(version.found.readable ? { readable: version.found.readable } : {}),
                },
              ]}
            />
          ) : (
            <p className="muted">
              {version.note ??
                `Reviewed against fingerprint ${version.reviewed}; it is ${version.current} now.`}
            </p>
          )}
        </div>
      ))}
    </section>
  );
}
