/**
 * A text box that filters a list of options (the ARIA combobox pattern): arrows move the active
 * option, Enter picks it, the mouse follows. The quick switcher and the command palette are built on it.
 */
import { useId, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import './combobox.css';

export interface ComboboxProps<Option> {
  options: readonly Option[];
  query: string;
  onQueryChange: (query: string) => void;
  /** `how` tells a click on what was seen from Enter on what was typed. */
  onPick: (option: Option, how: 'enter' | 'click') => void;
  optionKey: (option: Option) => string;
  /** The option's accessible name, when its text alone would not say enough; it must contain that text. */
  optionLabel?: (option: Option) => string;
  renderOption: (option: Option) => ReactNode;
  inputLabel: string;
  listLabel: string;
  placeholder: string;
  /** Between the text box and the list, e.g. "3 results". */
  heading?: ReactNode;
  /** Shown instead of the list when there are no options. */
  empty?: ReactNode;
  footer?: ReactNode;
  /** Arrows past either end go round to the other. */
  wrap?: boolean;
}

const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 8, PageUp: -8 };

export function Combobox<Option>(props: ComboboxProps<Option>) {
  const { options, query, onQueryChange, onPick, optionKey, optionLabel, renderOption } = props;
  const listId = useId();
  const [active, setActive] = useState(0);
  const activeIndex = Math.min(active, Math.max(options.length - 1, 0));
  const optionId = (index: number) => `${listId}-option-${index}`;

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const move = moves[event.key];
    if (move !== undefined && options.length > 0) {
      event.preventDefault();
      const next = activeIndex + move;
      const wrapped = Math.abs(move) === 1 && props.wrap ? (next + options.length) % options.length : next;
      setActive(Math.max(0, Math.min(options.length - 1, wrapped)));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const option = options[activeIndex];
      if (option !== undefined) onPick(option, 'enter');
    }
  }

  return (
    <div className="combobox">
      <input
        className="combobox__input"
        role="combobox"
        aria-label={props.inputLabel}
        aria-expanded={options.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={options.length > 0 ? optionId(activeIndex) : undefined}
        placeholder={props.placeholder}
        autoFocus
        spellCheck={false}
        value={query}
        onChange={(event) => {
          onQueryChange(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {props.heading && (
        <div className="combobox__heading" aria-hidden="true">
          {props.heading}
        </div>
      )}
      <ul className="combobox__list" role="listbox" id={listId} aria-label={props.listLabel}>
        {options.map((option, index) => (
          <li
            key={optionKey(option)}
            id={optionId(index)}
            role="option"
            aria-selected={index === activeIndex}
            aria-label={optionLabel?.(option)}
            className="combobox__option"
            onMouseMove={() => setActive(index)}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onPick(option, 'click')}
          >
            {renderOption(option)}
          </li>
        ))}
      </ul>
      {options.length === 0 && props.empty && <p className="combobox__empty">{props.empty}</p>}
      {props.footer && (
        <footer className="combobox__hint" aria-hidden="true">
          {props.footer}
        </footer>
      )}
    </div>
  );
}
