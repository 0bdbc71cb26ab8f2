/** Shown when the file changed on disk while this buffer had unsaved edits. */
import { useMemo, useState } from 'react';
import { foldUnchanged, lineDiff } from './lineDiff.js';

interface ConflictBannerProps {
  mine: () => string;
  theirs: string;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  /** Saves my text as a copy beside theirs, then takes theirs (absent where a copy cannot be made). */
  onKeepBoth?: () => void;
  /** The change was saved from another window (tab) of Specbench, not made outside it. */
  fromOtherWindow?: boolean;
}

export function ConflictBanner({
  mine,
  theirs,
  onKeepMine,
  onTakeTheirs,
  onKeepBoth,
  fromOtherWindow,
}: ConflictBannerProps) {
  const [comparing, setComparing] = useState(false);
  return (
    <div className="conflict-banner" role="alert">
      <div className="conflict-row">
        <p>
          <strong>
            {fromOtherWindow
              ? 'This file was saved from another window of Specbench'
              : 'This file changed on disk'}
          </strong>{' '}
          while you had unsaved edits. Nothing is overwritten until you choose.
        </p>
        <div className="conflict-actions">
          <button type="button" aria-expanded={comparing} onClick={() => setComparing((value) => !value)}>
            Compare
          </button>
          <button type="button" onClick={onKeepMine}>
            Keep mine
          </button>
          <button type="button" onClick={onTakeTheirs}>
            Take theirs
          </button>
          {onKeepBoth && (
            <button type="button" onClick={onKeepBoth}>
              Keep both
            </button>
          )}
        </div>
      </div>
      {comparing && <Comparison mine={mine()} theirs={theirs} />}
    </div>
  );
}

function Comparison({ mine, theirs }: { mine: string; theirs: string }) {
  const rows = useMemo(() => foldUnchanged(lineDiff(mine, theirs)), [mine, theirs]);
  return (
    <div className="diff" role="region" aria-label="Differences between your text and the file on disk">
      <p className="diff-legend">
        <span className="diff-mine">− only in yours</span> <span className="diff-theirs">+ only on disk</span>
      </p>
      <pre>
        {rows.map((row, index) =>
          row.kind === 'skipped' ? (
            <div key={index} className="diff-skipped">
              ⋯ {row.count} unchanged {row.count === 1 ? 'line' : 'lines'}
            </div>
          ) : (
            <div key={index} className={`diff-${row.kind}`}>
              {row.kind === 'same' ? '  ' : row.kind === 'mine' ? '− ' : '+ '}
              {row.text}
            </div>
          ),
        )}
      </pre>
    </div>
  );
}
