/** Ctrl/Cmd+K: every action by name. Controlled by `open`/`onClose`, or self-managed when they are absent. */
import { useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';
import { noteFolderOf } from '../../workbench/createDocument.js';
import { DocumentSessionsContext } from '../../workbench/documentSessions.js';
import { countByType, isFolderOfNotes } from '../../workbench/folderOfNotes.js';
import { parseRoute } from '../../workbench/route.js';
import { Combobox } from '../../ui/Combobox.js';
import { SuggestField } from '../../ui/SuggestField.js';
import { useModalDialog } from '../../ui/useModalDialog.js';
import type { PaletteCommand } from './paletteCommands.js';
import { builtInCommands, filterCommands, mergeCommands } from './paletteCommands.js';
import { toggleTheme } from './toggleTheme.js';
import './palette.css';

export interface CommandPaletteProps {
  api: SpecbenchApi;
  workspace: WorkspaceState;
  navigate: (hash: string) => void;
  /** The shell's own commands; one with a built-in's id replaces it. */
  commands?: readonly PaletteCommand[];
  open?: boolean;
  onClose?: () => void;
}

/**
 * The open document's folder, read when the palette opens (it does not follow the route): the open
 * session's path, since a keyed document's address is its key (`#/SPEC-1` after Make this a spec sent
 * the new note to the top folder, walk11f), else a story page's path.
 */
const currentNoteFolder = (openPath: string | undefined) => {
  if (openPath !== undefined) return noteFolderOf(openPath);
  const route = parseRoute(window.location.hash);
  return noteFolderOf(route.name === 'doc' || route.name === 'story' ? route.path : undefined);
};

export function CommandPalette({
  api,
  workspace,
  navigate,
  commands = [],
  open,
  onClose,
}: CommandPaletteProps) {
  const [ownOpen, setOwnOpen] = useState(false);
  const controlled = open !== undefined;
  const isOpen = controlled ? open : ownOpen;
  const close = useCallback(() => (controlled ? onClose?.() : setOwnOpen(false)), [controlled, onClose]);
  const dialog = useModalDialog(isOpen, close);

  useEffect(() => {
    if (controlled) return;
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (
        (event.ctrlKey || event.metaKey) &&
        !event.shiftKey &&
        !event.altKey &&
        event.key.toLowerCase() === 'k'
      ) {
        event.preventDefault();
        setOwnOpen((value) => !value);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [controlled]);

  const sessions = useContext(DocumentSessionsContext);
  const writable = workspace.info?.writable ?? false;
  const { update, documents, roadmap } = workspace;
  const notesFirst = useMemo(
    () => isFolderOfNotes(countByType(documents), roadmap.length),
    [documents, roadmap.length],
  );
  const all = useMemo(
    () =>
      mergeCommands(
        builtInCommands({
          api,
          navigate,
          writable,
          toggleTheme,
          // Read as the palette opens: it names the folder the note goes into.
          noteFolder: isOpen ? currentNoteFolder(sessions?.open?.path) : '',
          notesFirst,
          update,
        }),
        commands,
      ),
    [api, navigate, writable, commands, isOpen, notesFirst, update, sessions],
  );

  return (
    <dialog
      ref={dialog.ref}
      className="combobox-dialog command-palette"
      aria-label="Command palette"
      onClick={dialog.onBackdropClick}
    >
      {isOpen && <PaletteContent commands={all} onClose={close} />}
    </dialog>
  );
}

function PaletteContent({ commands, onClose }: { commands: readonly PaletteCommand[]; onClose: () => void }) {
  const [query, setQuery] = useState('');
  const [asking, setAsking] = useState<PaletteCommand | undefined>(undefined);
  const shown = useMemo(() => filterCommands(commands, query), [commands, query]);

  async function run(command: PaletteCommand) {
    if (command.ask) {
      setAsking(command);
      return;
    }
    onClose();
    await command.run?.();
  }

  if (asking?.ask) {
    return (
      <PaletteQuestion
        command={asking}
        ask={asking.ask}
        onBack={() => setAsking(undefined)}
        onDone={onClose}
      />
    );
  }
  return (
    <Combobox
      options={shown}
      query={query}
      onQueryChange={setQuery}
      onPick={(command) => void run(command)}
      optionKey={(command) => command.id}
      renderOption={(command) => (
        <>
          <span className="command-palette__group" aria-hidden="true">
            {command.group}
          </span>
          <span className="command-palette__title">
            {command.title}
            {command.ask ? '…' : ''}
          </span>
          {command.shortcut && <kbd className="command-palette__shortcut">{command.shortcut}</kbd>}
        </>
      )}
      inputLabel="Command"
      listLabel="Commands"
      placeholder="Type a command…"
      empty={`No command matches “${query}”.`}
      wrap
    />
  );
}

interface PaletteQuestionProps {
  command: PaletteCommand;
  ask: NonNullable<PaletteCommand['ask']>;
  onBack: () => void;
  onDone: () => void;
}

/** A command that needs one answer (a title, a key) asks for it in place of the list. */
function PaletteQuestion({ command, ask, onBack, onDone }: PaletteQuestionProps) {
  const [answer, setAnswer] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);

  async function submit(given = answer) {
    const value = given.trim();
    if (!value || busy) return;
    setBusy(true);
    setError(undefined);
    try {
      const failure = await ask.submit(value);
      if (failure) setError(failure);
      else onDone();
    } catch (thrown) {
      setError(thrown instanceof Error ? thrown.message : String(thrown));
    } finally {
      setBusy(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      void submit();
    } else if (event.key === 'Escape') {
      // Esc in the question steps back to the list instead of closing everything.
      event.preventDefault();
      event.stopPropagation();
      onBack();
    }
  }

  return (
    <div className="combobox">
      <div className="command-palette__context">{command.title}</div>
      {ask.suggestions ? (
        <div className="command-palette__suggest">
          <SuggestField
            label={ask.label}
            listLabel={ask.suggestions.label}
            placeholder={ask.label}
            value={answer}
            onChange={setAnswer}
            suggestions={ask.suggestions.values}
            onSubmit={(value) => void submit(value)}
            onEscape={onBack}
            readOnly={busy}
          />
        </div>
      ) : (
        <input
          className="combobox__input"
          aria-label={ask.label}
          placeholder={ask.label}
          autoFocus
          readOnly={busy}
          aria-busy={busy}
          value={answer}
          onChange={(event) => setAnswer(event.target.value)}
          onKeyDown={onKeyDown}
        />
      )}
      {error && (
        <p className="command-palette__error" role="alert">
          {error}
        </p>
      )}
      <footer className="combobox__hint" aria-hidden="true">
        <kbd>Enter</kbd> to confirm · <kbd>Esc</kbd> to go back
      </footer>
    </div>
  );
}
