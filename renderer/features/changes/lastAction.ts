/**
 * The Changes panel's line about the last action ("Pulled …", "Committed 2 files.") and what the pull's
 * merge renumbered: it describes the repository as that action left it, so the next action clears it
 * when it starts, and it goes when the repository moves under it (a merge, commit or checkout in a
 * terminal changes the branch, what is ahead or behind, or starts a merge or rebase) instead of
 * standing beside a newer state.
 */
import { useCallback, useEffect, useState } from 'react';
import type { GitStatusView, RenumberedItemView } from '../../../shared/contract/gitViews.js';

interface Line {
  text: string;
  /** Roadmap entries of ours a pull's merge moved to a new key. */
  renumbered: RenumberedItemView[];
  /** The action is over and its status read: the line holds while the repository stays in this place. */
  settled: boolean;
  place?: string;
}

export interface LastAction {
  text?: string;
  renumbered: RenumberedItemView[];
  show: (text?: string, renumbered?: RenumberedItemView[]) => void;
  /** The action's own status read is in: from here on, a move of the repository ends the line. */
  settle: () => void;
  clear: () => void;
}

/** Where the repository is, as far as a line about the last action is concerned (not its changed files). */
export function repositoryPlace(status: GitStatusView | undefined): string | undefined {
  if (!status) return undefined;
  const { branch, rebasing, upstream, ahead, behind, hasCommits, operation } = status;
  return JSON.stringify([branch, rebasing, upstream, ahead, behind, hasCommits, operation]);
}

export function useLastAction(status: GitStatusView | undefined): LastAction {
  const [line, setLine] = useState<Line | undefined>(undefined);
  const show = useCallback(
    (text?: string, renumbered: RenumberedItemView[] = []) =>
      setLine(text ? { text, renumbered, settled: false } : undefined),
    [],
  );
  const settle = useCallback(() => setLine((shown) => shown && { ...shown, settled: true }), []);
  const clear = useCallback(() => setLine(undefined), []);
  const place = repositoryPlace(status);
  useEffect(() => {
    if (!line?.settled || place === undefined) return;
    if (line.place === undefined) setLine({ ...line, place });
    else if (line.place !== place) setLine(undefined);
  }, [line, place]);
  return { ...(line ? { text: line.text } : {}), renumbered: line?.renumbered ?? [], show, settle, clear };
}
