/** A change as a PM reads it: fields "from → to", text by words, parts (criteria, items) added and removed. */
import type { ReadableChange as Change, WordRun } from '../../shared/merge/readableChange.js';
import './readableChange.css';

function Words({ runs }: { runs: readonly WordRun[] }) {
  return (
    <>
      {runs.map((run, index) =>
        run.change === 'added' ? (
          <ins key={index}>
            <span className="visually-hidden">[added: </span>
            {run.text}
            <span className="visually-hidden">]</span>
          </ins>
        ) : run.change === 'removed' ? (
          <del key={index}>
            <span className="visually-hidden">[removed: </span>
            {run.text}
            <span className="visually-hidden">]</span>
          </del>
        ) : (
          <span key={index}>{run.text}</span>
        ),
      )}
    </>
  );
}

export function ReadableChange({ change }: { change: Change }) {
  return (
    <div className="readable-change">
      {change.fields.length > 0 && (
        <ul className="readable-change__fields" aria-label="Fields">
          {change.fields.map((field) => (
            <li key={field.field}>
              <span className="readable-change__name">{field.field}</span>{' '}
              {field.from === '' ? (
                // A field the item starts with: its value, not a move.
                <span>{field.to}</span>
              ) : (
                <>
                  <del>{field.from}</del> → <ins>{field.to}</ins>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {change.notes?.map((note) => (
        <p key={note} className="readable-change__words">
          {note}
        </p>
      ))}
      {change.texts.map((text, index) => (
        <p key={`${text.what}-${index}`} className="readable-change__words">
          <span className="readable-change__name">{text.what}</span> <Words runs={text.words} />
        </p>
      ))}
      {change.added.length + change.removed.length > 0 && (
        <ul className="readable-change__parts">
          {change.added.map((part, index) => (
            <li key={`added-${index}`} className="readable-change__part--added">
              <span className="readable-change__sign">Added</span>{' '}
              <span className="readable-change__name">{part.what}</span> {part.text}
            </li>
          ))}
          {change.removed.map((part, index) => (
            <li key={`removed-${index}`} className="readable-change__part--removed">
              <span className="readable-change__sign">Removed</span>{' '}
              <span className="readable-change__name">{part.what}</span> {part.text}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
