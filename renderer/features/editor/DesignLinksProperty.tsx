/** A story's `design:` in the document header: each entry as its link (a Markdown link by its label), removable, and a field to add one. */
import { useId, useState } from 'react';
import { parseDesignLinks } from '../../../shared/model/designLinks.js';
import { WebAddressLink } from '../../ui/WebAddressLink.js';

interface DesignLinksPropertyProps {
  /** The entries as written in the file: URLs or Markdown links. */
  entries: string[];
  editable: boolean;
  onChange: (entries: string[]) => void;
}

/** Why an entry cannot be added, or undefined: only http and https addresses become links. */
export function designEntryProblem(entry: string): string | undefined {
  if (entry === '') return undefined;
  const [link] = parseDesignLinks(entry);
  return link?.url ? undefined : 'The address must start with http:// or https://.';
}

export function DesignLinksProperty({ entries, editable, onChange }: DesignLinksPropertyProps) {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string>();
  const problemId = useId();

  function add() {
    const entry = draft.trim();
    const reason = designEntryProblem(entry);
    setProblem(reason);
    if (entry === '' || reason !== undefined) return;
    if (!entries.includes(entry)) onChange([...entries, entry]);
    setDraft('');
  }

  return (
    <div className="property property--wide" role="group" aria-label="Design">
      <span>Design</span>
      <span className="key-list">
        {entries.length === 0 && !editable && '—'}
        {entries.map((entry, index) => {
          const link = parseDesignLinks(entry)[0] ?? { label: entry };
          return (
            <span key={`${index}${entry}`} className="chip design-chip">
              {link.url ? <WebAddressLink address={link.url} text={link.label} /> : link.label}
              {editable && (
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={`Remove ${link.label} from Design`}
                  onClick={() => onChange(entries.filter((_, at) => at !== index))}
                >
                  ×
                </button>
              )}
            </span>
          );
        })}
        {editable && (
          <input
            className="design-add"
            aria-label="Add a design link"
            placeholder="https://… or [label](https://…)"
            value={draft}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? problemId : undefined}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') add();
              if (event.key === 'Escape') {
                setDraft('');
                setProblem(undefined);
              }
            }}
            onBlur={add}
          />
        )}
        {problem && (
          <span id={problemId} className="property-problem" role="alert">
            {problem}
          </span>
        )}
      </span>
    </div>
  );
}
