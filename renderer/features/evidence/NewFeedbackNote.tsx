/** A new feedback note from the template of the source it came from (interview, support ticket, …). */
import { useEffect, useId, useRef, useState } from 'react';
import { feedbackSources, type FeedbackSource } from '../../../shared/model/documentModel.js';
import './evidence.css';

const sourceLabels: Record<FeedbackSource, string> = {
  interview: 'Interview',
  support: 'Support ticket',
  sales: 'Sales call',
  survey: 'Survey answer',
  review: 'Review',
};

/** "New note…": asks where the evidence came from, since each source has its own template. */
export function NewFeedbackNote({
  label,
  create,
  className = 'button',
}: {
  label: string;
  create: (source: FeedbackSource) => Promise<{ ok: true } | { ok: false; message: string }>;
  /** The button's class: a page's `button`, or none where the container styles its buttons. */
  className?: string;
}) {
  const sourcesId = useId();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const first = useRef<HTMLButtonElement | null>(null);
  useEffect(() => {
    if (open) first.current?.focus();
  }, [open]);
  async function choose(source: FeedbackSource) {
    setOpen(false);
    const result = await create(source);
    setError(result.ok ? undefined : `Not created: ${result.message}`);
  }
  return (
    <div
      className="new-note"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
        }
      }}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        type="button"
        className={className}
        aria-expanded={open}
        aria-controls={sourcesId}
        onClick={() => setOpen(!open)}
      >
        {label}
      </button>
      {open && (
        <div id={sourcesId} className="new-note__sources" role="group" aria-label="Where it came from">
          {feedbackSources.map((source, index) => (
            <button
              key={source}
              ref={index === 0 ? first : undefined}
              type="button"
              onClick={() => void choose(source)}
            >
              {sourceLabels[source]}
            </button>
          ))}
        </div>
      )}
      {error && (
        <p role="alert" className="inline-error">
          {error}
        </p>
      )}
    </div>
  );
}
