/**
 * Changed blocks as a PM reads them (a requirement's fields, its words, its criteria; a roadmap item
 * field by field), with the source diff one click away ("Show source diff").
 */
import { useState } from 'react';
import type { BlockChangeView } from '../../shared/contract/gitViews.js';
import { isEmptyChange } from '../../shared/merge/readableChange.js';
import { ReadableChange } from './ReadableChange.js';
import { UnifiedDiff } from './UnifiedDiff.js';

const changeWords = { added: 'added', removed: 'removed', changed: 'changed', moved: 'moved' } as const;

interface ChangedBlocksProps {
  blocks: readonly BlockChangeView[];
  /** Names each block's heading; off when the page already names the one item. */
  headings?: boolean;
}

export function ChangedBlocks({ blocks, headings = true }: ChangedBlocksProps) {
  const [showSource, setShowSource] = useState(false);
  const readable = blocks.some((block) => block.readable && !isEmptyChange(block.readable));
  return (
    <div className="changed-blocks">
      {readable && (
        <button
          type="button"
          className="link-button changed-blocks__toggle"
          aria-pressed={showSource}
          onClick={() => setShowSource((shown) => !shown)}
        >
          Show source diff
        </button>
      )}
      {blocks.map((block, index) => (
        <div
          key={`${block.what}-${index}`}
          className="changed-blocks__block"
          role="group"
          aria-label={block.what}
        >
          {headings && (
            <h3>
              <span className="file-diff__what">{block.what}</span>{' '}
              <span className={`change-kind change-kind--${block.change}`}>{changeWords[block.change]}</span>
              {block.previousKey ? ` (was ${block.previousKey})` : ''}
            </h3>
          )}
          {!showSource && block.readable && !isEmptyChange(block.readable) ? (
            <ReadableChange change={block.readable} />
          ) : block.diff.length > 0 ? (
            <UnifiedDiff lines={block.diff} label={`${block.what} ${block.change}`} />
          ) : (
            <p className="muted">The text did not change{block.change === 'moved' ? '; it moved' : ''}.</p>
          )}
        </div>
      ))}
    </div>
  );
}
