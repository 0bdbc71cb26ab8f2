/**
 * The notice after a create, rename or move made a file name shared: "2 notes are named Plan; [[Plan]]
 * links in 2 notes now lead to Plan.md", with "Keep them pointing at Notes/Plan.md" (the links written
 * as `[[Notes/Plan]]`, all files or none), then "Undo" (written back as they were). It stays until
 * closed: a link that changed meaning is not something to miss because one looked away.
 */
import { useCallback, useState, type ReactNode } from 'react';
import type { NamesakeView, SpecbenchApi } from '../../shared/contract/apiContract.js';
import { Toast } from '../ui/Toast.js';
import { plural } from '../../shared/model/plural.js';

interface Shown {
  message: string;
  action?: { label: string; run: () => void };
}

/** What the notice says of a namesake that took links over. */
export function namesakeMessage(namesake: NamesakeView): string {
  const { name, notes, now, ambiguous, files } = namesake;
  const links = `[[${name}]] links in ${plural(files.length, 'note')}`;
  return ambiguous
    ? `${notes.length} notes are named ${name}; ${links} are now ambiguous and open ${now}, the shortest path.`
    : `${notes.length} notes are named ${name}; ${links} now lead to ${now}.`;
}

export function useNamesakeNotice(
  api: SpecbenchApi,
  changed: (paths: string[]) => void,
): { report: (namesake: NamesakeView) => void; notice: ReactNode } {
  const [shown, setShown] = useState<Shown | undefined>(undefined);
  const close = useCallback(() => setShown(undefined), []);
  const report = useCallback(
    (namesake: NamesakeView) => {
      const was = namesake.was.length === 1 ? namesake.was[0]! : 'the notes they led to';
      const rewrite = async (links: NamesakeView['links'], done: string, undo?: NamesakeView['links']) => {
        const result = await api.rewriteNameLinks({ links }).catch((error: unknown) => ({
          ok: false as const,
          error: 'failed',
          message: String(error),
        }));
        if (!result.ok) return setShown({ message: result.message });
        changed(result.changedFiles);
        const back = result.undo;
        setShown({
          message: done,
          ...(undo === undefined
            ? {
                action: {
                  label: 'Undo',
                  run: () => void rewrite(back, `[[${namesake.name}]] links are as they were.`, back),
                },
              }
            : {}),
        });
      };
      setShown({
        message: namesakeMessage(namesake),
        action: {
          label: `Keep them pointing at ${was}`,
          run: () =>
            void rewrite(
              namesake.links,
              `${plural(namesake.links.length, 'link')} in ${plural(namesake.files.length, 'note')} now name ${was} by its path.`,
            ),
        },
      });
    },
    [api, changed],
  );
  return {
    report,
    notice: shown && (
      <Toast
        message={shown.message}
        duration="until-closed"
        onClose={close}
        {...(shown.action ? { action: shown.action } : {})}
      />
    ),
  };
}
