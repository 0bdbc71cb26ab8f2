/**
 * What the last triage action did, with its way back: Undo after each action, and after N first a
 * field to rename the new roadmap item, whose title starts as the customer's own words.
 */
import { useState } from 'react';
import type { Triage, TriageMessage } from './useTriage.js';

export function TriageNotice({ triage }: { triage: Triage }) {
  const message = triage.message;
  return (
    <div className="feedback-notice">
      <p
        role="status"
        className={message?.failed ? 'feedback-message feedback-message--failed' : 'feedback-message'}
      >
        {message?.text}
      </p>
      {message?.created && (
        <RenameItem key={message.created.key} created={message.created} rename={triage.rename} />
      )}
      {message?.undoable && (
        <button type="button" className="button button--quiet" onClick={() => void triage.undo()}>
          Undo
        </button>
      )}
    </div>
  );
}

function RenameItem({
  created,
  rename,
}: {
  created: NonNullable<TriageMessage['created']>;
  rename: Triage['rename'];
}) {
  const [title, setTitle] = useState(created.title);
  const trimmed = title.trim();
  return (
    <form
      className="feedback-rename"
      onSubmit={(event) => {
        event.preventDefault();
        if (trimmed !== '' && trimmed !== created.title) void rename(created.key, trimmed);
      }}
    >
      <label className="feedback-rename__label">
        <span className="visually-hidden">Title of {created.key}</span>
        <input
          className="input feedback-rename__input"
          value={title}
          maxLength={500}
          onChange={(event) => setTitle(event.target.value)}
        />
      </label>
      <button type="submit" className="button" disabled={trimmed === '' || trimmed === created.title}>
        Rename {created.key}
      </button>
    </form>
  );
}
