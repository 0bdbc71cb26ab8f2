/** One changed file against its last commit, block by block as a PM reads it: front matter field by field, requirements by key. */
import { useEffect, useState } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import type { FileDiffView } from '../../../shared/contract/gitViews.js';
import { ChangedBlocks } from '../../ui/ChangedBlocks.js';
import { useRetryOnReconnect } from '../../workbench/reconnects.js';

export function FileDiff({ api, path }: { api: SpecbenchApi; path: string }) {
  const [diff, setDiff] = useState<FileDiffView | string | undefined>(undefined);
  const retry = useRetryOnReconnect(typeof diff === 'string');
  useEffect(() => {
    let cancelled = false;
    void api.gitFileDiff({ path }).then((result) => {
      if (!cancelled) setDiff(result.ok ? result.diff : result.message);
    });
    return () => {
      cancelled = true;
    };
  }, [api, path, retry]);

  if (diff === undefined) return <p className="muted file-diff">Reading the changes…</p>;
  if (typeof diff === 'string') return <p className="inline-error file-diff">{diff}</p>;
  return (
    <div className="file-diff" role="region" aria-label={`Changes in ${path}`}>
      {diff.note && <p className="muted">{diff.note}</p>}
      {diff.blocks.length === 0 && !diff.note && (
        <p className="muted">Only spacing or line endings changed.</p>
      )}
      <ChangedBlocks blocks={diff.blocks} />
    </div>
  );
}
