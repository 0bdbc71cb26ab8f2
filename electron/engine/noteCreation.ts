/** "New note": an empty Markdown file, no front matter, named after its title, in a folder of the workspace. */
import path from 'node:path';
import type { DocumentStore, FileVersion } from './documentStore.js';
import { fileNameProblem, workspaceFolder } from './renameSteps.js';

export type CreatedNote =
  | { ok: true; path: string; text: string; version: FileVersion }
  | { ok: false; error: string; message: string };

/** Writes `<folder>/<title>.md` (`<title>-2.md`… when taken), never over a file. */
export async function createNote(store: DocumentStore, folder: string, title: string): Promise<CreatedNote> {
  const name = title.trim();
  const problem = fileNameProblem(name);
  if (problem) return { ok: false, error: 'invalid-title', message: problem };
  const target = workspaceFolder(folder);
  if (target === undefined)
    return { ok: false, error: 'invalid-path', message: `"${folder}" is not a folder of the workspace.` };
  const text = '';
  for (let attempt = 1; attempt < 1000; attempt++) {
    const candidate = path.posix.join(target, `${attempt === 1 ? name : `${name}-${attempt}`}.md`);
    const created = await store.create(candidate, text);
    if (created.ok) return { ok: true, path: candidate, text, version: created.version };
    if (created.error !== 'exists') return { ok: false, error: created.error, message: created.message };
  }
  return { ok: false, error: 'exists', message: `Too many notes are named ${name}.` };
}
