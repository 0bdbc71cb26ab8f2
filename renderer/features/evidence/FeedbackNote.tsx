/** One feedback note in the list: who said what, where and when; what it is evidence for; its triage actions and keys. */
import { useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { DocumentSummary } from '../../../shared/contract/documentSummary.js';
import { HashLink } from '../../ui/HashLink.js';
import { documentLink, roadmapItemHash } from '../../workbench/route.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import { LinkPicker } from './LinkPicker.js';
import { titleLeadOf, type LinkTarget } from './evidenceSummary.js';

interface FeedbackNoteProps {
  note: DocumentSummary;
  workspace: WorkspaceState;
  navigate: (hash: string) => void;
  targets: readonly LinkTarget[];
  writable: boolean;
  onLink: (key: string) => void;
  onNewItem: () => void;
  onArchive: () => void;
  /** Moves the focus to the note `step` rows away. */
  onMove: (step: number) => void;
}

/** Where a linked key leads: a roadmap item's page, or the spec holding a requirement. */
function keyHash(key: string, workspace: WorkspaceState): string | undefined {
  if (workspace.roadmapByKey.has(key)) return roadmapItemHash(key);
  const owner = workspace.requirementOwner.get(key);
  if (owner) return documentLink(owner, { requirement: key });
  const document = workspace.byKey.get(key);
  return document ? documentLink(document) : undefined;
}

export function FeedbackNote(props: FeedbackNoteProps) {
  const { note, workspace, navigate, writable } = props;
  const [linking, setLinking] = useState(false);
  const row = useRef<HTMLLIElement | null>(null);
  const evidence = note.evidence;
  const archived = note.status === 'archived';
  const hash = documentLink(note, {}, workspace.byKey);
  const lead = evidence?.quote ? titleLeadOf(note.title, evidence.quote) : undefined;

  function onKeyDown(event: KeyboardEvent<HTMLLIElement>) {
    if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return;
    const key = event.key.toLowerCase();
    const action =
      key === 'arrowdown' || key === 'j'
        ? () => props.onMove(1)
        : key === 'arrowup' || key === 'k'
          ? () => props.onMove(-1)
          : key === 'enter'
            ? () => navigate(documentLink(note, {}, workspace.byKey))
            : !writable
              ? undefined
              : key === 'l'
                ? () => setLinking(true)
                : key === 'n'
                  ? props.onNewItem
                  : key === 'a' && !archived
                    ? props.onArchive
                    : undefined;
    if (!action) return;
    event.preventDefault();
    action();
  }

  return (
    <li
      ref={row}
      className="feedback-note"
      tabIndex={0}
      aria-label={`${note.key ?? ''} ${note.title}`.trim()}
      aria-keyshortcuts={writable ? 'L N A Enter' : 'Enter'}
      onKeyDown={onKeyDown}
    >
      <div className="feedback-note__meta">
        {note.key && <span className="key">{note.key}</span>}
        {evidence?.source && (
          <span className={`source-chip source-chip--${evidence.source}`}>{evidence.source}</span>
        )}
        {evidence?.customer && <span className="feedback-note__customer">{evidence.customer}</span>}
        {evidence?.segment && <span>{evidence.segment}</span>}
        {evidence?.date && <time dateTime={evidence.date}>{evidence.date}</time>}
        {archived && <span className="status">archived</span>}
      </div>
      {lead ? (
        // The title is the quote's first words: shown once, in the quote, as the note's link.
        <blockquote className="feedback-note__quote">
          <HashLink className="feedback-note__title" hash={hash} navigate={navigate} tabIndex={-1}>
            {lead.lead}
          </HashLink>
          {lead.rest}
        </blockquote>
      ) : (
        <>
          <HashLink className="feedback-note__title" hash={hash} navigate={navigate} tabIndex={-1}>
            {note.title}
          </HashLink>
          {evidence?.quote && <blockquote className="feedback-note__quote">{evidence.quote}</blockquote>}
        </>
      )}
      {note.about.length > 0 && (
        <p className="feedback-note__about">
          Evidence for{' '}
          {note.about.map((key, index) => {
            const hash = keyHash(key, workspace);
            return (
              <span key={key}>
                {index > 0 && ', '}
                {hash ? (
                  <HashLink hash={hash} navigate={navigate} className="key-link">
                    {key}
                  </HashLink>
                ) : (
                  key
                )}
              </span>
            );
          })}
        </p>
      )}
      {writable && (
        <div className="feedback-note__actions">
          <button type="button" className="button" aria-keyshortcuts="L" onClick={() => setLinking(true)}>
            Link… <kbd aria-hidden="true">L</kbd>
          </button>
          <button type="button" className="button" aria-keyshortcuts="N" onClick={props.onNewItem}>
            New roadmap item <kbd aria-hidden="true">N</kbd>
          </button>
          {!archived && (
            <button
              type="button"
              className="button button--quiet"
              aria-keyshortcuts="A"
              onClick={props.onArchive}
            >
              Archive <kbd aria-hidden="true">A</kbd>
            </button>
          )}
        </div>
      )}
      {linking && (
        <LinkPicker
          noteTitle={note.title}
          targets={props.targets}
          linked={note.about}
          onPick={(key) => {
            setLinking(false);
            props.onLink(key);
          }}
          onClose={(cancelled) => {
            setLinking(false);
            if (cancelled) row.current?.focus();
          }}
        />
      )}
    </li>
  );
}
