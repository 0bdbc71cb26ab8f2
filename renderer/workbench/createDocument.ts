/**
 * "New spec / story / FAQ / feedback note": create from the template with a placeholder title, open it,
 * select the title.
 */
import type { SpecbenchApi } from '../../shared/contract/apiContract.js';
import type { FeedbackSource } from '../../shared/model/documentModel.js';
import { documentHash } from './route.js';
import type { WorkspaceUpdate } from './workspaceState.js';

export type NewDocumentType = 'spec' | 'story' | 'faq' | 'feedback';

export const newDocumentLabels: Record<NewDocumentType, string> = {
  spec: 'New spec',
  story: 'New story',
  faq: 'New FAQ',
  feedback: 'New feedback note',
};

export const untitledTitles: Record<NewDocumentType, string> = {
  spec: 'Untitled spec',
  story: 'Untitled story',
  faq: 'Untitled FAQ',
  feedback: 'Untitled feedback',
};

/**
 * Paths just created here, and where their caret goes: a template's placeholder title is selected so
 * the user types over it; a note was named in its form already, so its body takes the keyboard.
 */
export const freshlyCreated = new Map<string, 'title' | 'body'>();

export async function createAndOpen(
  api: SpecbenchApi,
  type: NewDocumentType,
  update: (change: WorkspaceUpdate) => Promise<void>,
  navigate: (hash: string) => void,
  /** A feedback note's source picks its template (interview, support, …). */
  source?: FeedbackSource,
  /** A title typed already (the palette asks for it): the body takes the keyboard, not the title. */
  title?: string,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const result = await api.createDocument({
    type,
    title: title ?? untitledTitles[type],
    ...(source === undefined ? {} : { source }),
  });
  if (!result.ok) return { ok: false, message: result.message };
  freshlyCreated.set(result.path, title === undefined ? 'title' : 'body');
  await update({ paths: [result.path] });
  navigate(documentHash(result.path));
  return { ok: true };
}

/** Where "New note" puts a note: the open document's folder, else the workspace's root. */
export function noteFolderOf(openPath: string | undefined): string {
  const slash = openPath?.lastIndexOf('/') ?? -1;
  return slash < 0 ? '' : openPath!.slice(0, slash);
}

/** "New note": a plain Markdown file named after `title`, in `folder`, opened at once. */
export async function createNoteAndOpen(
  api: SpecbenchApi,
  folder: string,
  title: string,
  update: (change: WorkspaceUpdate) => Promise<void>,
  navigate: (hash: string) => void,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const result = await api.createNote({ folder, title });
  if (!result.ok) return { ok: false, message: result.message };
  freshlyCreated.set(result.path, 'body');
  await update({ paths: [result.path] });
  navigate(documentHash(result.path));
  return { ok: true };
}

/** How the New note forms name where the note goes. */
export function newNoteLabel(folder: string): string {
  return `Title of the new note${folder ? ` in ${folder}` : ' (top folder)'}`;
}
