/**
 * The Changes panel's line about the last action ("Pulled …", "Committed 2 files.") and what the pull's
 * merge renumbered: it describes the repository as that action left it, so the next action clears it
 * when it starts instead of leaving it beside a newer state.
 */
import { useCallback, useState } from 'react';
import type { RenumberedItemView } from '../../../shared/contract/gitViews.js';

interface Line {
  text: string;
  /** Roadmap entries of ours a pull's merge moved to a new key. */
  renumbered: RenumberedItemView[];
}

export interface LastAction {
  text?: string;
  renumbered: RenumberedItemView[];
  show: (text?: string, renumbered?: RenumberedItemView[]) => void;
  clear: () => void;
}

export function useLastAction(): LastAction {
  const [line, setLine] = useState<Line | undefined>(undefined);
  const show = useCallback(
    (text?: string, renumbered: RenumberedItemView[] = []) =>
      setLine(text ? { text, renumbered } : undefined),
    [],
  );
  const clear = useCallback(() => setLine(undefined), []);
  return { ...(line ? { text: line.text } : {}), renumbered: line?.renumbered ?? [], show, clear };
}
