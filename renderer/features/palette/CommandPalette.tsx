/** Ctrl/Cmd+K: every action by name. Controlled by `open`/`onClose`, or self-managed when they are absent. */
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import type { WorkspaceState } from '../../app/workspaceState.js';
import { useModalDialog } from '../search/useModalDialog.js';
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

  const writable = workspace.info?.writable ?? false;
  const all = useMemo(
    () => mergeCommands(builtInCommands({ api, navigate, writable, toggleTheme }), commands),
    [api, navigate, writable, commands],
  );

  return (
    <dialog
      ref={dialog.ref}
      className="command-palette"
      aria-label="Command palette"
      onClick={dialog.onBackdropClick}
    >
      {isOpen && <PaletteContent commands={all} onClose={close} />}
    </dialog>
  );
}

function PaletteContent({ commands, onClose }: { commands: readonly PaletteCommand[]; onClose: () => void }) {
  const listId = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [asking, setAsking] = useState<PaletteCommand | undefined>(undefined);
  const [answer, setAnswer] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const shown = useMemo(() => filterCommands(commands, query), [commands, query]);
  const activeIndex = Math.min(active, Math.max(shown.length - 1, 0));

  async function run(command: PaletteCommand | undefined) {
    if (!command) return;
    if (command.ask) {
      setAsking(command);
      setAnswer('');
      setError(undefined);
      return;
    }
    onClose();
    await command.run?.();
  }

  async function submit() {
    const value = answer.trim();
    if (!asking?.ask || !value || busy) return;
    setBusy(true);
    setError(undefined);
    try {
      const failure = await asking.ask.submit(value);
      if (failure) setError(failure);
      else onClose();
    } catch (thrown) {
      setError(thrown instanceof Error ? thrown.message : String(thrown));
    } finally {
      setBusy(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (asking) {
      if (event.key === 'Enter') {
        event.preventDefault();
        void submit();
      } else if (event.key === 'Escape') {
        // Esc in the question steps back to the list instead of closing everything.
        event.preventDefault();
        event.stopPropagation();
        setAsking(undefined);
      }
      return;
    }
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1 };
    if (event.key in moves && shown.length > 0) {
      event.preventDefault();
      setActive((shown.length + activeIndex + moves[event.key]!) % shown.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void run(shown[activeIndex]);
    }
  }

  if (asking?.ask) {
    return (
      <div className="command-palette__body">
        <div className="command-palette__context">{asking.title}</div>
        <input
          key="answer"
          className="command-palette__input"
          aria-label={asking.ask.label}
          placeholder={asking.ask.label}
          autoFocus
          readOnly={busy}
          aria-busy={busy}
          value={answer}
          onChange={(event) => setAnswer(event.target.value)}
          onKeyDown={onKeyDown}
        />
        {error && (
          <p className="command-palette__error" role="alert">
            {error}
          </p>
        )}
        <footer className="command-palette__hint" aria-hidden="true">
          <kbd>Enter</kbd> to confirm · <kbd>Esc</kbd> to go back
        </footer>
      </div>
    );
  }

  const optionId = (index: number) => `${listId}-option-${index}`;
  return (
    <div className="command-palette__body">
      <input
        key="query"
        className="command-palette__input"
        role="combobox"
        aria-label="Command"
        aria-expanded={shown.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown.length > 0 ? optionId(activeIndex) : undefined}
        placeholder="Type a command…"
        autoFocus
        spellCheck={false}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul className="command-palette__list" role="listbox" id={listId} aria-label="Commands">
        {shown.map((command, index) => (
          <li
            key={command.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === activeIndex}
            aria-label={`${command.title}${command.ask ? '…' : ''}`}
            className="command-palette__option"
            onMouseMove={() => setActive(index)}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => void run(command)}
          >
            <span className="command-palette__group" aria-hidden="true">
              {command.group}
            </span>
            <span className="command-palette__title">
              {command.title}
              {command.ask ? '…' : ''}
            </span>
            {command.shortcut && <kbd className="command-palette__shortcut">{command.shortcut}</kbd>}
          </li>
        ))}
      </ul>
      {shown.length === 0 && <p className="command-palette__empty">No command matches “{query}”.</p>}
    </div>
  );
}
