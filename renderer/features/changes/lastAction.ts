/**
 * The Changes panel's line about the last action ("Pulled …", "Committed 2 files."): it describes the
 * repository as that action left it, so it goes when the next action starts or when the branch moves
 * some other way (a commit in a terminal, the timer's sync), instead of staying on beside a newer state.
 */
import { useCallback, useEffect, useState } from 'react';
import type { GitStatusView, RenumberedItemView } from '../../../shared/contract/gitViews.js';

/** What a last-action line is about: the branch, how far it is from the remote, a stopped merge. */
export function repositoryMoment(status: GitStatusView | undefined): string {
  if (!status) return '';
  const branch = status.branch ?? status.rebasing ?? '';
  return [branch, status.ahead, status.behind, status.operation ?? '', status.hasCommits].join('|');
}

interface Line {
  text: string;
  /** Roadmap entries of ours a pull's merge moved to a new key. */
  renumbered: RenumberedItemView[];
  /** The moment the line was first shown at; undefined until the render that shows it. */
  moment?: string;
}

/** The line kept while the moment it was shown at lasts. */
export function lineAt(line: Line | undefined, moment: string): Line | undefined {
  if (!line) return undefined;
  if (line.moment === undefined) return { ...line, moment };
  return line.moment === moment ? line : undefined;
}

export interface LastAction {
  text?: string;
  renumbered: RenumberedItemView[];
  /** Call once the status after the action has been read. */
  show: (text?: string, renumbered?: RenumberedItemView[]) => void;
  clear: () => void;
}

export function useLastAction(status: GitStatusView | undefined): LastAction {
  const moment = repositoryMoment(status);
  const [line, setLine] = useState<Line | undefined>(undefined);
  useEffect(() => {
    setLine((current) => {
      const next = lineAt(current, moment);
      return next?.moment === current?.moment ? current : next;
    });
  }, [moment, line]);
  const show = useCallback(
    (text?: string, renumbered: RenumberedItemView[] = []) =>
      setLine(text ? { text, renumbered } : undefined),
    [],
  );
  const clear = useCallback(() => setLine(undefined), []);
  return { ...(line ? { text: line.text } : {}), renumbered: line?.renumbered ?? [], show, clear };
}
