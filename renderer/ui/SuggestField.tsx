/**
 * A text box with its suggestions listed under it, always in view (a datalist shows them only on
 * demand, and hides those not matching what the box holds): the arrows choose one and Enter takes
 * it; typing filters them and Enter takes the text typed, which may be none of them.
 */
import { useId, useState, type KeyboardEvent } from 'react';
import './suggestField.css';

interface SuggestFieldProps {
  label: string;
  /** What the list is called (e.g. "Folders"). */
  listLabel: string;
  value: string;
  onChange: (value: string) => void;
  suggestions: readonly string[];
  onSubmit: (value: string) => void;
  onEscape?: () => void;
  placeholder?: string;
  readOnly?: boolean;
}

export function SuggestField(props: SuggestFieldProps) {
  const { value, onChange, onSubmit } = props;
  const listId = useId();
  const [active, setActive] = useState<number | undefined>(undefined);
  const [typed, setTyped] = useState(false);
  // Until the user types, every suggestion shows (the box starts with a value of its own).
  const needle = typed ? value.trim().toLowerCase() : '';
  const shown = props.suggestions.filter((option) => option.toLowerCase().includes(needle));
  const activeIndex = active !== undefined && active < shown.length ? active : undefined;
  const optionId = (index: number) => `${listId}-${index}`;

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && shown.length > 0) {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const from = activeIndex ?? (step === 1 ? -1 : shown.length);
      setActive((from + step + shown.length) % shown.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      onSubmit(activeIndex === undefined ? value : shown[activeIndex]!);
    } else if (event.key === 'Escape' && props.onEscape) {
      event.preventDefault();
      event.stopPropagation();
      props.onEscape();
    }
  }

  return (
    <div className="suggest-field">
      <input
        className="suggest-field__input"
        role="combobox"
        aria-label={props.label}
        aria-expanded={shown.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeIndex === undefined ? undefined : optionId(activeIndex)}
        autoFocus
        spellCheck={false}
        placeholder={props.placeholder}
        readOnly={props.readOnly}
        value={value}
        onFocus={(event) => event.currentTarget.select()}
        onChange={(event) => {
          setTyped(true);
          setActive(undefined);
          onChange(event.target.value);
        }}
        onKeyDown={onKeyDown}
      />
      {shown.length > 0 && (
        <ul className="suggest-field__list" role="listbox" id={listId} aria-label={props.listLabel}>
          {shown.map((option, index) => (
            <li
              key={option}
              id={optionId(index)}
              role="option"
              aria-selected={index === activeIndex}
              className="suggest-field__option"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => {
                setActive(undefined);
                setTyped(false);
                onChange(option);
              }}
            >
              {option}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
