/**
 * Triage actions on a feedback note, each undoable: link it to a key, turn it into a new roadmap item
 * in Later (then renamed: its title starts as the customer's words), or archive it.
 */
import { useCallback, useState } from 'react';
import type { SpecbenchApi } from '../../../shared/contract/apiContract.js';
import type { DocumentSummary } from '../../../shared/contract/documentSummary.js';
import {
  joinDocument,
  setFrontMatterFields,
  splitDocument,
} from '../../../shared/frontMatter/frontMatter.js';
import type { WorkspaceState } from '../../workbench/workspaceState.js';

export interface Triage {
  link: (note: DocumentSummary, key: string) => Promise<boolean>;
  newItem: (note: DocumentSummary) => Promise<string | undefined>;
  archive: (note: DocumentSummary) => Promise<boolean>;
  /** Renames the roadmap item the last N made. */
  rename: (key: string, title: string) => Promise<boolean>;
  /** Takes back the last link, archive or new item, if the message offers it. */
  undo: () => Promise<void>;
  /** Shows a message of another action (an import) in the same place. */
  announce: (text: string) => void;
  /** What the last action did ("FB-3 is evidence for RM-2"), or why it failed. */
  message?: TriageMessage;
}

export interface TriageMessage {
  text: string;
  failed: boolean;
  /** Offered after a link, an archive or a new item. */
  undoable?: boolean;
  /** The roadmap item N just made, to be renamed. */
  created?: { key: string; title: string };
}

export function useTriage(api: SpecbenchApi, workspace: Pick<WorkspaceState, 'update'>): Triage {
  const [message, setMessage] = useState<TriageMessage | undefined>(undefined);
  const [undoing, setUndoing] = useState<(() => Promise<void>) | undefined>(undefined);
  const { update } = workspace;

  /** Puts the note's file back: the key taken out of `about`, the status as it was (the file as it is now otherwise). */
  const revert = useCallback(
    async (note: DocumentSummary, unlink: string | undefined, label: string) => {
      const read = await api.readDocument({ path: note.path });
      if (!read.ok) {
        setMessage({ text: `Not undone: ${read.message}`, failed: true });
        return;
      }
      const split = splitDocument(read.text);
      const data = split.frontMatter?.data ?? {};
      const changes: Record<string, unknown> = { status: note.status };
      if (unlink !== undefined && Array.isArray(data.about))
        changes.about = data.about.filter((key) => key !== unlink);
      const eol = read.text.includes('\r\n') ? '\r\n' : '\n';
      const raw = setFrontMatterFields(split.frontMatter?.raw, changes, eol);
      const text = joinDocument({
        ...split,
        frontMatter: { ...(split.frontMatter ?? { yaml: '', data: {} }), raw },
      });
      const saved = await api.saveDocument({ path: note.path, text, expected: read.version });
      if (!saved.ok) {
        setMessage({ text: `Not undone: ${saved.message}`, failed: true });
        return;
      }
      await update({ paths: [note.path] });
      setMessage({ text: label, failed: false });
    },
    [api, update],
  );

  /** Deletes the item N made; the note loses its link and, left with none, is back in the inbox. */
  const removeCreated = useCallback(
    async (key: string, name: string) => {
      const removed = await api.removeRoadmapItem({ key });
      if (!removed.ok) {
        setMessage({ text: `Not undone: ${removed.message}`, failed: true });
        return;
      }
      await update({ paths: removed.unlinked, roadmap: true });
      setMessage({ text: `${key} is deleted and ${name} is back in the inbox.`, failed: false });
    },
    [api, update],
  );

  const write = useCallback(
    async (
      note: DocumentSummary,
      link: string[],
      archive: boolean,
      done: string,
      roadmap = false,
      created?: TriageMessage['created'],
    ) => {
      // A change to the note as its file is now (keys to add, or archive), never this window's copy of it.
      const result = await api.triageFeedback({ path: note.path, link, ...(archive ? { archive } : {}) });
      if (!result.ok) {
        setMessage({ text: `${note.key ?? note.title} was not changed: ${result.message}`, failed: true });
        return false;
      }
      await update({ summaries: [result.summary], roadmap });
      const name = note.key ?? note.title;
      const undone =
        link.length > 0 ? `${name} is no longer evidence for ${link[0]}.` : `${name} is back in the inbox.`;
      // Undo of N deletes the new item, and the server takes it out of the note in the same step.
      setUndoing(() =>
        created === undefined ? () => revert(note, link[0], undone) : () => removeCreated(created.key, name),
      );
      setMessage({ text: done, failed: false, undoable: true, ...(created ? { created } : {}) });
      return true;
    },
    [api, update, revert, removeCreated],
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
        `${key} is in Later, with ${note.key ?? 'this note'} as its evidence. Its title is the customer's words:`,
        true,
        { key, title: note.title },
      );
      return linked ? key : undefined;
    },
    [api, write],
  );

  const archive = useCallback(
    (note: DocumentSummary) => write(note, [], true, `${note.key ?? note.title} is archived.`),
    [write],
  );

  const rename = useCallback(
    async (key: string, title: string) => {
      const updated = await api.updateRoadmapItem({ key, patch: { title } });
      if (!updated.ok) {
        setMessage({ text: `${key} was not renamed: ${updated.message}`, failed: true, undoable: true });
        return false;
      }
      await update({ roadmap: true });
      // Still the item N made: Undo (deleting it, the note back in the inbox) stays until the next action.
      setMessage({ text: `${key} is now “${updated.item.title}”.`, failed: false, undoable: true });
      return true;
    },
    [api, update],
  );

  const undo = useCallback(async () => {
    const run = undoing;
    setUndoing(undefined);
    if (run) await run();
  }, [undoing]);

  const announce = useCallback((text: string) => {
    setUndoing(undefined);
    setMessage({ text, failed: false });
  }, []);
  return { link, newItem, archive, rename, undo, announce, ...(message ? { message } : {}) };
}
