/**
 * "+ add" that opens a filterable combobox of keys. Options are built only while it is open, so a
 * requirement card or a story's properties never put 2,000 roadmap items or 50,000 keys in the DOM.
 */
import { useId, useMemo, useState, type KeyboardEvent } from 'react';

export interface KeyOption {
  key: string;
  title: string;
}

interface KeyPickerProps {
  /** Accessible name of both the button and the combobox, e.g. "Link REQ-3 to a roadmap item". */
  label: string;
  text: string;
  options: () => readonly KeyOption[];
  onPick: (key: string) => void;
}

const shownLimit = 12;

export function filterKeyOptions(options: readonly KeyOption[], query: string): KeyOption[] {
  const needle = query.trim().toLowerCase();
  // A typed key goes first even when it sits late in the list (REQ-4 before REQ-40).
  const exact = options.find((option) => option.key.toLowerCase() === needle);
  const matches: KeyOption[] = exact ? [exact] : [];
  for (const option of options) {
    if (matches.length === shownLimit) break;
    if (option === exact) continue;
    if (
      needle === '' ||
      option.key.toLowerCase().includes(needle) ||
      option.title.toLowerCase().includes(needle)
    ) {
      matches.push(option);
    }
  }
  return matches;
}

export function KeyPicker({ label, text, options, onPick }: KeyPickerProps) {
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <button type="button" className="key-picker-button" aria-label={label} onClick={() => setOpen(true)}>
        {text}
      </button>
    );
  }
  return <OpenPicker label={label} options={options} onPick={onPick} onClose={() => setOpen(false)} />;
}

function OpenPicker({
  label,
  options,
  onPick,
  onClose,
}: Omit<KeyPickerProps, 'text'> & { onClose: () => void }) {
  const listId = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const all = useMemo(options, [options]);
  const shown = useMemo(() => filterKeyOptions(all, query), [all, query]);
  const pick = (key: string) => {
    onPick(key);
    onClose();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => (shown.length === 0 ? 0 : (index + step + shown.length) % shown.length));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const option = shown[active];
      if (option) pick(option.key);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };
  return (
    <span className="key-picker">
      <input
        role="combobox"
        aria-label={label}
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={shown[active] ? `${listId}-${active}` : undefined}
        autoFocus
        placeholder="Key or title…"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        onBlur={onClose}
      />
      <span role="listbox" id={listId} aria-label={`${label}: matches`} className="key-picker-list">
        {shown.length === 0 && <span className="key-picker-empty">No match</span>}
        {shown.map((option, index) => (
          <span
            key={option.key}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            className={index === active ? 'key-picker-option active' : 'key-picker-option'}
            onMouseDown={(event) => {
              event.preventDefault();
              pick(option.key);
            }}
          >
            <span className="key">{option.key}</span> {option.title}
          </span>
        ))}
      </span>
    </span>
  );
}
