/** Lines of a unified diff (`@@`, `-`, `+`, ` `) with removals and additions told apart by sign and colour. */
import './unifiedDiff.css';

export function UnifiedDiff({ lines, label }: { lines: readonly string[]; label: string }) {
  return (
    <div className="unified-diff" role="group" aria-label={label}>
      {lines.map((line, index) => {
        const kind = line.startsWith('@@')
          ? 'hunk'
          : line.startsWith('-')
            ? 'removed'
            : line.startsWith('+')
              ? 'added'
              : 'same';
        if (kind === 'hunk') return <div key={index} className="unified-diff__hunk" aria-hidden="true" />;
        return (
          <div key={index} className={`unified-diff__line unified-diff__line--${kind}`}>
            <span className="unified-diff__sign" aria-hidden="true">
              {kind === 'removed' ? '−' : kind === 'added' ? '+' : ' '}
            </span>
            {kind !== 'same' && <span className="visually-hidden">{kind}: </span>}
            <span className="unified-diff__text">{line.slice(1) || ' '}</span>
          </div>
        );
      })}
    </div>
  );
}
