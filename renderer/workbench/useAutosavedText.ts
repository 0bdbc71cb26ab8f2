/** A text field saved as the user types, with the editor's autosave pause. */
import { useEffect, useRef, useState } from 'react';
import { autosaveDelayMs } from './documentSession.js';

/**
 * A text field saved as the user types (after a pause, and on leaving it), with its state shown, so a
 * reload or a click elsewhere never loses what was typed; an outside change shows when not typing.
 */
export function useAutosavedText(saved: string, commit: (value: string) => Promise<boolean>) {
  const [value, setValue] = useState(saved);
  const [state, setState] = useState<'' | 'Unsaved' | 'Saving…' | 'Saved' | 'Not saved'>('');
  const pending = useRef<string | undefined>(undefined);
  const timer = useRef<number | undefined>(undefined);
  const commitRef = useRef(commit);
  commitRef.current = commit;
  useEffect(() => {
    if (pending.current === undefined) setValue(saved);
  }, [saved]);
  const flush = () => {
    window.clearTimeout(timer.current);
    const text = pending.current;
    if (text === undefined) return;
    pending.current = undefined;
    setState('Saving…');
    void commitRef.current(text).then((ok) => setState(ok ? 'Saved' : 'Not saved'));
  };
  const flushRef = useRef(flush);
  flushRef.current = flush;
  // Leaving the page saves what is still waiting.
  useEffect(() => () => flushRef.current(), []);
  const change = (text: string) => {
    setValue(text);
    pending.current = text;
    setState('Unsaved');
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => flushRef.current(), autosaveDelayMs);
  };
  return { value, state, change, flush };
}
