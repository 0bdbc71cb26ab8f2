/**
 * The Export dialog's documents: a filter box (title, path, key or #tag) over the list, and one button
 * that chooses every document shown, or clears them when all are chosen. A vault of hundreds of
 * notes is narrowed by typing, then chosen in one go, from the keyboard alone.
 */
import { useId, useMemo, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { DocumentSummary } from '../../../shared/contract/documentSummary.js';
import { matchesFilter, sharedTitles, type ExportChoices } from './exportRequest.js';

export interface DocumentChooserProps {
  documents: readonly DocumentSummary[];
  choices: ExportChoices;
  onChange: (choices: Pick<ExportChoices, 'scope' | 'documents'>) => void;
}

export function DocumentChooser({ documents, choices, onChange }: DocumentChooserProps) {
  const [filter, setFilter] = useState('');
  const hintId = useId();
  const shown = documents.filter((entry) => matchesFilter(entry, filter));
  const namesakes = useMemo(() => sharedTitles(documents), [documents]);
  const isChosen = (entry: DocumentSummary) =>
    choices.scope === 'all' ? entry.type === 'spec' : choices.documents.includes(entry.path);
  const allChosen = choices.scope === 'chosen' && shown.length > 0 && shown.every(isChosen);
  const shownPaths = new Set(shown.map((entry) => entry.path));

  function chooseShown() {
    const kept = choices.scope === 'chosen' ? choices.documents : [];
    onChange({
      scope: 'chosen',
      documents: allChosen
        ? kept.filter((path) => !shownPaths.has(path))
        : [...kept, ...shown.map((entry) => entry.path).filter((path) => !kept.includes(path))],
    });
  }

  function toggle(path: string) {
    const list = choices.documents;
    onChange({
      scope: 'chosen',
      documents: list.includes(path) ? list.filter((item) => item !== path) : [...list, path],
    });
  }

  // Enter in the filter chooses what it found rather than starting the export.
  function filterKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    if (shown.length > 0 && !allChosen) chooseShown();
  }

  return (
    <>
      <div className="export-dialog__filter">
        <input
          type="search"
          aria-label="Filter documents"
          aria-describedby={hintId}
          placeholder="Filter by title, path, key or #tag"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          onKeyDown={filterKey}
        />
        <button type="button" onClick={chooseShown} disabled={shown.length === 0}>
          {allChosen ? `Clear ${shown.length} shown` : `Choose ${shown.length} shown`}
        </button>
      </div>
      <span id={hintId} className="export-dialog__hint">
        {filter.trim() === ''
          ? `${documents.length} documents; Enter chooses all shown.`
          : shown.length === 0
            ? `No document matches “${filter.trim()}”.`
            : `${shown.length} of ${documents.length} documents shown; Enter chooses them all.`}
      </span>
      {/* Focusable, so the list scrolls from the keyboard while "All specs" disables its boxes (axe: scrollable-region-focusable). */}
      <ul className="export-dialog__specs" aria-label="Documents to export" tabIndex={0}>
        {shown.map((entry) => (
          <li key={entry.path}>
            <label title={entry.path}>
              <input
                type="checkbox"
                disabled={choices.scope === 'all'}
                checked={isChosen(entry)}
                onChange={() => toggle(entry.path)}
              />
              {entry.key && <span className="export-dialog__key">{entry.key}</span>} {entry.title}
              {namesakes.has(entry.title) && <span className="export-dialog__path"> {entry.path}</span>}
            </label>
          </li>
        ))}
      </ul>
    </>
  );
}
