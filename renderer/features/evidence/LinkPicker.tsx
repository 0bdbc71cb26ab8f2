/** The combobox that links a feedback note to a roadmap item or requirement: type, arrows, Enter; Esc closes. */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Combobox } from '../../ui/Combobox.js';
import { matchTargets, type LinkTarget } from './evidenceSummary.js';

interface LinkPickerProps {
  noteTitle: string;
  targets: readonly LinkTarget[];
  /** Keys the note is already evidence for, left out of the list. */
  linked: readonly string[];
  onPick: (key: string) => void;
  /** `true` when the user cancelled with Esc, so the note takes the focus back. */
  onClose: (cancelled: boolean) => void;
}

export function LinkPicker({ noteTitle, targets, linked, onPick, onClose }: LinkPickerProps) {
  const [query, setQuery] = useState('');
  const open = useMemo(() => targets.filter((target) => !linked.includes(target.key)), [targets, linked]);
  const options = useMemo(() => matchTargets(open, query), [open, query]);
  const box = useRef<HTMLDivElement>(null);
  // Opened on a note at the bottom of the window, the list would hang below it: bring all of it into view.
  useEffect(() => {
    box.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  return (
    <div
      ref={box}
      className="link-picker"
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose(true);
        }
      }}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) onClose(false);
      }}
    >
      <Combobox
        options={options}
        query={query}
        onQueryChange={setQuery}
        onPick={(target) => onPick(target.key)}
        optionKey={(target) => target.key}
        renderOption={(target) => (
          <span className="link-picker__option">
            <span className="key">{target.key}</span>{' '}
            <span className="link-picker__title">{target.title}</span>{' '}
            <span className="link-picker__kind">{target.kind}</span>
          </span>
        )}
        inputLabel={`Link “${noteTitle}” to`}
        listLabel="Roadmap items and requirements"
        placeholder="Roadmap item or requirement…"
        empty={`Nothing matches “${query}”.`}
      />
    </div>
  );
}
