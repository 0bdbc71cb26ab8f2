/** "New spec / story / FAQ": create from the template with a placeholder title, open it, select the title. */
import type { SpecbenchApi } from '../../shared/contract/apiContract.js';
import { documentHash } from './route.js';
import type { WorkspaceUpdate } from './workspaceState.js';

export type NewDocumentType = 'spec' | 'story' | 'faq';

export const newDocumentLabels: Record<NewDocumentType, string> = {
  spec: 'New spec',
  story: 'New story',
  faq: 'New FAQ',
};

export const untitledTitles: Record<NewDocumentType, string> = {
  spec: 'Untitled spec',
  story: 'Untitled story',
  faq: 'Untitled FAQ',
};

/** Paths just created here: their editor selects the title so the user types over it. */
export const freshlyCreated = new Set<string>();

export async function createAndOpen(
  api: SpecbenchApi,
  type: NewDocumentType,
  update: (change: WorkspaceUpdate) => Promise<void>,
  navigate: (hash: string) => void,
): Promise<{ ok: true } | { ok: false; message: string }> {
  const result = await api.createDocument({ type, title: untitledTitles[type] });
  if (!result.ok) return { ok: false, message: result.message };
  freshlyCreated.add(result.path);
  await update({ paths: [result.path] });
  navigate(documentHash(result.path));
  return { ok: true };
}
