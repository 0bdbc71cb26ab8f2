/** One-line front-matter edits of a document (sign-off stamps, triage), saved against the version that was read. */
import { setFrontMatterFields, splitDocument } from '../../shared/frontMatter/frontMatter.js';
import type { Workspace } from './workspace.js';

export type Written<T> = ({ ok: true; changed: boolean } & T) | { ok: false; message: string };

/** Changes some front-matter fields of a document, saved against the version read; `fields` answers undefined for no change. */
export async function editFrontMatter(
  workspace: Workspace,
  documentPath: string,
  fields: (data: Record<string, unknown>) => Record<string, unknown> | undefined,
): Promise<Written<object>> {
  return editFrontMatterSource(workspace, documentPath, (raw, data, eol) => {
    const changes = fields(data);
    return changes && setFrontMatterFields(raw, changes, eol);
  });
}

/** The same, for an edit of the front matter's source (`raw` undefined: the document has none). */
export async function editFrontMatterSource(
  workspace: Workspace,
  documentPath: string,
  edit: (raw: string | undefined, data: Record<string, unknown>, eol: string) => string | undefined,
): Promise<Written<object>> {
  const read = await workspace.readDocument(documentPath);
  if (!read.ok) return { ok: false, message: read.message };
  const split = splitDocument(read.file.text);
  if (split.frontMatter?.error) {
    return {
      ok: false,
      message: `${documentPath}: its front matter cannot be read (line ${split.frontMatter.error.line})`,
    };
  }
  const eol = read.file.text.includes('\r\n') ? '\r\n' : '\n';
  const raw = edit(split.frontMatter?.raw, split.frontMatter?.data ?? {}, eol);
  if (raw === undefined) return { ok: true, changed: false };
  const text = (split.bom ? '\uFEFF' : '') + raw + split.body;
  const saved = await workspace.saveDocument(documentPath, text, read.file);
  if (saved.ok) return { ok: true, changed: true };
  // The file changed between reading and writing it (someone saved it): say so, nothing is written.
  if (saved.error === 'conflict' && saved.current !== undefined)
    return {
      ok: false,
      message: `${documentPath} changed while this was being written; nothing was written: try again.`,
    };
  return { ok: false, message: saved.message };
}
