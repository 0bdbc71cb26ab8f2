/**
 * "Keep both" in a conflict: my text becomes a document of its own beside theirs. It gets the new
 * copy's key and title, and fresh requirement keys (the original keeps its own), so the two never
 * share a key.
 */
import { joinDocument, setFrontMatterFields, splitDocument } from '../../shared/frontMatter/frontMatter.js';
import { nextKey } from '../../shared/model/keys.js';
import type { SpecbenchApi } from '../../shared/contract/apiContract.js';
import { documentFolders } from '../../shared/model/documentModel.js';

export interface CopyIdentity {
  key: string;
  title: string;
  requirementPrefix: string;
  /** Requirement keys the workspace already uses. */
  takenRequirementKeys: Iterable<string>;
}

export function myCopyTitle(title: string): string {
  return `${title} (my copy)`;
}

export function myCopyText(mine: string, identity: CopyIdentity): string {
  const split = splitDocument(mine);
  const eol = mine.includes('\r\n') ? '\r\n' : '\n';
  // Sign-offs were given to the original's text, not to this one.
  const fields = { key: identity.key, title: identity.title, approvals: undefined };
  const raw = setFrontMatterFields(split.frontMatter?.raw, fields, eol);
  const taken = new Set(identity.takenRequirementKeys);
  const renamed = new Map<string, string>();
  const body = split.body.replace(
    /^(:::requirement\{#)([A-Za-z][\w-]*-\d+)/gm,
    (_match, fence: string, old: string) => {
      let fresh = renamed.get(old);
      if (!fresh) {
        fresh = nextKey(identity.requirementPrefix, taken);
        taken.add(fresh);
        renamed.set(old, fresh);
      }
      return `${fence}${fresh}`;
    },
  );
  return joinDocument({
    ...split,
    body,
    frontMatter: { ...(split.frontMatter ?? { yaml: '', data: {} }), raw },
  });
}

/** The document in conflict, and the key its copy is given when the copy is not made in the type's folder. */
export interface CopyOriginal {
  path: string;
  type: 'spec' | 'story' | 'faq' | 'feedback';
  keyPrefix: string;
  takenKeys: Iterable<string>;
}

/** The folder a path is in ('' for the workspace's root). */
function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/**
 * A new file for the copy, beside the original: in the type's folder a new document (it names the file
 * and gives the key); elsewhere (a vault note made a spec) a note named after the title, given the next key.
 */
async function createCopy(
  api: SpecbenchApi,
  original: CopyOriginal,
  title: string,
): Promise<{ ok: true; path: string; key: string } | { ok: false; message: string }> {
  const folder = folderOf(original.path);
  if (folder === documentFolders[original.type]) return api.createDocument({ type: original.type, title });
  const created = await api.createNote({ folder, title });
  return created.ok
    ? { ok: true, path: created.path, key: nextKey(original.keyPrefix, original.takenKeys) }
    : created;
}

/** Saves `mine` as a new document beside the one in conflict; answers where, or why not. */
export async function saveMyCopy(
  api: SpecbenchApi,
  original: CopyOriginal,
  title: string,
  mine: string,
  requirements: Pick<CopyIdentity, 'requirementPrefix' | 'takenRequirementKeys'>,
): Promise<{ ok: true; path: string; title: string } | { ok: false; message: string }> {
  const copyTitle = myCopyTitle(title);
  const created = await createCopy(api, original, copyTitle);
  if (!created.ok) return created;
  const read = await api.readDocument({ path: created.path });
  if (!read.ok) return read;
  const text = myCopyText(mine, { key: created.key, title: copyTitle, ...requirements });
  const saved = await api.saveDocument({ path: created.path, text, expected: read.version });
  return saved.ok
    ? { ok: true, path: created.path, title: copyTitle }
    : { ok: false, message: saved.message };
}

/** Keep both for a note without a key: my text, byte for byte, as `<name> (my copy).md` in its folder. */
export async function saveMyNoteCopy(
  api: SpecbenchApi,
  path: string,
  mine: string,
): Promise<{ ok: true; path: string; title: string } | { ok: false; message: string }> {
  const slash = path.lastIndexOf('/');
  const title = myCopyTitle(path.slice(slash + 1).replace(/\.md$/i, ''));
  const created = await api.createNote({ folder: slash < 0 ? '' : path.slice(0, slash), title });
  if (!created.ok) return created;
  const read = await api.readDocument({ path: created.path });
  if (!read.ok) return read;
  const saved = await api.saveDocument({ path: created.path, text: mine, expected: read.version });
  return saved.ok ? { ok: true, path: created.path, title } : { ok: false, message: saved.message };
}
