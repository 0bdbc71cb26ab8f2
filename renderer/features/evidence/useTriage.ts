/** Triage actions on a feedback note: link it to a key, turn it into a new roadmap item in Later, or archive it. */
import { useCallback, useState } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import type { DocumentSummary } from '../../../shared/contract/documentSummary.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';

export interface Triage {
  link: (note: DocumentSummary, key: string) => Promise<boolean>;
  newItem: (note: DocumentSummary) => Promise<string | undefined>;
  archive: (note: DocumentSummary) => Promise<boolean>;
  /** Shows a message of another action (an import) in the same place. */
  announce: (text: string) => void;
  /** What the last action did ("FB-3 is evidence for RM-2"), or why it failed. */
  message?: { text: string; failed: boolean };
}

export function useTriage(api: SpecbenchApi, workspace: Pick<WorkspaceState, 'update'>): Triage {
  const [message, setMessage] = useState<Triage['message']>(undefined);
  const { update } = workspace;

  const write = useCallback(
    async (note: DocumentSummary, link: string[], archive: boolean, done: string, roadmap = false) => {
      // A change to the note as its file is now (keys to add, or archive), never this window's copy of it.
      const result = await api.triageFeedback({ path: note.path, link, ...(archive ? { archive } : {}) });
      if (!result.ok) {
        setMessage({ text: `${note.key ?? note.title} was not changed: ${result.message}`, failed: true });
        return false;
      }
      await update({ summaries: [result.summary], roadmap });
      setMessage({ text: done, failed: false });
      return true;
    },
    [api, update],
  );

  const link = useCallback(
    (note: DocumentSummary, key: string) =>
      write(note, [key], false, `${note.key ?? note.title} is now evidence for ${key}.`),
    [write],
  );

  const newItem = useCallback(
    async (note: DocumentSummary) => {
      const quote = note.evidence?.quote ?? '';
      const created = await api.createRoadmapItem({
        title: note.title,
        lane: 'later',
        description: note.key ? `${quote}\n\nFrom ${note.key}.`.trim() : quote,
      });
      if (!created.ok) {
        setMessage({ text: `No roadmap item was made: ${created.message}`, failed: true });
        return undefined;
      }
      const key = created.item.key;
      const linked = await write(
        note,
        [key],
        false,
        `${key} “${note.title}” is in Later, with ${note.key ?? 'this note'} as its evidence.`,
        true,
      );
      return linked ? key : undefined;
    },
    [api, write],
  );

  const archive = useCallback(
    (note: DocumentSummary) => write(note, [], true, `${note.key ?? note.title} is archived.`),
    [write],
  );

  const announce = useCallback((text: string) => setMessage({ text, failed: false }), []);
  return { link, newItem, archive, announce, ...(message ? { message } : {}) };
}
