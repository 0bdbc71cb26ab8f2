/**
 * The Feedback view (`#/feedback`): the inbox of untriaged notes (or all of them), filtered by source,
 * segment and customer, each triaged in one keystroke — L links it, N makes it a roadmap item in
 * Later, A archives it. A CSV dropped or pasted here opens the import with its preview.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ClipboardEvent, DragEvent } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import { createAndOpen } from '../../workbench/createDocument.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import { FeedbackNote } from './FeedbackNote.js';
import { TriageNotice } from './TriageNotice.js';
import { NewFeedbackNote } from './NewFeedbackNote.js';
import { ImportFeedbackDialog, type CsvInput } from './ImportFeedbackDialog.js';
import {
  feedbackValues,
  filterFeedback,
  isUntriaged,
  linkTargets,
  type FeedbackFilter,
} from './evidenceSummary.js';
import { useTriage } from './useTriage.js';
import './evidence.css';

interface FeedbackInboxProps {
  api: SpecbenchApi;
  workspace: WorkspaceState;
  navigate: (hash: string) => void;
}

const filterLabels = { source: 'Source', segment: 'Segment', customer: 'Customer' } as const;

export function FeedbackInbox({ api, workspace, navigate }: FeedbackInboxProps) {
  const [filter, setFilter] = useState<FeedbackFilter>({ scope: 'inbox' });
  const [csv, setCsv] = useState<CsvInput | undefined>(undefined);
  const [dragging, setDragging] = useState(false);
  const triage = useTriage(api, workspace);
  const writable = workspace.info?.writable ?? false;
  const notes = useMemo(
    () => workspace.documents.filter((entry) => entry.type === 'feedback'),
    [workspace.documents],
  );
  const inbox = useMemo(() => notes.filter(isUntriaged).length, [notes]);
  const shown = useMemo(() => filterFeedback(notes, filter), [notes, filter]);
  const targets = useMemo(
    () => linkTargets(workspace.roadmap, workspace.documents),
    [workspace.roadmap, workspace.documents],
  );
  const options = useMemo(
    () => ({
      source: feedbackValues(notes, 'source'),
      segment: feedbackValues(notes, 'segment'),
      customer: feedbackValues(notes, 'customer'),
    }),
    [notes],
  );
  const list = useRef<HTMLUListElement | null>(null);
  const focusAt = useRef<number | undefined>(undefined);
  // After a triage removes a note from the inbox, the next one takes the focus, so triage goes on from the keyboard.
  useEffect(() => {
    const index = focusAt.current;
    if (index === undefined) return;
    focusAt.current = undefined;
    const rows = list.current?.querySelectorAll<HTMLElement>(':scope > li');
    if (rows && rows.length > 0) rows[Math.min(index, rows.length - 1)]!.focus();
  }, [shown]);

  // Opening the inbox (from the navigator, a link or the address bar) puts the first note in focus,
  // so L, N, A and J work at once; focus the user already moved into the view stays where it is.
  const focusedOnOpen = useRef(false);
  useEffect(() => {
    if (focusedOnOpen.current || shown.length === 0) return;
    focusedOnOpen.current = true;
    const active = document.activeElement;
    const elsewhere = active && active !== document.body && !active.closest('nav, .sidebar');
    if (!elsewhere) list.current?.querySelector<HTMLElement>(':scope > li')?.focus();
  }, [shown]);

  const after = (index: number) => (done: boolean) => {
    if (done) focusAt.current = index;
  };

  function onDrop(event: DragEvent<HTMLElement>) {
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (!file || !writable) return;
    event.preventDefault();
    setCsv({ kind: 'file', file });
  }

  function onPaste(event: ClipboardEvent<HTMLElement>) {
    const target = event.target as HTMLElement;
    if (!writable || target.closest('input, textarea, [contenteditable="true"]')) return;
    const file = event.clipboardData.files[0];
    const text = event.clipboardData.getData('text/plain');
    if (!file && !text.includes('\n')) return;
    event.preventDefault();
    setCsv(file ? { kind: 'file', file } : { kind: 'text', text, name: 'pasted.csv' });
  }

  return (
    <section
      className="view feedback-view"
      data-dragging={dragging ? 'true' : undefined}
      onDragOver={(event) => {
        if (!writable || !event.dataTransfer.types.includes('Files')) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={onDrop}
      onPaste={onPaste}
    >
      <header className="view__header">
        <div>
          <h1 className="view__title">Feedback</h1>
          <p className="view__subtitle">
            {inbox} untriaged of {notes.length} {notes.length === 1 ? 'note' : 'notes'}
            {writable && ' · drop or paste a CSV export here to import it'}
          </p>
        </div>
        {writable && (
          <div className="feedback-actions">
            <NewFeedbackNote
              label="New note…"
              create={(source) => createAndOpen(api, 'feedback', workspace.update, navigate, source)}
            />
            <button type="button" className="button button--primary" onClick={() => setCsv({ kind: 'none' })}>
              Import CSV…
            </button>
          </div>
        )}
      </header>
      <div className="feedback-toolbar">
        <div className="segmented" role="group" aria-label="Show">
          <button
            type="button"
            aria-pressed={filter.scope === 'inbox'}
            onClick={() => setFilter({ ...filter, scope: 'inbox' })}
          >
            Inbox <span className="count">{inbox}</span>
          </button>
          <button
            type="button"
            aria-pressed={filter.scope === 'all'}
            onClick={() => setFilter({ ...filter, scope: 'all' })}
          >
            All notes <span className="count">{notes.length}</span>
          </button>
        </div>
        <div className="evidence-filters" role="group" aria-label="Filter feedback">
          {(['source', 'segment', 'customer'] as const).map((field) => (
            <label key={field} className="evidence-filter">
              <span>{filterLabels[field]}</span>
              <select
                value={filter[field] ?? ''}
                onChange={(event) => setFilter({ ...filter, [field]: event.target.value || undefined })}
              >
                <option value="">Any</option>
                {options[field].map((value) => (
                  <option key={value} value={value}>
                    {value}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
      </div>
      <TriageNotice triage={triage} />
      {shown.length > 0 ? (
        <ul className="feedback-list" aria-label="Feedback notes" ref={list}>
          {shown.map((note, index) => (
            <FeedbackNote
              key={note.path}
              note={note}
              workspace={workspace}
              navigate={navigate}
              targets={targets}
              writable={writable}
              onLink={(key) => void triage.link(note, key).then(after(index))}
              onNewItem={() => void triage.newItem(note).then((key) => after(index)(key !== undefined))}
              onArchive={() => void triage.archive(note).then(after(index))}
              onMove={(step) => {
                const rows = list.current?.querySelectorAll<HTMLElement>(':scope > li');
                rows?.[Math.max(0, Math.min(shown.length - 1, index + step))]?.focus();
              }}
            />
          ))}
        </ul>
      ) : (
        <EmptyFeedback total={notes.length} filter={filter} />
      )}
      <ImportFeedbackDialog
        api={api}
        workspace={workspace}
        input={csv}
        onClose={() => setCsv(undefined)}
        onImported={(count, leftOut) =>
          triage.announce(
            [`Imported ${count} ${count === 1 ? 'note' : 'notes'} into feedback/.`, ...leftOut].join(' '),
          )
        }
      />
    </section>
  );
}

function EmptyFeedback({ total, filter }: { total: number; filter: FeedbackFilter }) {
  const filtered = filter.source ?? filter.segment ?? filter.customer;
  return (
    <div className="panel feedback-empty">
      {total === 0 ? (
        <>
          <h2>No feedback yet</h2>
          <p>
            Write down what a customer said (New note…), or import a CSV export from your support desk, survey
            or CRM (Import CSV…, or drop the file here).
          </p>
        </>
      ) : filtered ? (
        <p>No notes match these filters.</p>
      ) : (
        <>
          <h2>Inbox zero</h2>
          <p>Every note is linked to what it is evidence for, or archived.</p>
        </>
      )}
    </div>
  );
}
