/** One changed file against its last commit, block by block: front matter field by field, requirements by key. */
import { useEffect, useState } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import type { FileDiffView } from '../../../shared/contract/gitViews.js';
import { UnifiedDiff } from '../../ui/UnifiedDiff.js';

const blockChanges = { added: 'added', removed: 'removed', changed: 'changed', moved: 'moved' } as const;

export function FileDiff({ api, path }: { api: SpecbenchApi; path: string }) {
  const [diff, setDiff] = useState<FileDiffView | string | undefined>(undefined);
  useEffect(() => {
    let cancelled = false;
    void api.gitFileDiff({ path }).then((result) => {
      if (!cancelled) setDiff(result.ok ? result.diff : result.message);
    });
    return () => {
      cancelled = true;
    };
  }, [api, path]);

  if (diff === undefined) return <p className="muted file-diff">Reading the changes…</p>;
  if (typeof diff === 'string') return <p className="inline-error file-diff">{diff}</p>;
  return (
    <div className="file-diff" role="region" aria-label={`Changes in ${path}`}>
      {diff.note && <p className="muted">{diff.note}</p>}
      {diff.blocks.length === 0 && !diff.note && (
        <p className="muted">Only spacing or line endings changed.</p>
      )}
      {diff.blocks.map((block, index) => (
        <section key={`${block.what}-${index}`} className="file-diff__block" aria-label={block.what}>
          <h3>
            <span className="file-diff__what">{block.what}</span>{' '}
            <span className={`change-kind change-kind--${block.change}`}>{blockChanges[block.change]}</span>
          </h3>
          <UnifiedDiff lines={block.diff} label={`${block.what} ${block.change}`} />
        </section>
      ))}
    </div>
  );
}
