/** One front-matter text field of the document header: saved when it loses the focus or on Enter, plain text where read-only. */
import { useId, useState } from 'react';
import { ReadOnlyProperty } from './ReadOnlyProperty.js';

interface TextPropertyProps {
  label: string;
  value: string;
  editable: boolean;
  onCommit: (value: string) => void;
  /** A one-line reason the draft cannot be saved, or undefined when it can. */
  validate?: (draft: string) => string | undefined;
  placeholder?: string;
  /** A modifier class for the field's width (`property--wide`, `property--narrow`). */
  className?: string;
  /** What read-only mode shows instead of the value as text (a link, say). */
  readOnlyView?: React.ReactNode;
  /** Shown after the input where the field is editable and holds what is saved (an Open link, say). */
  after?: React.ReactNode;
}

export function TextProperty(props: TextPropertyProps) {
  const { label, value, editable, onCommit, validate } = props;
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  const [problem, setProblem] = useState<string>();
  const problemId = useId();
  const labelId = useId();
  if (value !== seen) {
    setSeen(value);
    setDraft(value);
    setProblem(undefined);
  }
  if (!editable && props.readOnlyView !== undefined) {
    return <ReadOnlyProperty label={label}>{props.readOnlyView}</ReadOnlyProperty>;
  }

  function commit() {
    const next = draft.trim();
    if (next === value) return setProblem(undefined);
    const reason = validate?.(next);
    setProblem(reason);
    if (reason === undefined) onCommit(next);
  }

  return (
    <label className={props.className ? `property ${props.className}` : 'property'}>
      <span id={labelId}>{label}</span>
      {/* Named by the label alone: the Open link and the problem inside the label are not part of its name. */}
      <input
        aria-labelledby={labelId}
        value={draft}
        readOnly={!editable}
        placeholder={editable ? props.placeholder : undefined}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? problemId : undefined}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') event.currentTarget.blur();
          if (event.key === 'Escape') {
            setDraft(value);
            setProblem(undefined);
          }
        }}
      />
      {/* An Open beside a refused or unsaved draft would go to the old address, not the one shown. */}
      {editable && draft.trim() === value && props.after}
      {problem && (
        <span id={problemId} className="property-problem" role="alert">
          {problem}
        </span>
      )}
    </label>
  );
}
